using Ciclo.Reports;

namespace Ciclo.Verbatims;

/// <summary>One theme over the whole range: mentions, share of comments, NPS of the answers that
/// mention it, their sentiment, each period, and example comments.</summary>
public sealed record ThemeSummary(ThemeDefinition Theme, int Mentions, double? Share, double? Nps,
    int Positive, int Neutral, int Negative, IReadOnlyList<ThemePeriod> Periods, IReadOnlyList<Verbatim> Examples);
