using Ciclo.Demo;

namespace Ciclo.Generate;

/// <summary>
/// Generated leads: one converted lead for every customer acquired inside the window (created
/// 10-150 days before, with its MQL and SQL days), and open or lost leads on seasonal days for
/// the rest. Writes leads.csv, each lead's source a prospect campaign started before it.
/// </summary>
internal static class LeadGenerator
{
    private static readonly string[] Segments = ["SMB", "Mid-market", "Enterprise"];

    public static GeneratedLeads Generate(DemoCalendar cal, GeneratedCustomers customers, int count, Random rng)
    {
        var start = cal.WindowStart.DayNumber;
        var rows = new List<(int Created, int Closed, int Customer)>(count);
        for (var i = customers.AcquiredBy(start - 1); i < customers.Count && rows.Count < count; i++)
        {
            rows.Add((customers.AcquiredOn[i] - rng.Next(10, 151), customers.AcquiredOn[i], i));
        }

        while (rows.Count < count)
        {
            var created = cal.SeasonalDay(rng).DayNumber;
            var lost = rng.Chance(0.45) ? created + rng.Next(5, 200) : 0;
            rows.Add((created, lost > cal.Today.DayNumber ? 0 : lost, -1));
        }

        rows.Sort((a, b) => a.Created.CompareTo(b.Created));
        return new GeneratedLeads(rows.Select(r => r.Created).ToArray(), rows.Select(r => r.Closed).ToArray(), rows.Select(r => r.Customer).ToArray());
    }

    public static void Write(string path, DemoCalendar cal, GeneratedLeads leads, GeneratedCustomers customers, List<GeneratedCampaign> campaigns, Random rng)
    {
        var sources = campaigns.Where(k => !k.ForCustomers).OrderBy(k => k.StartedOn).ToArray();
        var starts = sources.Select(k => k.StartedOn).ToArray();
        using var csv = new DemoCsvWriter(path, "lead_id", "created_on", "source_campaign_id", "contact_id", "segment",
            "became_mql_on", "became_sql_on", "converted_on", "customer_id", "lost_on");
        for (var i = 0; i < leads.Count; i++)
        {
            var created = leads.CreatedOn[i];
            var customer = leads.Customer[i];
            var closed = leads.ClosedOn[i];
            var before = Array.BinarySearch(starts, created + 1);
            before = before < 0 ? ~before : before;
            string? source = before > 0 && rng.Chance(0.7) ? sources[rng.Next(Math.Max(0, before - 20), before)].Id : null;
            var converted = customer >= 0;
            var mql = converted || rng.Chance(0.35) ? created + rng.Next(0, 10) : 0;
            var sql = mql > 0 && (converted || rng.Chance(0.4)) ? mql + rng.Next(1, 10) : 0;
            var limit = converted || closed > 0 ? closed : cal.Today.DayNumber;
            csv.Text(GeneratedLeads.Id(i)).Date(Day(created)).Text(source).Text(GeneratedLeads.Contact(i))
                .Text(converted ? Segments[customers.Segment[customer]] : rng.Pick(Segments))
                .Date(mql > 0 ? Day(Math.Min(mql, limit)) : null).Date(sql > 0 ? Day(Math.Min(sql, limit)) : null)
                .Date(converted ? Day(closed) : null).Text(converted ? GeneratedCustomers.Id(customer) : null)
                .Date(!converted && closed > 0 ? Day(closed) : null).EndRow();
        }
    }

    private static DateOnly Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber);
}
