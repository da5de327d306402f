using Ciclo.Planner;
using Ciclo.Presenters;
using Ciclo.Tests.Support;
using Ciclo.Time;

namespace Ciclo.Tests.Cli;

/// <summary>The metric table in English, Italian and Arabic, with each language's pinned culture.</summary>
public sealed class LocalizedTableTests : IClassFixture<ExampleFixture>
{
    private readonly string _en;
    private readonly string _it;
    private readonly string _ar;

    public LocalizedTableTests(ExampleFixture example)
    {
        var report = MetricEngine.Run(example.Ws.Workspace,
            new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 5, 31), Grain.Month) { Metrics = ["customers_end", "churn_rate", "total_revenue", "nps", "upsell_revenue_share", "lead_to_customer_rate"] });
        _en = MetricTablePresenter.Render(report, "en");
        _it = MetricTablePresenter.Render(report, "it");
        _ar = MetricTablePresenter.Render(report, "ar");
    }

    [Fact]
    public void English_uses_english_labels_and_number_formats()
    {
        Assert.Contains("Churn rate", _en);
        Assert.Contains("16,554.48 EUR", _en);   // January total revenue
        Assert.Contains("4.3%", _en);            // February churn 1/23
        Assert.Contains("Jan 2024", _en);
        Assert.Contains("EXPAND · Result", _en);
        Assert.Contains("* pending", _en);       // lead_to_customer_rate is a cohort still open
    }

    [Fact]
    public void Italian_uses_italian_labels_and_decimal_commas()
    {
        Assert.Contains("Tasso di abbandono", _it);
        Assert.Contains("16.554,48 EUR", _it);
        Assert.Contains("4,3%", _it);
        Assert.Contains("gen 2024", _it);
    }

    [Fact]
    public void Arabic_reads_right_to_left_with_arabic_digits()
    {
        Assert.Contains("معدل فقدان العملاء", _ar);
        Assert.Contains("١٦٬٥٥٤٫٤٨ EUR", _ar);
        Assert.DoesNotMatch("[0-9]", _ar); // culture-aware Contains would equate ١ and 1
        Assert.All(_ar.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("\u200F", line));
        // Columns run from the right: the metric name ends each line.
        Assert.Contains(_ar.Split('\n'), line => line.TrimEnd().EndsWith("معدل فقدان العملاء", StringComparison.Ordinal));
    }
}
