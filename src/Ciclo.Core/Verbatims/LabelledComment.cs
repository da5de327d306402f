namespace Ciclo.Verbatims;

/// <summary>A comment labelled by hand with its language and sentiment (positive, neutral, negative).</summary>
public sealed record LabelledComment(string Text, string Language, string Sentiment);
