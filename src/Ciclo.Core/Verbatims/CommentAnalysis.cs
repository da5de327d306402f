namespace Ciclo.Verbatims;

/// <summary>What the analysis says of one comment: its language (given by the survey or identified,
/// with a confidence), the themes it mentions and its sentiment.</summary>
public sealed record CommentAnalysis(string Language, double LanguageConfidence, bool LanguageGiven,
    IReadOnlyList<string> Themes, string Sentiment, double SentimentScore)
{
    /// <summary>True when the words contradict the score: a promoter who complains, a detractor who praises.</summary>
    public bool Disagrees(string category) =>
        (category == "promoter" && Sentiment == "negative") || (category == "detractor" && Sentiment == "positive");
}
