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
    /// <param name="kept">Where a long-running process keeps what influence read, so that after an
    /// import of events only the campaigns it changed are read again (<see cref="InfluenceKeeper"/>);
    /// without it everything is read.</param>
    public static InfluenceReport Run(Workspace workspace, AttributionModel model, int? windowDays = null, string? timeZone = null, InfluenceKeeper? kept = null)
    {
        var window = windowDays ?? workspace.Settings.AttributionWindowDays;
        var tz = timeZone ?? workspace.Settings.TimeZone;
        var data = kept is null ? InfluenceData.Load(workspace, tz, window) : kept.Data(workspace, tz, window);
        var latest = MetricEngine.LatestDataDay(workspace, tz);
        var credit = Credit(data, model, window);

        var campaigns = data.Activity.Keys.Order(StringComparer.Ordinal).Select(id =>
        {
            var activity = data.Activity[id];
            var pending = activity.LastSendDay is { } last && (latest is null || latest.Value.DayNumber < last + window);
            return Row(id, activity.Name, data.CampaignRates.GetValueOrDefault(id), credit.GetValueOrDefault(id), pending) with
            {
                Sends = activity.Sends,
                OpenRate = activity.Delivered == 0 ? null : (double)activity.Opened / activity.Delivered,
                ClickRate = activity.Delivered == 0 ? null : (double)activity.Clicked / activity.Delivered,
            };
        }).ToList();

        // A programme's campaigns are those of its campaigns delivered to a customer.
        var programmes = data.ProgrammeRates.Keys.Order(StringComparer.Ordinal).Select(program =>
        {
            var members = data.Activity.Where(a => a.Value.Program == program && data.CampaignRates.ContainsKey(a.Key)).Select(a => a.Key).ToHashSet();
            var row = Row(program, null, data.ProgrammeRates[program],
                members.Order(StringComparer.Ordinal).Sum(id => credit.GetValueOrDefault(id)), campaigns.Any(c => members.Contains(c.Key) && c.Status == "pending"));
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
        // Each customer's engagements by day, so that a booking's window is a range found by binary
        // search; within it, one pass picks the latest (or earliest) engagement from each row's last
        // (or first) instant of its day, ties going to the first campaign id, or the distinct
        // campaigns. Each campaign gets at most one credit per booking, so the order within the range
        // changes no sum; bookings come in a fixed order, so each campaign's credits add up in the
        // same order on every engine.
        var engagements = data.Engagements;
        var (rows, start) = engagements.ByCustomer();
        var rank = engagements.CampaignRank;
        var credit = new double[engagements.CampaignIds.Count];
        var credited = new bool[credit.Length];
        var seenFor = new int[credit.Length];
        var linear = new List<int>();
        var bookingNumber = 0;
        foreach (var booking in data.Bookings)
        {
            bookingNumber++;
            if (double.IsNaN(booking.Amount) || engagements.CustomerNumber(booking.Customer) is not { } customer)
            {
                continue;
            }

            var chosen = -1;
            linear.Clear();
            for (var i = FirstOnOrAfter(rows, start[customer], start[customer + 1], booking.Day - window); i < start[customer + 1] && rows[i].Day <= booking.Day; i++)
            {
                var e = rows[i];
                switch (model)
                {
                    case AttributionModel.Last when chosen < 0 || e.LastTicks > rows[chosen].LastTicks || (e.LastTicks == rows[chosen].LastTicks && rank[e.Campaign] < rank[rows[chosen].Campaign]):
                    case AttributionModel.First when chosen < 0 || e.FirstTicks < rows[chosen].FirstTicks || (e.FirstTicks == rows[chosen].FirstTicks && rank[e.Campaign] < rank[rows[chosen].Campaign]):
                        chosen = i;
                        break;
                    case AttributionModel.Linear when seenFor[e.Campaign] != bookingNumber:
                        seenFor[e.Campaign] = bookingNumber;
                        linear.Add(e.Campaign);
                        break;
                }
            }

            if (chosen >= 0)
            {
                Add(credit, credited, rows[chosen].Campaign, booking.Amount);
            }

            foreach (var campaign in linear)
            {
                Add(credit, credited, campaign, booking.Amount / linear.Count);
            }
        }

        return Enumerable.Range(0, credit.Length).Where(c => credited[c]).ToDictionary(c => engagements.CampaignIds[c], c => credit[c]);
    }

    /// <summary>The index of the first engagement on or after a day within [lo, hi) (hi when none is).</summary>
    private static int FirstOnOrAfter(EngagementTable.Row[] byDay, int lo, int hi, int day)
    {
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

    private static void Add(double[] credit, bool[] credited, int campaign, double amount)
    {
        credit[campaign] += amount;
        credited[campaign] = true;
    }

    /// <summary>A row's customers and rates from its counts (none: no customer was delivered it).</summary>
    private static InfluenceRow Row(string key, string? name, InfluenceData.Rates? rates, double credited, bool pending)
    {
        var r = rates ?? new InfluenceData.Rates(0, 0, 0, 0);
        double? Rate(long expanded, long of) => of == 0 ? null : (double)expanded / of;
        return new InfluenceRow(key, name, r.Engaged, credited, Rate(r.EngagedExpanded, r.Engaged), Rate(r.BaselineExpanded, r.Baseline), pending ? "pending" : "final")
        {
            DeliveredCustomers = r.Engaged + r.Baseline,
        };
    }
}
