namespace Ciclo.Verbatims;

/// <summary>A sentiment lexicon entry: its role and, for polar terms, its signed weight.</summary>
public sealed record SentimentTerm(SentimentRole Role, double Weight);
