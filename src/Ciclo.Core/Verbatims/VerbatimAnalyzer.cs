namespace Ciclo.Verbatims;

/// <summary>Analyses one comment: words (Lucene.Net), language, themes, sentiment. Thread-safe.</summary>
public sealed class VerbatimAnalyzer(ThemeSet themes)
{
    /// <summary>Bump when the analysis changes, so that stored results are computed again.</summary>
    public const int Version = 3;

    public static readonly string[] Languages = ["en", "it", "ar"];

    public ThemeSet Themes => themes;

    /// <summary>What changes the stored results: the analyser version, the lexicons and the themes in force.</summary>
    public string Fingerprint => Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + LexiconResources.LexiconHash + ":" + themes.Fingerprint;

    /// <summary>One comment in each language the analysis reads with its own lexicon and model.</summary>
    private static readonly string[] Samples =
    [
        "The support team answered quickly, but the reports are slow to load.",
        "Il supporto risponde in fretta, ma i report sono lenti da caricare.",
        "الدعم الفني يرد بسرعة لكن التقارير بطيئة",
    ];

    /// <summary>
    /// Readies what every analysis in the process shares (the tokenizer and its stemmers, the
    /// built-in themes, the language profiles, the lexicons and the sentiment model) by analysing
    /// one sample comment per language, and returns those analyses. The first analysis in a process
    /// otherwise pays for it: about 0.2 s, most of it compiling code that runs once. An import of
    /// surveys runs this on another thread while it reads the file. Safe beside other analyses.
    /// </summary>
    public static IReadOnlyList<CommentAnalysis> Prepare()
    {
        _ = LexiconResources.LexiconHash;
        var analyzer = new VerbatimAnalyzer(ThemeSet.BuiltIn);
        return [.. Samples.Select(sample => analyzer.Analyze(sample))];
    }

    public CommentAnalysis Analyze(string comment, string? givenLanguage = null)
    {
        var tokens = CommentTokenizer.Shared.Tokenize(comment);
        var given = NormalizeLanguage(givenLanguage);
        var guess = given is null ? LanguageIdentifier.Shared.Identify(comment, tokens) : new LanguageGuess(given, 1);
        var sentiment = SentimentClassifier.Shared.Classify(comment, tokens, Processing(guess.Code, tokens));
        return new CommentAnalysis(guess.Code, guess.Confidence, given is not null, themes.Tag(tokens), sentiment.Label, sentiment.Score);
    }

    /// <summary>The language whose lexicon and model read a comment: its own when it is en, it or ar, else
    /// Arabic when most of its words are Arabic, else English.</summary>
    public static string ProcessingLanguage(string comment, IReadOnlyList<CommentToken> tokens, string? givenLanguage)
    {
        var given = NormalizeLanguage(givenLanguage);
        return Processing(given ?? LanguageIdentifier.Shared.Identify(comment, tokens).Code, tokens);
    }

    private static string Processing(string code, IReadOnlyList<CommentToken> tokens) =>
        Languages.Contains(code) ? code : tokens.Count(t => t.Forms.IsArabic) * 2 > tokens.Count ? "ar" : "en";

    /// <summary>"it-IT" → "it"; null or empty stays null.</summary>
    public static string? NormalizeLanguage(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var primary = code.Trim().Split('-', '_')[0];
        return primary.ToLowerInvariant();
    }
}
