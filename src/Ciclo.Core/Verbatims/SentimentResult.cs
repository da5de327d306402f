namespace Ciclo.Verbatims;

/// <summary>A comment's sentiment: positive, neutral or negative, and a score in [-1, 1].</summary>
public readonly record struct SentimentResult(string Label, double Score);
