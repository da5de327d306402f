using System.Collections;
using System.Globalization;
using System.Resources;
using Ciclo.Catalog;
using Ciclo.Localization;

namespace Ciclo.Tests.Cli;

public sealed class MessagesTests
{
    [Fact]
    public void Every_message_exists_in_every_language()
    {
        var manager = new ResourceManager("Ciclo.Localization.Messages", typeof(Text).Assembly);
        var keys = manager.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.True(keys.Count > 50);
        foreach (var lang in new[] { "it", "ar" })
        {
            var set = manager.GetResourceSet(CultureInfo.GetCultureInfo(lang), true, false);
            Assert.NotNull(set);
            var missing = keys.Where(k => set!.GetString(k) is null).ToList();
            Assert.True(missing.Count == 0, lang + " lacks: " + string.Join(", ", missing));
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("it")]
    [InlineData("ar")]
    public void Every_metric_has_a_name_and_a_definition_in_every_language(string lang)
    {
        foreach (var metric in Metrics.All)
        {
            Assert.NotEqual(metric.Id, MetricTexts.Name(metric.Id, lang));
            Assert.False(string.IsNullOrWhiteSpace(MetricTexts.Definition(metric.Id, lang)));
        }
    }

    [Fact]
    public void Every_rejection_reason_has_a_text()
    {
        var reasons = new[] { "required", "not_a_date", "not_a_timestamp", "not_a_number", "not_an_integer", "not_a_bool", "not_allowed",
            "not_a_currency", "not_a_language", "not_positive", "below_minimum", "above_maximum", "before_other", "unknown_reference",
            "negative_not_refund", "clicks_above_impressions", "customer_required_when_converted", "lost_with_converted", "ambiguous_key" };
        foreach (var lang in Text.Languages)
        {
            Assert.All(reasons, r => Assert.NotEqual("Reason_" + r, Text.Get(lang, "Reason_" + r)));
        }
    }
}
