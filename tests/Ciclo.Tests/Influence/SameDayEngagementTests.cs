using Ciclo.Influence;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Influence;

/// <summary>A customer engages with two campaigns on one day: with the first in the morning and again
/// in the evening, with the second at noon. The engagements are read as one row per campaign, customer
/// and day holding the earliest and the latest instant, so the last touch is still the evening's and
/// the first touch the morning's (both the first campaign), on every engine.</summary>
public sealed class SameDayEngagementTests
{
    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void The_first_and_last_touch_of_a_day_keep_their_own_instants(string engine)
    {
        using var ws = new TestWorkspace(engine: engine);
        ws.ImportCsv("customers", "customer_id,acquired_on", "A,2023-01-01");
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on",
            "K1,Renewal,email,customers,expand,2024-03-01", "K2,Add-ons,email,customers,expand,2024-03-01");
        ws.ImportCsv("campaign_events", "campaign_id,contact_id,customer_id,event,occurred_at,machine_open",
            "K1,a1,A,sent,2024-03-01T07:00:00Z,", "K1,a1,A,opened,2024-03-04T09:00:00Z,false", "K1,a1,A,clicked,2024-03-04T17:00:00Z,",
            "K2,a1,A,sent,2024-03-01T07:30:00Z,", "K2,a1,A,clicked,2024-03-04T12:00:00Z,");
        ws.ImportCsv("revenue", "revenue_id,customer_id,booked_on,amount,kind", "R1,A,2024-03-10,900,upsell");

        var data = InfluenceData.Load(ws.Workspace, "UTC", 90);
        var day = new DateOnly(2024, 3, 4).DayNumber;
        DateTime At(int hour) => new(2024, 3, 4, hour, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
            [("K1", "A", day, At(9), At(17)), ("K2", "A", day, At(12), At(12))],
            data.Engagements.WithIds().OrderBy(e => e.Campaign, StringComparer.Ordinal));

        double Credit(AttributionModel model, string campaign) =>
            InfluenceCalculator.Run(ws.Workspace, model, 90, "UTC").Campaigns.Single(c => c.Key == campaign).InfluencedExpansionRevenue;
        Assert.Equal((900d, 0d), (Credit(AttributionModel.Last, "K1"), Credit(AttributionModel.Last, "K2")));
        Assert.Equal((900d, 0d), (Credit(AttributionModel.First, "K1"), Credit(AttributionModel.First, "K2")));
        Assert.Equal((450d, 450d), (Credit(AttributionModel.Linear, "K1"), Credit(AttributionModel.Linear, "K2")));
    }
}
