namespace Ciclo.Demo;

/// <summary>The campaigns.csv and channel_stats.csv files of the demo's campaigns.</summary>
internal static class DemoCampaigns
{
    public static int WriteCampaigns(string path, List<DemoCampaign> campaigns)
    {
        using var csv = new DemoCsvWriter(path,
            "campaign_id", "name", "channel", "audience", "stage", "program", "started_on", "cost", "currency");
        foreach (var k in campaigns)
        {
            csv.Text(k.Id).Text(k.Name).Text(k.Channel).Text(k.Audience).Text(k.Stage).Text(k.Program)
                .Date(k.StartedOn).Amount(k.Cost).Text(k.Currency).EndRow();
        }

        return csv.Rows;
    }

    /// <summary>Daily impressions, clicks (CTR 0.5-3 %), visits and cost of ads and social campaigns.</summary>
    public static int WriteChannelStats(string path, List<DemoCampaign> campaigns, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "campaign_id", "day", "impressions", "clicks", "visits", "cost", "currency");
        foreach (var k in campaigns)
        {
            if (k.Ads is not { } ads)
            {
                continue;
            }

            for (var day = k.StartedOn; day <= k.EndsOn; day = day.AddDays(1))
            {
                var weekday = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.55 : 1.0;
                var factor = weekday * Math.Sqrt(DemoCalendar.Season(day.Month)) * rng.Between(0.82, 1.18);
                var impressions = (long)Math.Round(ads.Impressions * factor);
                var clicks = Math.Min(impressions, (long)Math.Round(impressions * rng.Between(ads.CtrMin, ads.CtrMax)));
                var visits = (long)Math.Round(clicks * rng.Between(0.78, 0.95));
                var cost = DemoRandom.Money(clicks * ads.CostPerClick * rng.Between(0.85, 1.15));
                csv.Text(k.Id).Date(day).Integer(impressions).Integer(clicks).Integer(visits).Amount(cost).Text(ads.Currency).EndRow();
            }
        }

        return csv.Rows;
    }
}
