namespace Ciclo.Demo;

/// <summary>Daily volume of an ads or social campaign.</summary>
internal sealed record DemoAdProfile(int Impressions, double CtrMin, double CtrMax, double CostPerClick, string Currency);

/// <summary>One demo campaign: the campaigns.csv row plus what drives its events and stats.</summary>
internal sealed record DemoCampaign(
    string Id, string Name, string Channel, string Audience, string Stage, string? Program,
    DateOnly StartedOn, decimal? Cost, string? Currency)
{
    /// <summary>For e-mails: how many accounts (customers) or leads (prospects) it is sent to.</summary>
    public int Size { get; init; }

    /// <summary>For customer e-mails: the chance that an engaged customer expands within 90 days.</summary>
    public double Lift { get; init; }

    /// <summary>For ads and social: the daily volume and the last day with stats.</summary>
    public DemoAdProfile? Ads { get; init; }

    public DateOnly EndsOn { get; init; }

    public bool IsEmail => Channel == "email";
}

/// <summary>The sixteen campaigns of the demo, their channel_stats, and their CSV files.</summary>
internal static class DemoCampaigns
{
    public static List<DemoCampaign> Define(DemoCalendar cal)
    {
        DateOnly On(int month, int day) => DemoCalendar.Min(cal.WindowStart.AddMonths(month).AddDays(day), cal.Today);
        return
        [
            new("K01", "Upgrade to Pro - autumn offer", "email", "customers", "expand", "upsell", On(0, 11), 1200m, null)
                { Size = 320, Lift = 0.24 },
            new("K02", "Google Search - always on", "ads", "prospects", "attract", null, On(0, 0), null, null)
                { Ads = new DemoAdProfile(4200, 0.018, 0.03, 2.4, string.Empty), EndsOn = cal.Today },
            new("K03", "LinkedIn Sponsored Content EU", "social", "prospects", "capture", null, On(1, 6), null, null)
                { Ads = new DemoAdProfile(16000, 0.005, 0.009, 6.2, "EUR"), EndsOn = On(11, 20) },
            new("K04", "Nurture: lifecycle metrics 101", "email", "prospects", "nurture", null, On(2, 13), 400m, null)
                { Size = 380 },
            new("K05", "Customer newsletter - spring", "email", "customers", "expand", "loyalty", On(4, 9), null, null)
                { Size = 420 },
            new("K06", "Webinar: measuring net revenue retention", "webinar", "prospects", "capture", null, On(5, 15), 3500m, "EUR"),
            new("K07", "VIP early access: forecasting", "email", "customers", "expand", "vip", On(6, 3), 950m, "USD")
                { Size = 180, Lift = 0.3 },
            new("K08", "Meta Lead Ads - US", "ads", "prospects", "capture", null, On(6, 8), null, null)
                { Ads = new DemoAdProfile(22000, 0.007, 0.014, 1.1, "USD"), EndsOn = On(12, 0) },
            new("K09", "Refer a peer, get a month free", "email", "customers", "expand", "referral", On(8, 16), 600m, null)
                { Size = 300 },
            new("K10", "Brand awareness - LinkedIn and X", "social", "all", "attract", null, On(9, 1), null, null)
                { Ads = new DemoAdProfile(30000, 0.005, 0.008, 3.8, string.Empty), EndsOn = On(10, 14) },
            new("K11", "Nurture: customer stories", "email", "prospects", "nurture", null, On(11, 7), null, null)
                { Size = 420 },
            new("K12", "Cross-sell: the surveys module", "email", "customers", "expand", null, On(13, 12), 1500m, "EUR")
                { Size = 380, Lift = 0.22 },
            new("K13", "SaaS Connect Dubai (trade show)", "event", "prospects", "capture", null, On(14, 20), 18000m, "USD"),
            new("K14", "Switch to annual billing", "email", "customers", "expand", "upsell", On(16, 4), null, null)
                { Size = 300 },
            new("K15", "Google Display - retargeting", "ads", "prospects", "attract", null, On(15, 2), null, null)
                { Ads = new DemoAdProfile(26000, 0.005, 0.008, 0.9, "EUR"), EndsOn = cal.Today },
            new("K16", "Renewal perks for loyal customers", "email", "customers", "expand", "loyalty", On(20, 5), 800m, null)
                { Size = 360, Lift = 0.18 },
        ];
    }

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
