using System.Security.Cryptography;
using System.Text;

namespace Ciclo.Verbatims;

/// <summary>The themes in force for a workspace (built-in ones, extended or renamed, and its own),
/// compiled for matching. A term written with a leading ~ is weak: it yields to another theme
/// named in the same clause. <see cref="Fingerprint"/> changes whenever a term or theme does, so
/// that comments analysed with other themes are analysed again.</summary>
public sealed class ThemeSet
{
    private readonly TermMatcher<string> _matcher;
    private readonly HashSet<TermPattern<string>> _weak = [];

    public ThemeSet(IReadOnlyList<ThemeDefinition> themes, CommentTokenizer? tokenizer = null)
    {
        tokenizer ??= CommentTokenizer.Shared;
        Themes = themes;
        var patterns = new List<TermPattern<string>>();
        var text = new StringBuilder();
        foreach (var theme in themes)
        {
            text.Append(theme.Id).Append('\u001F');
            foreach (var (language, terms) in theme.Terms.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                foreach (var term in terms)
                {
                    text.Append(language).Append(':').Append(term).Append('\u001F');
                    var weak = term.StartsWith('~');
                    if (TermPattern<string>.Compile(language, weak ? term[1..] : term, theme.Id, tokenizer) is { } pattern)
                    {
                        patterns.Add(pattern);
                        if (weak)
                        {
                            _weak.Add(pattern);
                        }
                    }
                }
            }
        }

        _matcher = new TermMatcher<string>(patterns);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    public static ThemeSet BuiltIn { get; } = new(BuiltInThemes.All);

    public IReadOnlyList<ThemeDefinition> Themes { get; }

    public string Fingerprint { get; }

    public ThemeDefinition? Find(string id) => Themes.FirstOrDefault(t => t.Id == id);

    /// <summary>The themes a comment mentions, in the order of the theme list.</summary>
    public IReadOnlyList<string> Tag(IReadOnlyList<CommentToken> tokens)
    {
        var matches = TermMatcher<string>.Longest(_matcher.FindAll(tokens));
        if (matches.Count == 0)
        {
            return [];
        }

        // A weak term ("slow") speaks of another theme named in its clause ("support is slow").
        var clause = new int[tokens.Count];
        for (var i = 1; i < tokens.Count; i++)
        {
            clause[i] = clause[i - 1] + (tokens[i].StartsClause ? 1 : 0);
        }

        var ids = new HashSet<string>(matches.Where(m => !_weak.Contains(m.Pattern) || !matches.Any(o =>
            !_weak.Contains(o.Pattern) && o.Pattern.Payload != m.Pattern.Payload && clause[o.Start] == clause[m.Start])).Select(m => m.Pattern.Payload), StringComparer.Ordinal);
        return Themes.Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToList();
    }
}
