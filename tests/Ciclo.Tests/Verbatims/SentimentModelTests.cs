using System.Globalization;
using Ciclo.Verbatims;
using Xunit.Abstractions;

namespace Ciclo.Tests.Verbatims;

/// <summary>The sentiment classifier: the shipped weights are what training on the labelled files
/// gives (so a changed lexicon or training file without a retrained model fails here), its 5-fold
/// cross-validated accuracy on those files, and its scores.</summary>
public sealed class SentimentModelTests(ITestOutputHelper output)
{
    private static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "verbatims");

    [Fact]
    public void The_shipped_model_is_the_one_the_training_files_give()
    {
        var comments = SentimentTrainingSet.Read(Fixtures);
        var trained = SentimentTraining.Train(comments);
        var shipped = SentimentModel.Shared;
        Assert.Equal(trained.Examples.OrderBy(e => e.Key), shipped.Examples.OrderBy(e => e.Key));
        Assert.Equal(trained.Weights.Keys.Order(StringComparer.Ordinal), shipped.Weights.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, weights) in trained.Weights)
        {
            for (var k = 0; k < 3; k++)
            {
                Assert.True(Math.Abs(weights[k] - shipped.Weights[name][k]) < 2e-5, $"{name}[{k}]: trained {weights[k]}, shipped {shipped.Weights[name][k]}; run tools/sentiment-model");
            }
        }
    }

    [Fact]
    public void The_training_files_hold_no_held_out_or_check_comment()
    {
        var training = SentimentTrainingSet.Read(Fixtures).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var (split, path) in new[] { ("heldout", CorpusQuality.CorpusPath), ("all", CorpusQuality.CheckPath) })
        {
            foreach (var line in File.ReadLines(path))
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                var row = doc.RootElement;
                if (split == "all" || row.GetProperty("split").GetString() == split)
                {
                    Assert.DoesNotContain(row.GetProperty("text").GetString()!, training);
                }
            }
        }
    }

    [Fact]
    public void Cross_validated_accuracy_on_the_training_files()
    {
        var examples = SentimentTrainingSet.Read(Fixtures).Select(SentimentTraining.Prepare).ToList();
        var scores = SentimentTraining.CrossValidate(examples);
        foreach (var (lang, (correct, total)) in scores.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var accuracy = (double)correct / total;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| cross-validation | {lang} | {total} | {accuracy:F3} |"));
            Assert.True(accuracy >= Floor[lang], string.Create(CultureInfo.InvariantCulture, $"{lang}: 5-fold accuracy {accuracy:F3}"));
        }
    }

    [Theory]
    [InlineData("Support answered within minutes and fixed everything. Great team!", "positive")]
    [InlineData("Terrible support, nobody answers our tickets.", "negative")]
    [InlineData("Il supporto è lentissimo e nessuno risponde.", "negative")]
    [InlineData("الدعم ممتاز والرد سريع", "positive")]
    public void The_score_is_in_range_and_has_the_sign_of_the_label(string text, string sentiment)
    {
        var result = new VerbatimAnalyzer(ThemeSet.BuiltIn).Analyze(text);
        Assert.Equal(sentiment, result.Sentiment);
        Assert.InRange(result.SentimentScore, -1, 1);
        Assert.Equal(sentiment == "positive" ? 1 : -1, Math.Sign(result.SentimentScore));
    }

    /// <summary>The floor asserted on the cross-validated accuracy, not the 0.8 target: measured en 0.764,
    /// it 0.750, ar 0.733 on training comments written to be hard (complaints stated as facts, praise
    /// without praise words, sarcasm, balanced answers), a point under that so a regression fails.
    /// The target is reached on the held-out corpus and the check set; see docs/verbatims.md.</summary>
    private static readonly Dictionary<string, double> Floor = new(StringComparer.Ordinal) { ["en"] = 0.75, ["it"] = 0.74, ["ar"] = 0.72 };
}
