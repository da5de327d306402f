using System.Globalization;

namespace Ciclo.Demo;

/// <summary>One lead and its funnel dates.</summary>
internal sealed class DemoLead
{
    public required DateOnly CreatedOn { get; init; }

    public required string Contact { get; init; }

    public required string Segment { get; init; }

    public string? SourceCampaignId { get; set; }

    public DateOnly? MqlOn { get; set; }

    public DateOnly? SqlOn { get; set; }

    public DateOnly? ConvertedOn { get; set; }

    public string? CustomerId { get; set; }

    public DateOnly? LostOn { get; set; }

    /// <summary>Still open on a day: created before it, and neither converted nor lost by then.</summary>
    public bool OpenOn(DateOnly day) =>
        CreatedOn < day && (ConvertedOn is null || ConvertedOn >= day) && (LostOn is null || LostOn >= day);
}

/// <summary>
/// Leads captured by prospect campaigns with seasonality; about 10 % become customers (the
/// customer's acquired_on is the lead's converted_on), some are lost, never both.
/// </summary>
internal static class DemoLeads
{
    private static readonly string[] FirstNames =
    [
        "giulia", "marco", "anna", "luca", "sara", "james", "emily", "michael", "laura", "thomas", "julia", "lukas",
        "camille", "louis", "chloe", "omar", "layla", "ahmed", "fatima", "noura", "khalid", "oliver", "amelia", "sophie",
    ];

    private static readonly string[] LastNames =
    [
        "rossi", "bianchi", "ferri", "conti", "smith", "johnson", "brown", "miller", "schmidt", "weber", "fischer",
        "martin", "bernard", "dubois", "haddad", "alsaud", "mansour", "khan", "taylor", "wilson", "greco", "moreau",
    ];

    private static readonly string[] Domains = ["acme", "brightlabs", "corvina", "dataforge", "eurotrade", "finmark", "globex", "helios"];

    public static List<DemoLead> Generate(DemoCalendar cal, List<DemoCustomer> customers, List<DemoCampaign> campaigns, Random rng)
    {
        var total = Math.Max(20, (int)Math.Round(customers.Count * 1.4));
        var converted = ConvertedLeads(cal, customers, (int)Math.Round(total * rng.Between(0.09, 0.11)), rng);
        var leads = new List<DemoLead>(total);
        leads.AddRange(converted);
        string[] segments = ["SMB", "Mid-market", "Enterprise"];
        double[] segmentWeights = [0.62, 0.28, 0.10];
        for (var i = converted.Count; i < total; i++)
        {
            var lead = new DemoLead
            {
                CreatedOn = cal.SeasonalDay(rng),
                Contact = string.Create(CultureInfo.InvariantCulture,
                    $"{rng.Pick(FirstNames)}.{rng.Pick(LastNames)}{i + 1}@{rng.Pick(Domains)}.example"),
                Segment = segments[rng.Weighted(segmentWeights)],
            };
            OpenFunnel(cal, lead, rng);
            leads.Add(lead);
        }

        leads.Sort((a, b) => a.CreatedOn.CompareTo(b.CreatedOn));
        foreach (var lead in leads)
        {
            lead.SourceCampaignId = SourceOf(lead.CreatedOn, campaigns, rng);
        }

        return leads;
    }

    /// <summary>Leads for new customers: created a sales cycle before the acquisition, all MQL and SQL.</summary>
    private static List<DemoLead> ConvertedLeads(DemoCalendar cal, List<DemoCustomer> customers, int wanted, Random rng)
    {
        var candidates = customers.Where(c => c.AcquiredOn >= cal.WindowStart.AddDays(14)).ToArray();
        rng.Shuffle(candidates);
        var leads = new List<DemoLead>();
        foreach (var c in candidates)
        {
            if (leads.Count >= wanted)
            {
                break;
            }

            var cycle = c.Segment switch
            {
                DemoSegment.Smb => rng.Next(7, 61),
                DemoSegment.MidMarket => rng.Next(25, 121),
                _ => rng.Next(50, 201),
            };
            var created = DemoCalendar.Max(c.AcquiredOn.AddDays(-cycle), cal.WindowStart);
            var mql = rng.Day(created, created.AddDays((c.AcquiredOn.DayNumber - created.DayNumber) / 3));
            var sql = rng.Day(mql, c.AcquiredOn);
            leads.Add(new DemoLead
            {
                CreatedOn = created,
                Contact = c.Contact(1),
                Segment = c.SegmentName,
                MqlOn = mql,
                SqlOn = sql,
                ConvertedOn = c.AcquiredOn,
                CustomerId = c.Id,
            });
        }

        return leads;
    }

    /// <summary>A lead that does not convert: some become MQL, some of those SQL, some are lost.</summary>
    private static void OpenFunnel(DemoCalendar cal, DemoLead lead, Random rng)
    {
        DateOnly? Upto(DateOnly d) => d <= cal.Today ? d : null;
        if (rng.Chance(0.23))
        {
            lead.MqlOn = Upto(lead.CreatedOn.AddDays(rng.Next(0, 31)));
            if (lead.MqlOn is { } mql && rng.Chance(0.4))
            {
                lead.SqlOn = Upto(mql.AddDays(rng.Next(2, 31)));
            }
        }

        var lastStep = lead.SqlOn ?? lead.MqlOn ?? lead.CreatedOn;
        if (rng.Chance(lead.SqlOn is not null ? 0.5 : 0.12))
        {
            lead.LostOn = Upto(lastStep.AddDays(rng.Next(5, 91)));
        }
    }

    /// <summary>The prospect campaign that captured a lead on that day; about a fifth are organic.</summary>
    private static string? SourceOf(DateOnly created, List<DemoCampaign> campaigns, Random rng)
    {
        if (rng.Chance(0.2))
        {
            return null;
        }

        var ids = new List<string>(8);
        var weights = new List<double>(8);
        foreach (var k in campaigns)
        {
            if (k.Audience == "customers" || k.Stage == "nurture" || k.StartedOn > created)
            {
                continue;
            }

            var weight = k.Ads is not null
                ? (created <= k.EndsOn ? 1.0 : 0.0)
                : (created.DayNumber - k.StartedOn.DayNumber <= 14 ? 4.0 : 0.0);
            if (weight > 0)
            {
                ids.Add(k.Id);
                weights.Add(weight);
            }
        }

        return ids.Count == 0 ? null : ids[rng.Weighted(weights)];
    }

    public static int Write(string path, List<DemoLead> leads)
    {
        using var csv = new DemoCsvWriter(path, "lead_id", "created_on", "source_campaign_id", "contact_id", "segment",
            "became_mql_on", "became_sql_on", "converted_on", "customer_id", "lost_on");
        var n = 0;
        foreach (var l in leads)
        {
            csv.Text("L" + (++n).ToString("D5", CultureInfo.InvariantCulture)).Date(l.CreatedOn).Text(l.SourceCampaignId)
                .Text(l.Contact).Text(l.Segment).Date(l.MqlOn).Date(l.SqlOn).Date(l.ConvertedOn).Text(l.CustomerId)
                .Date(l.LostOn).EndRow();
        }

        return csv.Rows;
    }
}
