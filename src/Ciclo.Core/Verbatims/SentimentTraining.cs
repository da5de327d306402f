namespace Ciclo.Verbatims;

/// <summary>
/// Trains the sentiment classifier: multinomial logistic regression on <see cref="SentimentFeatures"/>
/// (features seen in fewer than two comments are left out, bar the lexicon's), L2-regularised, by
/// full-batch AdaGrad for a fixed number of iterations from zero weights, so the same comments always
/// give the same weights. Also k-fold cross-validation. The comments are read exactly as the analyser
/// reads them (language identified from the text, not taken from the label).
/// </summary>
public static class SentimentTraining
{
    public const double DefaultRegularisation = 0.003;
    public const int DefaultIterations = 300;
    private const double LearningRate = 0.5;
    private const int MinCount = 2;

    /// <summary>How far the classes are balanced: 0 weighs every comment alike, 1 gives every class of a
    /// language the same total weight; half way keeps some of the prior that complaints are commoner.</summary>
    private const double Balance = 0.5;

    public static SentimentExample Prepare(LabelledComment comment)
    {
        var tokens = CommentTokenizer.Shared.Tokenize(comment.Text);
        var language = VerbatimAnalyzer.ProcessingLanguage(comment.Text, tokens, null);
        var features = SentimentClassifier.Features(comment.Text, tokens, language, SentimentScorer.Shared);
        var label = Array.IndexOf(SentimentModel.Classes, comment.Sentiment);
        if (label < 0)
        {
            throw new ArgumentException("Unknown sentiment: " + comment.Sentiment, nameof(comment));
        }

        return new SentimentExample(comment.Language, features, label);
    }

    public static SentimentModel Train(IReadOnlyList<LabelledComment> comments, double regularisation = DefaultRegularisation, int iterations = DefaultIterations) =>
        Train(comments.Select(Prepare).ToList(), regularisation, iterations);

    public static SentimentModel Train(IReadOnlyList<SentimentExample> examples, double regularisation = DefaultRegularisation, int iterations = DefaultIterations)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in examples)
        {
            foreach (var name in e.Features.Select(f => f.Name).Distinct())
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var rows = new List<(int[] Features, double[] Values, int Class)>();
        foreach (var e in examples)
        {
            var merged = new SortedDictionary<int, double>();
            foreach (var (name, value) in e.Features)
            {
                if (counts[name] < MinCount && !IsLexicon(name))
                {
                    continue;
                }

                if (!index.TryGetValue(name, out var i))
                {
                    i = index[name] = names.Count;
                    names.Add(name);
                }

                merged[i] = merged.GetValueOrDefault(i) + value;
            }

            rows.Add((merged.Keys.ToArray(), merged.Values.ToArray(), e.Class));
        }

        // Each class of each language weighs as much in total as the others, so the classes' shares in
        // the training comments do not become the model's prior.
        var classCounts = examples.GroupBy(e => (e.Language, e.Class)).ToDictionary(g => g.Key, g => g.Count());
        var languageCounts = examples.GroupBy(e => e.Language, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var weightOf = examples.Select(e => Balance * languageCounts[e.Language] / (3.0 * classCounts[(e.Language, e.Class)]) + (1 - Balance)).ToArray();
        var w = new double[names.Count * 3];
        var history = new double[w.Length];
        var gradient = new double[w.Length];
        var n = rows.Count;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var z = new double[3];
            for (var r = 0; r < rows.Count; r++)
            {
                var (features, values, label) = rows[r];
                var weight = weightOf[r] / n;
                Array.Clear(z);
                for (var k = 0; k < features.Length; k++)
                {
                    var at = features[k] * 3;
                    z[0] += w[at] * values[k];
                    z[1] += w[at + 1] * values[k];
                    z[2] += w[at + 2] * values[k];
                }

                var p = SentimentModel.Softmax(z);
                p[label] -= 1;
                for (var k = 0; k < features.Length; k++)
                {
                    var at = features[k] * 3;
                    gradient[at] += p[0] * values[k] * weight;
                    gradient[at + 1] += p[1] * values[k] * weight;
                    gradient[at + 2] += p[2] * values[k] * weight;
                }
            }

            for (var j = 0; j < w.Length; j++)
            {
                var g = gradient[j] + (regularisation * w[j]);
                history[j] += g * g;
                w[j] -= LearningRate * g / (Math.Sqrt(history[j]) + 1e-8);
            }
        }

        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var values = new[] { Round(w[i * 3]), Round(w[(i * 3) + 1]), Round(w[(i * 3) + 2]) };
            if (values.Any(v => Math.Abs(v) >= 1e-4))
            {
                weights[names[i]] = values;
            }
        }

        var perLanguage = examples.GroupBy(e => e.Language, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new SentimentModel(weights, regularisation, iterations, perLanguage);
    }

    /// <summary>k-fold cross-validation (comment i in fold i mod k): per language, comments right and comments.</summary>
    public static Dictionary<string, (int Correct, int Total)> CrossValidate(IReadOnlyList<SentimentExample> examples, int folds = 5, double regularisation = DefaultRegularisation, int iterations = DefaultIterations)
    {
        var predicted = CrossValidatedLabels(examples, folds, regularisation, iterations);
        var scores = new Dictionary<string, (int Correct, int Total)>(StringComparer.Ordinal);
        for (var i = 0; i < examples.Count; i++)
        {
            var (correct, total) = scores.GetValueOrDefault(examples[i].Language);
            scores[examples[i].Language] = (correct + (predicted[i] == SentimentModel.Classes[examples[i].Class] ? 1 : 0), total + 1);
        }

        return scores;
    }

    /// <summary>Each comment's label as predicted by the model trained on the other folds.</summary>
    public static string[] CrossValidatedLabels(IReadOnlyList<SentimentExample> examples, int folds = 5, double regularisation = DefaultRegularisation, int iterations = DefaultIterations)
    {
        var predicted = new string[examples.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = examples.Where((_, i) => i % folds != fold).ToList();
            var model = Train(train, regularisation, iterations);
            for (var i = fold; i < examples.Count; i += folds)
            {
                predicted[i] = SentimentClassifier.Decide(model.Probabilities(examples[i].Features)).Label;
            }
        }

        return predicted;
    }

    /// <summary>Whether a feature is one of the lexicon's (bias, score, praise, blame, contrast polarity,
    /// flags), shared or of a language, rather than a word's.</summary>
    private static bool IsLexicon(string name) => SentimentFeatures.IsReading(name[(name.IndexOf('|', StringComparison.Ordinal) + 1)..]);

    private static double Round(double value) => Math.Round(value, 5, MidpointRounding.AwayFromZero);
}
