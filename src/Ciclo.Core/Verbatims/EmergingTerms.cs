namespace Ciclo.Verbatims;

/// <summary>The words and pairs that stand out among detractors and among promoters, each needing
/// at least <see cref="MinCount"/> comments of its group.</summary>
public sealed record EmergingTerms(int MinCount, int DetractorComments, int PromoterComments,
    IReadOnlyList<EmergingTerm> Detractors, IReadOnlyList<EmergingTerm> Promoters);
