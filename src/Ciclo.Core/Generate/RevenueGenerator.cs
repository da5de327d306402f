using System.Globalization;
using Ciclo.Demo;

namespace Ciclo.Generate;

/// <summary>
/// Generated revenue: each active customer's subscription (monthly or on the yearly anniversary;
/// "new" on the first invoice), expansions (upsell, cross-sell) more frequent for bigger
/// accounts and in busy months, services and training, and a few refunds, in the customer's
/// currency. Writes revenue.csv and fx_rates.csv (daily USD and GBP rates over the window).
/// </summary>
internal static class RevenueGenerator
{
    private static readonly string[] Currencies = [string.Empty, "USD", "GBP"];

    /// <summary>Writes revenue rows until about <paramref name="target"/>: the subscription rows
    /// of every customer, with the rate of the other kinds scaled to reach the target.</summary>
    public static long Write(string path, DemoCalendar cal, GeneratedCustomers c, long target, Random rng)
    {
        var start = cal.WindowStart.DayNumber;
        var today = cal.Today.DayNumber;
        long subscriptionRows = 0;
        for (var i = 0; i < c.Count; i++)
        {
            var months = ActiveMonths(c, i, start, today);
            subscriptionRows += c.Monthly[i] ? months : (months + 11) / 12;
        }

        // Extra rows per active customer-month, so that the file has about the target rows.
        var customerMonths = 0L;
        for (var i = 0; i < c.Count; i++)
        {
            customerMonths += ActiveMonths(c, i, start, today);
        }

        var extraRate = Math.Max(0.01, (target - subscriptionRows) / (double)Math.Max(1, customerMonths));
        using var csv = new DemoCsvWriter(path, "revenue_id", "customer_id", "booked_on", "amount", "currency", "kind");
        long n = 0;
        for (var i = 0; i < c.Count; i++)
        {
            var id = GeneratedCustomers.Id(i);
            var currency = Currencies[c.Currency[i]];
            var acquired = c.AcquiredOn[i];
            var last = c.ChurnedOn[i] == 0 ? today : c.ChurnedOn[i] - 1;
            var value = c.AnnualValue[i];
            var step = c.Monthly[i] ? 1 : 12;
            var anchor = DateOnly.FromDayNumber(acquired);
            for (var m = 0; ; m += step)
            {
                var day = anchor.AddMonths(m).DayNumber;
                if (day > last)
                {
                    break;
                }

                if (day >= start)
                {
                    Row(day, value * step / 12.0 * (1 + (0.03 * m / 12)), m == 0 ? "new" : "renewal");
                }
            }

            // Expansions and other kinds: Poisson-like per active month, bigger accounts more often.
            var weight = c.Segment[i] switch { GeneratedCustomers.Smb => 0.6, GeneratedCustomers.MidMarket => 1.4, _ => 3.0 };
            for (var month = Math.Max(acquired, start); month <= last; month += 30)
            {
                var season = DemoCalendar.Season(DateOnly.FromDayNumber(month).Month);
                var chance = extraRate * weight * season;
                while (chance > 0 && rng.Chance(Math.Min(chance, 1)))
                {
                    chance -= 1;
                    var day = Math.Min(last, month + rng.Next(0, 30));
                    var u = rng.NextDouble();
                    var (kind, amount) = u switch
                    {
                        < 0.45 => ("upsell", value * rng.Between(0.05, 0.35)),
                        < 0.65 => ("cross_sell", value * rng.Between(0.05, 0.25)),
                        < 0.8 => ("services", rng.LogNormal(1500, 0.6)),
                        < 0.9 => ("training", rng.LogNormal(800, 0.5)),
                        < 0.96 => ("other", rng.LogNormal(300, 0.8)),
                        _ => ("refund", -value * rng.Between(0.01, 0.1)),
                    };
                    Row(day, amount, kind);
                }
            }

            void Row(int day, double amount, string kind) =>
                csv.Text("R" + (++n).ToString("D9", CultureInfo.InvariantCulture)).Text(id).Date(DateOnly.FromDayNumber(day))
                    .Amount(DemoRandom.Money(amount)).Text(currency).Text(kind).EndRow();
        }

        return csv.Rows;
    }

    private static int ActiveMonths(GeneratedCustomers c, int i, int start, int today)
    {
        var from = Math.Max(c.AcquiredOn[i], start);
        var to = c.ChurnedOn[i] == 0 ? today : c.ChurnedOn[i] - 1;
        return to < from ? 0 : ((to - from) / 30) + 1;
    }

    /// <summary>A random walk of daily rates (reporting-currency units per unit) from a month before the window.</summary>
    public static void WriteFxRates(string path, DemoCalendar cal, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "currency", "day", "rate");
        foreach (var (currency, first) in new[] { ("USD", 0.92), ("GBP", 1.16) })
        {
            var rate = first;
            for (var day = cal.WindowStart.AddDays(-31); day <= cal.Today; day = day.AddDays(1))
            {
                rate *= 1 + (rng.Gaussian() * 0.003);
                csv.Text(currency).Date(day).Text(rate.ToString("0.000000", CultureInfo.InvariantCulture)).EndRow();
            }
        }
    }
}
