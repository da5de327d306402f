using System.Globalization;

namespace Ciclo.Demo;

/// <summary>
/// Revenue bookings: new, monthly or yearly renewals, upsell and cross-sell (more for programme
/// members and after engagements with lifting campaigns), services, training and a few refunds;
/// US, Gulf and UK customers partly invoiced in USD or GBP. Also the matching fx_rates.
/// </summary>
internal static class DemoRevenue
{
    private const double UsdPerEur = 1.08;
    private const double GbpPerEur = 0.86;

    private readonly record struct Row(DateOnly BookedOn, DemoCustomer Customer, decimal Amount, string Currency, string Kind);

    public static int Write(string path, DemoCalendar cal, List<DemoCustomer> customers, Random rng)
    {
        var rows = new List<Row>(customers.Count * 12);
        foreach (var c in customers)
        {
            Book(cal, c, rows, rng);
        }

        AddRefunds(cal, rows, rng);
        rows.Sort((a, b) => a.BookedOn != b.BookedOn ? a.BookedOn.CompareTo(b.BookedOn) : a.Customer.Number.CompareTo(b.Customer.Number));
        using var csv = new DemoCsvWriter(path, "revenue_id", "customer_id", "booked_on", "amount", "currency", "kind");
        var n = 0;
        foreach (var r in rows)
        {
            csv.Text("R" + (++n).ToString("D6", CultureInfo.InvariantCulture)).Text(r.Customer.Id).Date(r.BookedOn)
                .Amount(r.Amount).Text(r.Currency).Text(r.Kind).EndRow();
        }

        return csv.Rows;
    }

    private static void Book(DemoCalendar cal, DemoCustomer c, List<Row> rows, Random rng)
    {
        var start = DemoCalendar.Max(c.AcquiredOn, cal.WindowStart);
        var stop = c.LastActiveDay(cal.Today);
        void Add(DateOnly day, double eur, string kind)
        {
            if (kind == "new" || (day >= start && day <= stop))
            {
                rows.Add(new Row(day, c, Local(c, eur), Currency(c, rng), kind));
            }
        }

        if (c.AcquiredOn >= cal.WindowStart)
        {
            Add(c.AcquiredOn, c.Monthly ? c.AnnualValue / 12 : c.AnnualValue, "new");
            var onboarding = c.Segment switch { DemoSegment.Enterprise => 0.65, DemoSegment.MidMarket => 0.35, _ => 0.05 };
            if (rng.Chance(onboarding))
            {
                Add(c.AcquiredOn.AddDays(rng.Next(7, 46)), Math.Round(c.AnnualValue * rng.Between(0.08, 0.25) / 50) * 50, "services");
            }
        }

        var (expansion, services) = c.Segment switch
        {
            DemoSegment.Smb => (0.012, 0.002),
            DemoSegment.MidMarket => (0.025, 0.008),
            _ => (0.04, 0.02),
        };
        for (var m = DemoCalendar.MonthStart(start); m <= stop; m = m.AddMonths(1))
        {
            var from = DemoCalendar.Max(m, start);
            var to = DemoCalendar.Min(DemoCalendar.MonthEnd(m), stop);
            var member = c.MemberOn(from);
            if (rng.Chance(expansion * (member ? 2.2 : 1.0)))
            {
                Expand(c, rng.Day(from, to), Add, rng);
            }

            foreach (var lifted in c.LiftedExpansions)
            {
                if (lifted >= from && lifted <= to)
                {
                    Expand(c, lifted, Add, rng);
                }
            }

            if (rng.Chance(services))
            {
                Add(rng.Day(from, to), Math.Round(rng.Between(1500, 15000) / 50) * 50, "services");
            }

            if (rng.Chance(0.012 * (member ? 1.5 : 1.0)))
            {
                Add(rng.Day(from, to), Math.Round(rng.Between(400, 4000) / 10) * 10, "training");
            }

            Renew(c, m, Add, rng);
        }
    }

    private static void Renew(DemoCustomer c, DateOnly month, Action<DateOnly, double, string> add, Random rng)
    {
        var months = ((month.Year - c.AcquiredOn.Year) * 12) + month.Month - c.AcquiredOn.Month;
        if (months <= 0 || (!c.Monthly && months % 12 != 0))
        {
            return;
        }

        if (!c.Monthly)
        {
            c.AnnualValue = Math.Round(c.AnnualValue * rng.Between(1.0, 1.07) / 10) * 10;
        }

        add(c.AcquiredOn.AddMonths(months), c.Monthly ? c.AnnualValue / 12 : c.AnnualValue, "renewal");
    }

    /// <summary>An upsell or cross-sell; the contract grows with it.</summary>
    private static void Expand(DemoCustomer c, DateOnly day, Action<DateOnly, double, string> add, Random rng)
    {
        var share = rng.Between(0.15, 0.45);
        var amount = c.Monthly ? c.AnnualValue / 12 * rng.Between(1.0, 3.0) : c.AnnualValue * share;
        add(day, Math.Round(amount / 10) * 10, rng.Chance(0.6) ? "upsell" : "cross_sell");
        c.AnnualValue = Math.Round(c.AnnualValue * (1 + (share / 2)) / 10) * 10;
    }

    /// <summary>A few refunds: part of a recent payment, negative, in the payment's currency.</summary>
    private static void AddRefunds(DemoCalendar cal, List<Row> rows, Random rng)
    {
        var count = rows.Count;
        for (var i = 0; i < count; i++)
        {
            var r = rows[i];
            if (r.Kind is "new" or "renewal" or "services" && rng.Chance(0.0018))
            {
                var day = r.BookedOn.AddDays(rng.Next(3, 31));
                if (day <= cal.Today)
                {
                    var amount = -DemoRandom.Money((double)r.Amount * rng.Between(0.2, 1.0));
                    rows.Add(r with { BookedOn = day, Amount = amount, Kind = "refund" });
                }
            }
        }
    }

    private static decimal Local(DemoCustomer c, double eur) => DemoRandom.Money(c.Currency switch
    {
        "USD" => eur * UsdPerEur,
        "GBP" => eur * GbpPerEur,
        _ => eur,
    });

    private static string Currency(DemoCustomer c, Random rng) =>
        c.Currency.Length > 0 ? c.Currency : c.ExplicitEur && rng.Chance(0.8) ? "EUR" : string.Empty;

    /// <summary>USD every day from 30 days before the window (a random walk in 0.90-0.95 EUR)
    /// and GBP every week, so every foreign amount has a rate on or before its date.</summary>
    public static int WriteFxRates(string path, DemoCalendar cal, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "currency", "day", "rate");
        var first = cal.WindowStart.AddDays(-30);
        var usd = 0.925;
        for (var day = first; day <= cal.Today; day = day.AddDays(1))
        {
            usd = Math.Clamp(usd + (0.02 * (0.925 - usd)) + (0.0025 * rng.Gaussian()), 0.9005, 0.9495);
            csv.Text("USD").Date(day).Text(usd.ToString("0.0000", CultureInfo.InvariantCulture)).EndRow();
        }

        var gbp = 1.17;
        for (var day = first; day <= cal.Today; day = day.AddDays(7))
        {
            gbp = Math.Clamp(gbp + (0.05 * (1.17 - gbp)) + (0.006 * rng.Gaussian()), 1.13, 1.21);
            csv.Text("GBP").Date(day).Text(gbp.ToString("0.0000", CultureInfo.InvariantCulture)).EndRow();
        }

        return csv.Rows;
    }
}
