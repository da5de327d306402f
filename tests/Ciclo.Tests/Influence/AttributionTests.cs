using Ciclo.Influence;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Influence;

/// <summary>One upsell inside the windows of two campaigns, under each rule; a customer delivered a
/// campaign who never engaged as the baseline; a window still open.</summary>
public sealed class AttributionTests : IDisposable
{
    private readonly TestWorkspace _ws = new();

    public AttributionTests()
    {
        _ws.ImportCsv("customers", "customer_id,acquired_on", "A,2023-01-01", "B,2023-01-01");
        _ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,program,started_on",
            "K1,Spring upgrade,email,customers,expand,upsell,2024-03-01", "K2,VIP preview,email,customers,expand,vip,2024-03-05");
        _ws.ImportCsv("campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open",
            "K1,a1,A,sent,2024-03-01T08:00:00Z,", "K1,a1,A,opened,2024-03-02T10:00:00Z,false",
            "K1,b1,B,sent,2024-03-01T08:00:00Z,", "K1,b1,B,opened,2024-03-01T08:00:02Z,true", // a machine open is no engagement
            "K2,a1,A,sent,2024-03-05T08:00:00Z,", "K2,a1,A,clicked,2024-03-06T09:00:00Z,");
        _ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,kind",
            "R1,A,2024-03-10,1000,upsell",        // inside both K1's (Mar 2) and K2's (Mar 6) windows
            "R2,B,2024-04-01,400,cross_sell",     // B never engaged: baseline expansion of K1, 31 days after the send
            "R3,A,2024-06-15,600,upsell",         // 101 days after the K2 click, 105 after the K1 open
            "R4,A,2024-03-11,99,services");       // not upsell or cross-sell: never influenced
    }

    private InfluenceRow Campaign(InfluenceReport r, string id) => r.Campaigns.Single(c => c.Key == id);

    [Theory]
    [InlineData(AttributionModel.Last, 0.0, 1000.0)]
    [InlineData(AttributionModel.First, 1000.0, 0.0)]
    [InlineData(AttributionModel.Linear, 500.0, 500.0)]
    public void A_booking_inside_two_windows_is_credited_by_the_rule(AttributionModel model, double k1, double k2)
    {
        var r = InfluenceCalculator.Run(_ws.Workspace, model, 90);
        Assert.Equal(k1, Campaign(r, "K1").InfluencedExpansionRevenue);
        Assert.Equal(k2, Campaign(r, "K2").InfluencedExpansionRevenue);
        Assert.Equal(1000, r.Programmes.Sum(p => p.InfluencedExpansionRevenue));
    }

    [Fact]
    public void Engaged_and_baseline_rates_compare_engaged_customers_with_those_who_ignored_the_campaign()
    {
        var k1 = Campaign(InfluenceCalculator.Run(_ws.Workspace, AttributionModel.Last, 90), "K1");
        Assert.Equal(1, k1.EngagedCustomers);          // A (B's only open was a machine's)
        Assert.Equal(1.0, k1.EngagedExpansionRate);   // A: R1 8 days after the first engagement
        Assert.Equal(1.0, k1.BaselineExpansionRate);  // B: R2 31 days after the send
        Assert.Equal(0.0, k1.ExpansionUplift);
        Assert.Equal("final", k1.Status);             // latest data 2024-06-15 >= Mar 1 + 90
    }

    [Fact]
    public void A_longer_window_reaches_later_bookings_and_stays_pending_while_open()
    {
        var r = InfluenceCalculator.Run(_ws.Workspace, AttributionModel.Last, 120);
        Assert.Equal(1600, Campaign(r, "K2").InfluencedExpansionRevenue); // R1 + R3 (101 days)
        Assert.Equal("pending", Campaign(r, "K2").Status);                  // Mar 5 + 120 > Jun 15
        Assert.Equal("pending", Campaign(r, "K1").Status);                  // Mar 1 + 120 > Jun 15
        Assert.Equal("K2", r.Campaigns[0].Key);                             // ranked by influenced revenue
    }

    public void Dispose() => _ws.Dispose();
}
