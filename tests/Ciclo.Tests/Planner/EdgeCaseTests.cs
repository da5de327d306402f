using Ciclo.Planner;
using Ciclo.Results;
using Ciclo.Tests.Support;
using Ciclo.Time;

namespace Ciclo.Tests.Planner;

/// <summary>Hand-computed fixtures for every edge METRICS.md names. Each expected number is
/// worked out in the comment above it.</summary>
public sealed class EdgeCaseTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public EdgeCaseTests()
    {
        _ws.ImportCsv("customers", "customer_id,segment,region,acquired_on,churned_on",
            "A,SMB,IT,2024-01-10,",            // start of Feb
            "B,SMB,US,2024-02-01,",            // acquired on Feb's first day: new in Feb
            "C,Enterprise,IT,2024-01-05,2024-02-01", // churned on Feb's first day: in Feb's start, lost in Feb
            "D,SMB,IT,2024-02-10,2024-02-20",  // joined and left inside Feb
            "E,SMB,IT,2023-12-01,2024-01-31",  // lost in January
            "F,Enterprise,US,2024-01-31,2024-03-01"); // lost on March's first day
        _ws.ImportCsv("fx_rates", "currency,day,rate", "USD,2024-02-09,0.9", "USD,2024-02-11,0.5");
        _ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,currency,kind",
            "R1,A,2024-02-03,100,,upsell",
            "R2,A,2024-02-04,-30,,refund",
            "R3,B,2024-02-01,200,EUR,new",
            "R4,F,2024-02-10,50,USD,cross_sell",  // 50 x 0.9 (rate of 02-09; 02-11 is later) = 45
            "R5,C,2024-02-05,10,,services");
        _ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on", "K1,Renewal push,email,customers,expand,2024-02-01");
        _ws.ImportCsv("campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open",
            "K1,p1,A,sent,2024-02-01T10:00:00Z,", "K1,p1,A,opened,2024-02-01T11:00:00Z,false",
            "K1,p2,A,sent,2024-02-01T10:00:00Z,", "K1,p2,A,opened,2024-02-01T10:01:00Z,true",
            "K1,p3,B,sent,2024-02-01T10:00:00Z,", "K1,p3,B,clicked,2024-03-05T10:00:00Z,",
            "K1,p4,C,sent,2024-02-01T10:00:00Z,", "K1,p4,C,bounced,2024-02-01T10:00:05Z,",
            "K1,p5,F,sent,2024-02-01T10:00:00Z,", "K1,p5,F,opened,2024-02-02T08:00:00Z,true", "K1,p5,F,unsubscribed,2024-02-02T08:01:00Z,",
            "K1,p6,F,opened,2024-02-02T08:00:00Z,false",
            "K1,p7,F,sent,2024-02-29T23:30:00-05:00,");
        _ws.ImportCsv("surveys", "response_id,customer_id,answered_on,score",
            "S1,A,2024-01-02,9", "S2,A,2024-01-03,10", "S3,F,2024-01-31,10",
            "S4,A,2024-02-02,0", "S5,C,2024-02-28,6");
    }

    private MetricReport Run(string timeZone = "UTC", SegmentFilter? segment = null) =>
        MetricEngine.Run(_ws.Workspace, new MetricRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), Grain.Month, timeZone) { Segment = segment });

    private static double? V(MetricReport r, string period, string metric) =>
        r.Periods.Single(p => p.Period.Label == period).Metrics[metric].Value;

    [Fact]
    public void Customers_acquired_or_churned_on_a_first_day_and_joined_and_left_inside_a_period()
    {
        var r = Run();
        // January: start {E}; new {A, C, F}; lost {E}; end 3.
        Assert.Equal([1.0, 3, 1, 0, 3, 1.0], new[] { "customers_start", "customers_new", "customers_lost", "customers_new_lost", "customers_end", "churn_rate" }.Select(m => V(r, "2024-01", m)));
        // February: start {A, C, F}; new {B, D}; lost {C}; new_lost {D}; end 3 + 2 - 1 - 1 = 3.
        Assert.Equal([3.0, 2, 1, 1, 3], new[] { "customers_start", "customers_new", "customers_lost", "customers_new_lost", "customers_end" }.Select(m => V(r, "2024-02", m)));
        Assertions.Close(1.0 / 3, V(r, "2024-02", "churn_rate"), "churn");
        Assertions.Close(2.0 / 3, V(r, "2024-02", "retention_rate"), "retention");
        // March: start {A, B, F}; F churned on March 1st.
        Assert.Equal([3.0, 1], new[] { "customers_start", "customers_lost" }.Select(m => V(r, "2024-03", m)));
    }

    [Fact]
    public void Refunds_subtract_and_foreign_amounts_convert_at_the_latest_rate_on_or_before()
    {
        var r = Run();
        // 100 - 30 + 200 + 50 x 0.9 + 10 = 325
        Assertions.Close(325, V(r, "2024-02", "total_revenue"), "total");
        Assertions.Close(145, V(r, "2024-02", "upsell_revenue"), "upsell");
        Assertions.Close(145.0 / 325, V(r, "2024-02", "upsell_revenue_share"), "upsell share");
        // from customers acquired before Feb 1 (A, C, F): 100 - 30 + 45 + 10
        Assertions.Close(125, V(r, "2024-02", "existing_customer_revenue"), "existing");
        Assertions.Close(155, V(r, "2024-02", "expansion_revenue"), "expansion");
        // No revenue in January: sums are 0, shares undefined.
        Assert.Equal(0, V(r, "2024-01", "total_revenue"));
        Assert.Null(V(r, "2024-01", "upsell_revenue_share"));
    }

    [Fact]
    public void Machine_opens_clicks_without_opens_bounces_and_events_without_a_send()
    {
        var r = Run();
        // Sends p1..p5 in February (p6 was never sent, p7 is March in UTC); p4 bounced.
        Assert.Equal(5, V(r, "2024-02", "customer_campaign_sends"));
        Assert.Equal(4, V(r, "2024-02", "customer_campaign_delivered"));
        // Opened: p1 (human) and p3 (a click implies an open, even a month later); p2 and p5 only machine opens.
        Assertions.Close(0.5, V(r, "2024-02", "customer_campaign_open_rate"), "open");
        Assertions.Close(0.25, V(r, "2024-02", "customer_campaign_click_rate"), "click");
        Assertions.Close(0.5, V(r, "2024-02", "customer_campaign_click_to_open_rate"), "ctor");
        Assertions.Close(0.25, V(r, "2024-02", "customer_campaign_unsubscribe_rate"), "unsub");
        Assert.Equal(2, V(r, "2024-02", "customer_campaign_machine_opens"));
        var k1 = Ciclo.Reports.CampaignReport.Run(_ws.Workspace, null, null, "UTC").Single();
        Assert.Equal(1, k1.Inconsistencies);
        Assert.Equal(6, k1.Sends);
    }

    [Fact]
    public void A_timestamp_near_midnight_falls_in_the_month_of_the_reporting_time_zone()
    {
        // p7 was sent 2024-02-29T23:30-05:00 = 2024-03-01T04:30Z.
        Assert.Equal(1, V(Run("UTC"), "2024-03", "customer_campaign_sends"));
        Assert.Equal(6, V(Run("America/New_York"), "2024-02", "customer_campaign_sends"));
        Assert.Equal(0, V(Run("America/New_York"), "2024-03", "customer_campaign_sends"));
    }

    [Fact]
    public void NPS_of_all_promoters_all_detractors_and_no_answers()
    {
        var r = Run();
        Assert.Equal(100, V(r, "2024-01", "nps"));
        Assert.Equal(0, V(r, "2024-01", "nps_margin_of_error"));
        Assert.Equal(-100, V(r, "2024-02", "nps"));
        Assert.Equal(0, V(r, "2024-02", "nps_margin_of_error"));
        Assert.Equal(0, V(r, "2024-03", "nps_responses"));
        Assert.Null(V(r, "2024-03", "nps"));
        Assert.Null(V(r, "2024-03", "nps_margin_of_error"));
    }

    [Fact]
    public void A_segment_filter_applies_to_customers_revenue_sends_and_surveys()
    {
        var r = Run(segment: new SegmentFilter("region", "US"));
        // US customers: B (new in Feb) and F (start of Feb).
        Assert.Equal([1.0, 1], new[] { "customers_start", "customers_new" }.Select(m => V(r, "2024-02", m)));
        Assertions.Close(245, V(r, "2024-02", "total_revenue"), "US revenue");  // 200 + 45
        Assert.Equal(2, V(r, "2024-02", "customer_campaign_sends"));            // p3 (B), p5 (F)
        Assert.Equal(1, V(r, "2024-01", "nps_responses"));                      // S3 (F)
        Assert.Equal("not_segmentable", r.Periods[0].Metrics["marketing_spend"].Status);
    }

    [Fact]
    public void A_period_the_range_covers_in_part_is_reported_whole_and_flagged()
    {
        var r = MetricEngine.Run(_ws.Workspace, new MetricRequest(new DateOnly(2024, 1, 15), new DateOnly(2024, 2, 10), Grain.Month));
        Assert.Equal(["2024-01", "2024-02"], r.Periods.Select(p => p.Period.Label));
        Assert.All(r.Periods, p => Assert.True(p.Period.Partial));
        Assert.Equal(3, V(r, "2024-01", "customers_new")); // all of January, not from the 15th
    }

    public void Dispose() => _ws.Dispose();
}
