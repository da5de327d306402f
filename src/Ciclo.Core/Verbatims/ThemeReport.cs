namespace Ciclo.Verbatims;

/// <summary>What customers say in a range: comments per period, each theme's numbers, and the
/// emerging terms.</summary>
public sealed record ThemeReport(ThemeRequest Request, DateOnly From, DateOnly To, IReadOnlyList<Time.Period> Periods,
    IReadOnlyList<int> CommentsPerPeriod, int Comments, IReadOnlyList<ThemeSummary> Themes, EmergingTerms Emerging);
