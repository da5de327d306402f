namespace Ciclo.Verbatims;

/// <summary>What `ciclo themes` and GET /api/themes ask: a date range (default: the twelve months up
/// to the latest comment), a grain, an optional segment and comment language, and the minimum
/// number of comments a word needs before it can be called emerging.</summary>
public sealed record ThemeRequest(DateOnly? From, DateOnly? To, Time.Grain Grain = Time.Grain.Month,
    Planner.SegmentFilter? Segment = null, string? Language = null, int MinCount = 5);
