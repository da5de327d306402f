using Xunit.Abstractions;

namespace Ciclo.Tests.Verbatims;

/// <summary>The analyser against the hand-labelled corpus (tests/Ciclo.Tests/Fixtures/verbatims/
/// corpus.jsonl): theme F1 (micro-averaged over themes) and sentiment accuracy must reach 0.8 in
/// each language, over the whole corpus and over the held-out 30 % (never looked at while the
/// lexicons were tuned, never used to train the sentiment classifier). Set CICLO_QUALITY_OUT to a
/// file to write the tables of docs/verbatims.md.</summary>
public sealed class CorpusQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Themes_and_sentiment_reach_the_targets_in_every_language()
    {
        var all = CorpusQuality.Measure("all");
        var heldOut = CorpusQuality.Measure("heldout");
        var report = "| split | language | comments | theme precision | theme recall | theme F1 | sentiment accuracy | language accuracy |\n" +
                     "|---|---|---|---|---|---|---|---|\n" + heldOut.Summary() + all.Summary() +
                     "\n| theme | en P / R / F1 (labelled) | it P / R / F1 (labelled) | ar P / R / F1 (labelled) |\n|---|---|---|---|\n" + all.PerTheme();
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CICLO_QUALITY_OUT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report);
        }

        Assert.Equal(["ar", "en", "it"], all.Languages.Keys.Order());
        foreach (var (lang, s) in all.Languages)
        {
            Assert.True(s.Comments >= 100, $"{lang}: only {s.Comments} comments");
            Assert.True(s.Micro.F1 >= 0.8, $"{lang}: theme F1 {s.Micro.F1:F3}");
            Assert.True(s.SentimentAccuracy >= 0.8, $"{lang}: sentiment accuracy {s.SentimentAccuracy:F3}");
            Assert.True(s.LanguageAccuracy >= 0.95, $"{lang}: language accuracy {s.LanguageAccuracy:F3}");
        }

        foreach (var (lang, s) in heldOut.Languages)
        {
            Assert.True(s.Micro.F1 >= 0.8, $"{lang} held out: theme F1 {s.Micro.F1:F3}");
            Assert.True(s.SentimentAccuracy >= 0.8, $"{lang} held out: sentiment accuracy {s.SentimentAccuracy:F3}");
        }
    }
}
