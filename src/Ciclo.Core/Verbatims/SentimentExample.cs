namespace Ciclo.Verbatims;

/// <summary>One labelled comment as the sentiment classifier sees it: the language it was labelled
/// in, its features and its class (index into <see cref="SentimentModel.Classes"/>).</summary>
public sealed record SentimentExample(string Language, List<(string Name, double Value)> Features, int Class);
