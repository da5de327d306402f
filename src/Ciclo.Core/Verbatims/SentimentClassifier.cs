namespace Ciclo.Verbatims;

/// <summary>
/// A comment's sentiment: the lexicon and its rules (<see cref="SentimentScorer"/>) read the comment,
/// and the trained <see cref="SentimentModel"/> decides from their reading and the words themselves.
/// The label is the most probable class; the score is P(positive) − P(negative), in [−1, 1], so it is
/// positive for a positive label and negative for a negative one. Thread-safe.
/// </summary>
public sealed class SentimentClassifier(SentimentScorer scorer, SentimentModel model)
{
    public static SentimentClassifier Shared { get; } = new(SentimentScorer.Shared, SentimentModel.Shared);

    public SentimentResult Classify(string text, IReadOnlyList<CommentToken> tokens, string language) =>
        Decide(model.Probabilities(Features(text, tokens, language, scorer)));

    internal static List<(string Name, double Value)> Features(string text, IReadOnlyList<CommentToken> tokens, string language, SentimentScorer scorer) =>
        SentimentFeatures.Extract(tokens, language, scorer.Read(text, tokens, language));

    internal static SentimentResult Decide(double[] p)
    {
        var best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[2] > p[1] ? 2 : 1;
        var score = Math.Round(p[2] - p[0], 3, MidpointRounding.AwayFromZero);
        return new SentimentResult(SentimentModel.Classes[best], score);
    }
}
