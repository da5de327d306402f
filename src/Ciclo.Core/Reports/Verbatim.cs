namespace Ciclo.Reports;

/// <summary>An NPS answer with its comment: category is promoter (9-10), passive (7-8) or detractor (0-6).</summary>
public sealed record Verbatim(string ResponseId, DateOnly AnsweredOn, int Score, string Category, string? Language,
    string? CustomerId, string? Segment, string Comment)
{
    public static string CategoryOf(int score) => score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}
