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
