namespace Ciclo.Verbatims;

/// <summary>The sentiment lexicons of en, it and ar (embedded sentiment.json) compiled for matching,
/// with each language's function words and false friends (words that mean something else in the
/// other Latin-script language, so are not read with its lexicon).</summary>
public sealed class SentimentLexicon
{
    private static readonly Dictionary<string, SentimentRole> Roles = new(StringComparer.Ordinal)
    {
        ["negators"] = SentimentRole.Negator,
        ["intensifiers"] = SentimentRole.Intensifier,
        ["diminishers"] = SentimentRole.Diminisher,
        ["contrast"] = SentimentRole.Contrast,
        ["concessive"] = SentimentRole.Concessive,
        ["wishes"] = SentimentRole.Wish,
        ["sarcasm"] = SentimentRole.Sarcasm,
        ["irony"] = SentimentRole.Irony,
        ["excess"] = SentimentRole.Excess,
    };

    private SentimentLexicon(CommentTokenizer tokenizer)
    {
        using var doc = LexiconResources.Json("sentiment.json");
        var root = doc.RootElement;
        var patterns = new List<TermPattern<SentimentTerm>>();
        foreach (var language in new[] { "en", "it", "ar" })
        {
            var lexicon = root.GetProperty(language);
            foreach (var (polarity, sign) in new[] { ("positive", 1.0), ("negative", -1.0) })
            {
                foreach (var level in lexicon.GetProperty(polarity).EnumerateObject())
                {
                    var weight = sign * level.Name switch { "1" => 0.4, "2" => 1.5, _ => 2.5 };
                    foreach (var term in level.Value.EnumerateArray())
                    {
                        Add(patterns, language, term.GetString()!, new SentimentTerm(SentimentRole.Polar, weight), tokenizer);
                    }
                }
            }

            foreach (var term in lexicon.GetProperty("neutral").EnumerateArray())
            {
                Add(patterns, language, term.GetString()!, new SentimentTerm(SentimentRole.Polar, 0), tokenizer);
            }

            foreach (var (key, role) in Roles)
            {
                foreach (var term in lexicon.GetProperty(key).EnumerateArray())
                {
                    Add(patterns, language, term.GetString()!, new SentimentTerm(role, 0), tokenizer);
                }
            }

            FalseFriends[language] = lexicon.GetProperty("falsefriends").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        }

        Matcher = new TermMatcher<SentimentTerm>(patterns);
        var emoji = root.GetProperty("emoji");
        PositiveEmoji = emoji.GetProperty("positive").EnumerateArray().Select(e => e.GetString()!).ToList();
        NegativeEmoji = emoji.GetProperty("negative").EnumerateArray().Select(e => e.GetString()!).ToList();
        SarcasmEmoji = emoji.GetProperty("sarcasm").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public static SentimentLexicon Shared { get; } = new(CommentTokenizer.Shared);

    public TermMatcher<SentimentTerm> Matcher { get; }

    public Dictionary<string, HashSet<string>> FalseFriends { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> PositiveEmoji { get; }

    public IReadOnlyList<string> NegativeEmoji { get; }

    public IReadOnlyList<string> SarcasmEmoji { get; }

    private static void Add(List<TermPattern<SentimentTerm>> patterns, string language, string term, SentimentTerm payload, CommentTokenizer tokenizer)
    {
        if (TermPattern<SentimentTerm>.Compile(language, term, payload, tokenizer, light: true) is { } pattern)
        {
            patterns.Add(pattern);
        }
    }
}
