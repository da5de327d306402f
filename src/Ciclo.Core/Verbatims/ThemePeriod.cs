namespace Ciclo.Verbatims;

/// <summary>One theme in one period: comments in the period, how many mention the theme, their
/// share, the NPS of the answers that mention it, and the same for the period before.</summary>
public sealed record ThemePeriod(Time.Period Period, int Comments, int Mentions, double? Share, double? Nps,
    int PreviousMentions, double? PreviousShare, double? PreviousNps)
{
    /// <summary>Change of share since the previous period, in fractions (0.031 = 3.1 points).</summary>
    public double? ShareChange => Share is { } s && PreviousShare is { } p ? s - p : null;

    public double? NpsChange => Nps is { } n && PreviousNps is { } p ? n - p : null;
}
