using Ciclo.Planner;
using Ciclo.Results;
using Ciclo.Tests.Support;
using Ciclo.Time;

namespace Ciclo.Tests.Planner;

/// <summary>Hand-computed fixtures for the attract-to-convert stages: leads converted before they
/// became MQLs, a campaign with both channel costs and a budget, an amount whose rate arrives a
/// day later, a cohort still inside its window.</summary>
public sealed class FunnelEdgeCaseTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public FunnelEdgeCaseTests()
    {
        _ws.ImportCsv("customers", "customer_id,segment,acquired_on", "A,SMB,2023-01-01", "C,Enterprise,2024-01-20");
        _ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on,cost,currency",
            "P1,Search ads,ads,prospects,attract,2024-01-01,1000,",   // a budget, but it has channel costs: those count
            "P2,Webinar,webinar,prospects,capture,2024-01-15,300,",    // no channel costs: its cost on started_on
            "P3,Guide,content,all,capture,2024-01-20,200,USD",         // USD with no rate until imported later
            "K1,Newsletter,email,customers,expand,2024-01-05,50,");    // customer campaign: marketing spend, not prospect spend
        _ws.ImportCsv("channel_stats", "campaign_id,day,impressions,clicks,visits,cost,currency",
            "P1,2024-01-01,1000,40,10,10,", "P1,2024-01-02,500,10,5,20,EUR");
        _ws.ImportCsv("leads", "lead_id,created_on,source_campaign_id,segment,became_mql_on,converted_on,customer_id,lost_on",
            "L1,2024-01-05,P1,Enterprise,2024-02-01,2024-01-20,C,",   // converted before it became an MQL
            "L2,2024-01-10,P2,SMB,,,,2024-01-30");
    }

    private MetricReport Run(SegmentFilter? segment = null) =>
        MetricEngine.Run(_ws.Workspace, new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 29), Grain.Month) { Segment = segment });

    private static MetricValue M(MetricReport r, string period, string metric) => r.Periods.Single(p => p.Period.Label == period).Metrics[metric];

    [Fact]
    public void A_lead_converted_before_its_MQL_date_counts_in_each_stage_on_its_own_day()
    {
        var r = Run();
        Assert.Equal(2, M(r, "2024-01", "new_leads").Value);
        Assert.Equal(0, M(r, "2024-01", "new_mqls").Value);      // L1 became an MQL in February
        Assert.Equal(1, M(r, "2024-02", "new_mqls").Value);
        Assert.Equal(0.5, M(r, "2024-01", "lead_to_mql_rate").Value);
        Assert.Equal(0.5, M(r, "2024-01", "lead_to_customer_rate").Value);
        Assert.Equal(15, M(r, "2024-01", "sales_cycle_days").Value); // Jan 5 -> Jan 20
        Assert.Null(M(r, "2024-02", "sales_cycle_days").Value);
    }

    [Fact]
    public void A_cohort_whose_window_is_open_is_pending_with_its_value_so_far()
    {
        // Latest data is 2024-02-01 (L1's MQL day); January ended 0 days before it, under the 90-day window.
        var value = M(Run(), "2024-01", "lead_to_customer_rate");
        Assert.Equal("pending", value.Status);
        Assert.Equal(0.5, value.Value);
        Assert.Equal("final", M(Run(), "2024-01", "new_leads").Status);
    }

    [Fact]
    public void Channel_costs_replace_a_campaign_budget_and_a_missing_rate_flags_the_spend_incomplete()
    {
        var before = M(Run(), "2024-01", "marketing_spend");
        // P1: 10 + 20 from channel_stats (its 1000 budget is ignored); P2: 300; K1: 50; P3: no rate yet.
        Assert.Equal(380, before.Value);
        Assert.True(before.Incomplete);
        Assert.Equal(1, before.MissingRateRows);
        Assert.Single(Ciclo.Reports.MissingRates.Find(_ws.Workspace));

        // The rate arrives a day before P3's start: the amount converts and nothing is flagged.
        _ws.ImportCsv("fx_rates", "currency,day,rate", "USD,2024-01-19,0.9", "USD,2024-01-21,2");
        var r = Run();
        Assert.Equal(380 + 180, M(r, "2024-01", "marketing_spend").Value);
        Assert.False(M(r, "2024-01", "marketing_spend").Incomplete);
        Assert.Empty(Ciclo.Reports.MissingRates.Find(_ws.Workspace));
        // prospect spend = P1 30 + P2 300 + P3 180 (audience all) = 510; 2 leads; C acquired in January.
        Assert.Equal(255, M(r, "2024-01", "cost_per_lead").Value);
        Assert.Equal(510, M(r, "2024-01", "customer_acquisition_cost").Value);
        Assert.Equal(0.6, M(r, "2024-01", "cost_per_click").Value!.Value, 12); // 30 / 50 clicks
        Assert.Equal(50.0 / 1500, M(r, "2024-01", "ad_click_rate").Value!.Value, 12);
    }

    [Fact]
    public void Lead_metrics_filter_by_the_leads_own_segment()
    {
        var r = Run(new SegmentFilter("segment", "Enterprise"));
        Assert.Equal(1, M(r, "2024-01", "new_leads").Value);
        Assert.Equal(1, M(r, "2024-01", "lead_to_customer_rate").Value);
        Assert.Equal("not_segmentable", M(Run(new SegmentFilter("region", "IT")), "2024-01", "new_leads").Status);
    }

    public void Dispose() => _ws.Dispose();
}
