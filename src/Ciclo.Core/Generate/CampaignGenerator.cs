using System.Globalization;
using Ciclo.Demo;

namespace Ciclo.Generate;

/// <summary>
/// Generated campaigns: a monthly customer newsletter (the biggest sends), one-off customer e-mails
/// (half in a programme), prospect e-mails, ads and social campaigns with daily statistics,
/// webinars and events; start days follow the calendar's seasonality. The e-mail sends of the
/// whole dataset are shared out with a long tail, so a few campaigns are very large bursts.
/// Writes campaigns.csv and channel_stats.csv.
/// </summary>
internal static class CampaignGenerator
{
    private static readonly string[] Channels = ["email", "ads", "social", "webinar", "event", "content", "direct_mail"];
    private static readonly double[] ChannelWeights = [0.7, 0.1, 0.06, 0.05, 0.03, 0.03, 0.03];
    private static readonly string[] Programs = ["vip", "loyalty", "referral", "upsell"];

    public static List<GeneratedCampaign> Define(DemoCalendar cal, int count, long totalSends, Random rng)
    {
        var campaigns = new List<GeneratedCampaign>(count);
        var weights = new List<double>();
        for (var m = 0; m < 24 && campaigns.Count < count; m++)
        {
            var month = cal.WindowStart.AddMonths(m);
            var tuesday = DemoCalendar.Min(month.AddDays(((int)DayOfWeek.Tuesday - (int)month.DayOfWeek + 7) % 7), cal.Today);
            campaigns.Add(new GeneratedCampaign(Id(campaigns.Count), "Customer newsletter " + month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                "email", "customers", "expand", null, tuesday.DayNumber, null, null));
            weights.Add(6 * DemoCalendar.Season(month.Month));
        }

        while (campaigns.Count < count)
        {
            var channel = Channels[rng.Weighted(ChannelWeights)];
            var day = cal.SeasonalDay(rng).DayNumber;
            var n = campaigns.Count;
            var cost = rng.Chance(0.6) ? DemoRandom.Money(rng.LogNormal(channel is "event" ? 12000 : 900, 0.6)) : (decimal?)null;
            var currency = cost is not null && rng.Chance(0.2) ? "USD" : null;
            GeneratedCampaign k;
            if (channel == "email")
            {
                var customers = rng.Chance(0.6);
                var program = customers && rng.Chance(0.5) ? rng.Pick(Programs) : null;
                k = new GeneratedCampaign(Id(n), (customers ? "Customer e-mail " : "Prospect e-mail ") + n.ToString(CultureInfo.InvariantCulture),
                    channel, customers ? "customers" : "prospects", customers ? "expand" : rng.Chance(0.6) ? "nurture" : "capture", program, day, cost, currency);
                weights.Add(rng.LogNormal(1, 1.1));
            }
            else
            {
                var ads = channel is "ads" or "social";
                k = new GeneratedCampaign(Id(n), char.ToUpperInvariant(channel[0]) + channel[1..] + " campaign " + n.ToString(CultureInfo.InvariantCulture),
                    channel, ads && rng.Chance(0.2) ? "all" : "prospects", ads ? (rng.Chance(0.5) ? "attract" : "capture") : "capture", null, day,
                    ads ? null : cost, ads ? null : currency)
                    { Days = ads ? rng.Next(30, 181) : 0 };
                weights.Add(0);
            }

            campaigns.Add(k);
        }

        var total = weights.Sum();
        for (var i = 0; i < campaigns.Count; i++)
        {
            campaigns[i].Sends = (long)Math.Round(totalSends * weights[i] / total);
        }

        return campaigns;
    }

    private static string Id(int n) => "G" + (n + 1).ToString("D5", CultureInfo.InvariantCulture);

    public static void WriteCampaigns(string path, List<GeneratedCampaign> campaigns)
    {
        using var csv = new DemoCsvWriter(path, "campaign_id", "name", "channel", "audience", "stage", "program", "started_on", "cost", "currency");
        foreach (var k in campaigns)
        {
            csv.Text(k.Id).Text(k.Name).Text(k.Channel).Text(k.Audience).Text(k.Stage).Text(k.Program)
                .Date(DateOnly.FromDayNumber(k.StartedOn)).Amount(k.Cost).Text(k.Currency).EndRow();
        }
    }

    /// <summary>One row a day while an ads or social campaign runs (up to the last day of data).</summary>
    public static void WriteChannelStats(string path, DemoCalendar cal, List<GeneratedCampaign> campaigns, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "campaign_id", "day", "impressions", "clicks", "visits", "cost", "currency");
        foreach (var k in campaigns.Where(k => k.Days > 0))
        {
            var daily = rng.LogNormal(8000, 0.8);
            var ctr = rng.Between(0.004, 0.02);
            var cpc = rng.Between(0.8, 6);
            var currency = rng.Chance(0.25) ? "USD" : null;
            for (var day = k.StartedOn; day < k.StartedOn + k.Days && day <= cal.Today.DayNumber; day++)
            {
                var date = DateOnly.FromDayNumber(day);
                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.4 : 1.0;
                var impressions = (long)(daily * weekend * rng.Between(0.7, 1.3));
                var clicks = (long)(impressions * ctr * rng.Between(0.6, 1.4));
                csv.Text(k.Id).Date(date).Integer(impressions).Integer(clicks).Integer((long)(clicks * rng.Between(0.6, 0.95)))
                    .Amount(DemoRandom.Money(clicks * cpc)).Text(currency).EndRow();
            }
        }
    }
}
