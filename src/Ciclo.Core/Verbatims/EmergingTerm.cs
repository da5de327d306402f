namespace Ciclo.Verbatims;

/// <summary>A word or word pair said more by one group than the other: how many detractor and
/// promoter comments hold it, and its lift (how many times more often, smoothed).</summary>
public sealed record EmergingTerm(string Term, string Kind, int Detractors, int Promoters, double Lift);
