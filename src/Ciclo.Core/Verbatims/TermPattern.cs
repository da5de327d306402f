namespace Ciclo.Verbatims;

/// <summary>A lexicon term compiled to words (a phrase has several), with what it stands for:
/// a theme id, or a sentiment role and weight.</summary>
public sealed class TermPattern<T>(string language, string text, IReadOnlyList<TermElement> elements, T payload)
{
    public string Language { get; } = language;

    public string Text { get; } = text;

    public IReadOnlyList<TermElement> Elements { get; } = elements;

    public T Payload { get; } = payload;

    /// <summary>Compiles a term written as in the lexicon files: words separated by spaces, each a
    /// word (its stem is matched), a prefix ending in * or an exact word starting with =.</summary>
    /// <param name="light">For English, match the minimal (plural-only) stem rather than Porter's.</param>
    public static TermPattern<T>? Compile(string language, string term, T payload, CommentTokenizer tokenizer, bool light = false)
    {
        var wordLanguage = light && language == "en" ? "en~" : language;
        var elements = new List<TermElement>();
        foreach (var word in term.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word == "?" && elements.Count > 0)
            {
                elements.Add(new TermElement("any", "?", TermKind.Any, "?"));
                continue;
            }

            var kind = word.Length > 1 && word.EndsWith('*') ? TermKind.Prefix : word.Length > 1 && word[0] == '=' ? TermKind.Exact : TermKind.Stem;
            if (kind != TermKind.Stem)
            {
                var bare = kind == TermKind.Prefix ? word[..^1] : word[1..];
                var arabic = Scripts.IsArabicWord(bare);
                var norm = arabic ? CommentTokenizer.NormalizeArabic(bare) : CommentTokenizer.Fold(bare);
                elements.Add(new TermElement(arabic ? "ar" : language == "ar" ? "any" : wordLanguage, norm, kind, norm));
                continue;
            }

            foreach (var token in tokenizer.Tokenize(word))
            {
                var forms = token.Forms;
                var lang = forms.IsArabic ? "ar" : language == "ar" ? "any" : wordLanguage;
                elements.Add(new TermElement(lang, forms.Stem(lang) ?? forms.Norm, TermKind.Stem, forms.Norm));
            }
        }

        return elements.Count == 0 ? null : new TermPattern<T>(language, term, elements, payload);
    }
}
