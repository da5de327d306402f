namespace Ciclo.Reports;

/// <summary>An NPS answer with its comment: category is promoter (9-10), passive (7-8) or detractor (0-6).
/// <see cref="Language"/> is the survey's language, or the identified one when the survey gave none;
/// themes, sentiment and language confidence come from the verbatim analysis.</summary>
public sealed record Verbatim(string ResponseId, DateOnly AnsweredOn, int Score, string Category, string? Language,
    string? CustomerId, string? Segment, string Comment)
{
    public double? LanguageConfidence { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>positive, neutral or negative (null before analysis).</summary>
    public string? Sentiment { get; init; }

    /// <summary>From -1 (negative) to 1 (positive).</summary>
    public double? SentimentScore { get; init; }

    /// <summary>The words contradict the score: a promoter who complains, a detractor who praises.</summary>
    public bool Disagrees => (Category == "promoter" && Sentiment == "negative") || (Category == "detractor" && Sentiment == "positive");

    public static string CategoryOf(int score) => score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}
