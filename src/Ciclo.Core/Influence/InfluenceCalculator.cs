using Ciclo.Planner;
using Ciclo.Warehouse;

namespace Ciclo.Influence;

/// <summary>
/// Campaign influence on expansion (METRICS.md): credits each upsell or cross-sell row to the
/// campaigns aimed at customers that its customer engaged with at most the window's days
/// before it (local days; the booking day counts), under the attribution model; and compares
/// how often engaged customers expanded within the window after their first engagement with
/// how often customers delivered the campaign who never engaged did, counting from the send.
/// A programme is the union of its campaigns; its credited revenue is the sum of theirs.
/// </summary>
public static class InfluenceCalculator
{
    public static InfluenceReport Run(Workspace workspace, AttributionModel model, int? windowDays = null, string? timeZone = null)
    {
        var window = windowDays ?? workspace.Settings.AttributionWindowDays;
        var tz = timeZone ?? workspace.Settings.TimeZone;
        var data = InfluenceData.Load(workspace, tz);
        var latest = MetricEngine.LatestDataDay(workspace, tz);
        var credit = Credit(data, model, window);
        var bookings = data.Bookings.GroupBy(b => b.Customer).ToDictionary(g => g.Key, g => g.Select(b => b.Day).Order().ToArray());
        var engagementsOf = data.Engagements.ToLookup(e => e.Campaign);
        var deliveriesOf = data.Deliveries.ToLookup(d => d.Campaign);

        var campaigns = data.Activity.Keys.Order(StringComparer.Ordinal).Select(id =>
        {
            var activity = data.Activity[id];
            var pending = activity.LastSendDay is { } last && (latest is null || latest.Value.DayNumber < last + window);
            return Row(id, data.CampaignNames[id], engagementsOf[id], deliveriesOf[id],
                credit.GetValueOrDefault(id), bookings, window, pending) with
            {
                Sends = activity.Sends,
                OpenRate = activity.Delivered == 0 ? null : (double)activity.Opened / activity.Delivered,
                ClickRate = activity.Delivered == 0 ? null : (double)activity.Clicked / activity.Delivered,
            };
        }).ToList();

        var programmes = data.Deliveries.Where(d => d.Program is not null).Select(d => d.Program!).Distinct().Select(program =>
        {
            var members = deliveriesOf.Where(g => g.Any(d => d.Program == program)).Select(g => g.Key).ToHashSet();
            var row = Row(program, null,
                data.Engagements.Where(e => e.Program == program), data.Deliveries.Where(d => d.Program == program),
                members.Order(StringComparer.Ordinal).Sum(id => credit.GetValueOrDefault(id)), bookings, window, campaigns.Any(c => members.Contains(c.Key) && c.Status == "pending"));
            var activity = members.Select(id => data.Activity[id]).ToList();
            var delivered = activity.Sum(a => a.Delivered);
            return row with
            {
                Sends = activity.Sum(a => a.Sends),
                OpenRate = delivered == 0 ? null : (double)activity.Sum(a => a.Opened) / delivered,
                ClickRate = delivered == 0 ? null : (double)activity.Sum(a => a.Clicked) / delivered,
            };
        }).ToList();

        return new InfluenceReport(model, window, workspace.Settings.Currency, latest, Rank(campaigns), Rank(programmes));
    }

    private static List<InfluenceRow> Rank(IEnumerable<InfluenceRow> rows) =>
        rows.OrderByDescending(r => r.InfluencedExpansionRevenue).ThenByDescending(r => r.ExpansionUplift ?? double.MinValue).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>Credited revenue per campaign under the model.</summary>
    private static Dictionary<string, double> Credit(InfluenceData data, AttributionModel model, int window)
    {
        // Each customer's engagements by day (a stable sort), so that a booking's window is found by
        // binary search instead of a scan of all of them: a large account has thousands. Within a
        // booking, which engagements are in the window is all that matters (each campaign gets at most
        // one credit per booking), so their order does not change any sum.
        var byCustomer = data.Engagements.GroupBy(e => e.Customer).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Day).ToArray());
        var credit = new Dictionary<string, double>();
        var inWindow = new List<InfluenceData.Engagement>();
        foreach (var booking in data.Bookings)
        {
            if (double.IsNaN(booking.Amount) || !byCustomer.TryGetValue(booking.Customer, out var engagements))
            {
                continue;
            }

            inWindow.Clear();
            for (var i = FirstOnOrAfter(engagements, booking.Day - window); i < engagements.Length && engagements[i].Day <= booking.Day; i++)
            {
                inWindow.Add(engagements[i]);
            }

            if (inWindow.Count == 0)
            {
                continue;
            }

            switch (model)
            {
                case AttributionModel.Last:
                    Add(credit, inWindow.OrderByDescending(e => e.At).ThenBy(e => e.Campaign, StringComparer.Ordinal).First().Campaign, booking.Amount);
                    break;
                case AttributionModel.First:
                    Add(credit, inWindow.OrderBy(e => e.At).ThenBy(e => e.Campaign, StringComparer.Ordinal).First().Campaign, booking.Amount);
                    break;
                default:
                    var distinct = inWindow.Select(e => e.Campaign).Distinct().ToList();
                    foreach (var campaign in distinct)
                    {
                        Add(credit, campaign, booking.Amount / distinct.Count);
                    }

                    break;
            }
        }

        return credit;
    }

    /// <summary>The index of the first engagement on or after a day (the length when none is).</summary>
    private static int FirstOnOrAfter(InfluenceData.Engagement[] byDay, int day)
    {
        int lo = 0, hi = byDay.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (byDay[mid].Day < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void Add(Dictionary<string, double> credit, string key, double amount) =>
        credit[key] = credit.GetValueOrDefault(key) + amount;

    private static InfluenceRow Row(string key, string? name, IEnumerable<InfluenceData.Engagement> engagements,
        IEnumerable<InfluenceData.Delivery> deliveries, double credited, IReadOnlyDictionary<string, int[]> bookings, int window, bool pending)
    {
        var firstEngagement = engagements.GroupBy(e => e.Customer).ToDictionary(g => g.Key, g => g.Min(e => e.Day));
        var baseline = deliveries.Where(d => !firstEngagement.ContainsKey(d.Customer))
            .GroupBy(d => d.Customer).ToDictionary(g => g.Key, g => g.Min(d => d.FirstSendDay));
        // The booking days are sorted: the first on or after `from` decides.
        bool Expanded(string customer, int from)
        {
            if (!bookings.TryGetValue(customer, out var days))
            {
                return false;
            }

            var i = Array.BinarySearch(days, from);
            if (i < 0)
            {
                i = ~i;
            }

            while (i > 0 && days[i - 1] == from)
            {
                i--;
            }

            return i < days.Length && days[i] <= from + window;
        }
        double? Rate(Dictionary<string, int> group) =>
            group.Count == 0 ? null : (double)group.Count(kv => Expanded(kv.Key, kv.Value)) / group.Count;

        return new InfluenceRow(key, name, firstEngagement.Count, credited, Rate(firstEngagement), Rate(baseline), pending ? "pending" : "final")
        {
            DeliveredCustomers = firstEngagement.Count + baseline.Count,
        };
    }
}
