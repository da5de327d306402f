using System.Globalization;
using Xunit.Abstractions;

namespace Ciclo.Tests.Verbatims;

/// <summary>Sentiment accuracy per language on the independent check set
/// (tests/Ciclo.Tests/Fixtures/verbatims/check.jsonl): 150 B2B comments, 50 per language, written and
/// labelled before the sentiment rules were reworked and never used to tune them. Mixed answers are
/// labelled by the clause after "but" (ma, però, لكن, بس), neutral when praise and blame are balanced.</summary>
public sealed class CheckSetQualityTests(ITestOutputHelper output)
{
    /// <summary>The floor asserted per language: the 0.8 target where it was reached (it, 0.800), else
    /// the accuracy measured once after the rules were reworked (en 0.780, ar 0.660; before: en 0.740,
    /// it 0.760, ar 0.600). English and Arabic do not reach 0.8 on this set; see docs/verbatims.md.</summary>
    private static readonly Dictionary<string, double> Floor = new(StringComparer.Ordinal) { ["en"] = 0.78, ["it"] = 0.8, ["ar"] = 0.66 };

    [Fact]
    public void Sentiment_generalises_to_the_independent_check_set()
    {
        var check = CorpusQuality.Measure("all", CorpusQuality.CheckPath);
        output.WriteLine(check.Summary().Replace("| all |", "| check |", StringComparison.Ordinal));
        Assert.Equal(["ar", "en", "it"], check.Languages.Keys.Order());
        foreach (var (lang, s) in check.Languages)
        {
            Assert.Equal(50, s.Comments);
            Assert.True(s.SentimentAccuracy >= Floor[lang], string.Create(CultureInfo.InvariantCulture, $"{lang}: sentiment accuracy {s.SentimentAccuracy:F3} on the check set"));
        }
    }
}
