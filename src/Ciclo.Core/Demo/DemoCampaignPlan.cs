using System.Globalization;

namespace Ciclo.Demo;

/// <summary>
/// The demo's campaign plan over the 24-month window: always-on and seasonal ads, events and
/// webinars for prospects; a capture invitation and nurture e-mails (one-off and always-on, so
/// prospects get e-mail every month); a monthly customer newsletter; and themed customer
/// e-mails of the vip, loyalty, upsell and referral programmes, at least two a quarter, some of
/// which really lift expansion (<see cref="DemoCampaign.Lift"/>) and some of which do not.
/// </summary>
internal static class DemoCampaignPlan
{
    public static List<DemoCampaign> Define(DemoCalendar cal)
    {
        DateOnly On(int month, int day) => DemoCalendar.Min(cal.WindowStart.AddMonths(month).AddDays(day), cal.Today);
        List<DemoCampaign> campaigns =
        [
            new("K01", "Upgrade to Pro - autumn offer", "email", "customers", "expand", "upsell", On(0, 11), 1200m, null)
                { Size = 320, Lift = 0.24, Target = DemoTarget.NonEnterprise },
            new("K02", "Google Search - always on", "ads", "prospects", "attract", null, On(0, 0), null, null)
                { Ads = new DemoAdProfile(4200, 0.018, 0.03, 2.4, string.Empty), EndsOn = cal.Today },
            new("K03", "LinkedIn Sponsored Content EU", "social", "prospects", "capture", null, On(1, 6), null, null)
                { Ads = new DemoAdProfile(16000, 0.005, 0.009, 6.2, "EUR"), EndsOn = On(11, 20) },
            new("K04", "Nurture: lifecycle metrics 101", "email", "prospects", "nurture", null, On(2, 13), 400m, null)
                { Size = 380, HasStrays = true },
            new("K05", "Loyalty newsletter - spring", "email", "customers", "expand", "loyalty", On(4, 9), null, null)
                { Size = 420, HasStrays = true },
            new("K06", "Webinar: measuring net revenue retention", "webinar", "prospects", "capture", null, On(5, 15), 3500m, "EUR"),
            new("K07", "VIP early access: forecasting", "email", "customers", "expand", "vip", On(6, 3), 950m, "USD")
                { Size = 180, Lift = 0.3, Target = DemoTarget.Members },
            new("K08", "Meta Lead Ads - US", "ads", "prospects", "capture", null, On(6, 8), null, null)
                { Ads = new DemoAdProfile(22000, 0.007, 0.014, 1.1, "USD"), EndsOn = On(12, 0) },
            new("K09", "Refer a peer, get a month free", "email", "customers", "expand", "referral", On(8, 16), 600m, null)
                { Size = 300, Target = DemoTarget.Members },
            new("K10", "Brand awareness - LinkedIn and X", "social", "all", "attract", null, On(9, 1), null, null)
                { Ads = new DemoAdProfile(30000, 0.005, 0.008, 3.8, string.Empty), EndsOn = On(10, 14) },
            new("K11", "Nurture: customer stories", "email", "prospects", "nurture", null, On(11, 7), null, null)
                { Size = 420 },
            new("K12", "Cross-sell: the surveys module", "email", "customers", "expand", null, On(13, 12), 1500m, "EUR")
                { Size = 380, Lift = 0.22, HasStrays = true },
            new("K13", "SaaS Connect Dubai (trade show)", "event", "prospects", "capture", null, On(14, 20), 18000m, "USD"),
            new("K14", "Switch to annual billing", "email", "customers", "expand", "upsell", On(16, 4), null, null)
                { Size = 300, Target = DemoTarget.MonthlyBilled },
            new("K15", "Google Display - retargeting", "ads", "prospects", "attract", null, On(15, 2), null, null)
                { Ads = new DemoAdProfile(26000, 0.005, 0.008, 0.9, "EUR"), EndsOn = cal.Today },
            new("K16", "Renewal perks for loyal customers", "email", "customers", "expand", "loyalty", On(20, 5), 800m, null)
                { Size = 360, Lift = 0.18 },
            .. Themed(On),
            .. ProspectEmails(cal, On),
        ];
        campaigns.AddRange(Newsletters(cal, campaigns.Count + 1));
        return campaigns;
    }

    /// <summary>Themed customer e-mails that, with K01-K16, give every calendar quarter at least two.</summary>
    private static List<DemoCampaign> Themed(Func<int, int, DateOnly> on) =>
    [
        new("K17", "VIP roundtable: planning the year ahead", "email", "customers", "expand", "vip", on(1, 17), 700m, null)
            { Size = 150, Target = DemoTarget.Members },
        new("K18", "Add seats before your renewal", "email", "customers", "expand", "upsell", on(3, 10), 900m, null)
            { Size = 340, Lift = 0.2 },
        new("K19", "Loyalty summer rewards", "email", "customers", "expand", "loyalty", on(7, 8), null, null)
            { Size = 380 },
        new("K20", "Refer a peer - autumn reminder", "email", "customers", "expand", "referral", on(10, 14), 400m, null)
            { Size = 260, Target = DemoTarget.Members },
        new("K21", "VIP gold tier: new benefits", "email", "customers", "expand", "vip", on(11, 4), 850m, "USD")
            { Size = 170, Lift = 0.26, Target = DemoTarget.Members },
        new("K22", "Upgrade to Pro - spring offer", "email", "customers", "expand", "upsell", on(15, 17), 1300m, null)
            { Size = 340, Lift = 0.2, Target = DemoTarget.NonEnterprise },
        new("K23", "Thank you for your loyalty", "email", "customers", "expand", "loyalty", on(17, 6), null, null)
            { Size = 400 },
        new("K24", "Advanced reporting add-on", "email", "customers", "expand", "upsell", on(19, 11), 1400m, "EUR")
            { Size = 360, Lift = 0.24 },
        new("K25", "Referral rewards doubled this summer", "email", "customers", "expand", "referral", on(22, 9), 500m, null)
            { Size = 280, Target = DemoTarget.Members },
        new("K26", "VIP early access: AI insights", "email", "customers", "expand", "vip", on(23, 1), 950m, "USD")
            { Size = 180, Lift = 0.28, Target = DemoTarget.Members },
        new("K27", "Loyalty points - autumn bonus", "email", "customers", "expand", "loyalty", on(23, 13), null, null)
            { Size = 380 },
    ];

    /// <summary>A webinar invitation (capture) and two always-on nurture e-mails that reach new leads every month.</summary>
    private static List<DemoCampaign> ProspectEmails(DemoCalendar cal, Func<int, int, DateOnly> on) =>
    [
        new("K28", "Invitation: net revenue retention webinar", "email", "prospects", "capture", null, on(5, 4), 250m, "EUR")
            { Size = 450 },
        new("K29", "Nurture: welcome series", "email", "prospects", "nurture", null, on(0, 0), null, null)
            { DripDays = 1, Appeal = 1.3, EndsOn = cal.Today },
        new("K30", "Nurture: ROI guide (day 21)", "email", "prospects", "nurture", null, on(0, 0), null, null)
            { DripDays = 21, EndsOn = cal.Today },
    ];

    /// <summary>One newsletter a month, on its first Tuesday, to 25-35 % of the active customers' contacts.</summary>
    private static IEnumerable<DemoCampaign> Newsletters(DemoCalendar cal, int firstNumber)
    {
        for (var m = 0; m < 24; m++)
        {
            var month = cal.WindowStart.AddMonths(m);
            if (month > cal.Today)
            {
                yield break;
            }

            var tuesday = month.AddDays(((int)DayOfWeek.Tuesday - (int)month.DayOfWeek + 7) % 7);
            var id = "K" + (firstNumber + m).ToString("D2", CultureInfo.InvariantCulture);
            var name = "Customer newsletter - " + month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
            yield return new DemoCampaign(id, name, "email", "customers", "expand", null, DemoCalendar.Min(tuesday, cal.Today), null, null)
                { Reach = 0.25 + (0.01 * ((m * 7) % 11)), Appeal = 0.85 };
        }
    }
}
