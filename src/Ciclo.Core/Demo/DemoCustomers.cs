namespace Ciclo.Demo;

/// <summary>
/// Customers (an installed base acquired before the window plus seasonal acquisitions inside
/// it), their programme memberships (vip, referral) and their churn, simulated month by month.
/// </summary>
internal static class DemoCustomers
{
    private static readonly string[] Regions = ["IT", "US", "DE", "FR", "GB", "AE", "SA"];
    private static readonly double[] RegionWeights = [0.25, 0.18, 0.16, 0.12, 0.12, 0.09, 0.08];

    private static readonly string[] Prefixes =
    [
        "Nord", "Alta", "Blue", "Vento", "Sole", "Pixel", "Quanta", "Terra", "Lumen", "Vertex", "Orbit", "Stella",
        "Brio", "Falco", "Iris", "Kairo", "Mare", "Nova", "Opti", "Prisma", "Rhein", "Sable", "Tessa", "Vega",
        "Zenit", "Atlas", "Cedar", "Delta", "Ember", "Fjord", "Harbor", "Juniper", "Kestrel", "Linden", "Meridian",
        "Noble", "Oasis", "Pioneer", "Riva", "Summit", "Dune", "Falak", "Najm", "Sahara", "Wadi", "Loire", "Seine",
    ];

    private static readonly string[] Words =
    [
        "Logistics", "Systems", "Analytics", "Labs", "Software", "Retail", "Foods", "Health", "Energy",
        "Consulting", "Media", "Works", "Tech", "Capital", "Mobility", "Design", "Industries", "Cloud",
    ];

    public static List<DemoCustomer> Generate(DemoCalendar cal, int count, Random rng)
    {
        var installedBase = (int)Math.Round(count * 0.36);
        var dates = new DateOnly[count];
        const int baseDays = 6 * 365;
        for (var i = 0; i < count; i++)
        {
            dates[i] = i < installedBase
                ? cal.WindowStart.AddDays(-1 - (int)(baseDays * Math.Pow(rng.NextDouble(), 1.6)))
                : cal.SeasonalDay(rng);
        }

        Array.Sort(dates);
        var customers = new List<DemoCustomer>(count);
        for (var i = 0; i < count; i++)
        {
            var c = Create(i + 1, dates[i], rng);
            AddMemberships(cal, c, rng);
            SimulateChurn(cal, c, rng);
            CloseMemberships(c);
            customers.Add(c);
        }

        return customers;
    }

    private static DemoCustomer Create(int number, DateOnly acquiredOn, Random rng)
    {
        var region = Regions[rng.Weighted(RegionWeights)];
        double[] segmentWeights = region is "US" or "DE" ? [0.5, 0.32, 0.18] : [0.6, 0.28, 0.12];
        var segment = (DemoSegment)rng.Weighted(segmentWeights);
        var annual = segment switch
        {
            DemoSegment.Smb => rng.LogNormal(4200, 0.45),
            DemoSegment.MidMarket => rng.LogNormal(22000, 0.4),
            _ => rng.LogNormal(95000, 0.45),
        };
        var currency = region switch
        {
            "US" => rng.Chance(0.75) ? "USD" : string.Empty,
            "AE" or "SA" => rng.Chance(0.35) ? "USD" : string.Empty,
            "GB" => rng.Chance(0.45) ? "GBP" : string.Empty,
            _ => string.Empty,
        };
        return new DemoCustomer
        {
            Number = number,
            Name = CompanyName(region, rng),
            Segment = segment,
            Region = region,
            AcquiredOn = acquiredOn,
            Monthly = rng.Chance(segment switch { DemoSegment.Smb => 0.75, DemoSegment.MidMarket => 0.3, _ => 0.05 }),
            AnnualValue = Math.Round(annual / 10) * 10,
            Currency = currency,
            ExplicitEur = rng.Chance(0.3),
            Contacts = rng.Chance(0.7) ? 1 : rng.Chance(0.83) ? 2 : 3,
        };
    }

    private static string CompanyName(string region, Random rng)
    {
        string[] legal = region switch
        {
            "IT" => ["S.r.l.", "S.p.A."],
            "DE" => ["GmbH", "AG"],
            "FR" => ["SAS", "SARL"],
            "US" => ["Inc.", "LLC", ", Inc."],
            "GB" => ["Ltd", "plc"],
            "AE" => ["LLC", "FZ-LLC"],
            _ => ["Co.", "Trading Co."],
        };
        var suffix = rng.Pick(legal);
        var stem = rng.Pick(Prefixes) + " " + rng.Pick(Words) + (rng.Chance(0.15) ? " Group" : string.Empty);
        return suffix.StartsWith(',') ? stem + suffix : stem + " " + suffix;
    }

    private static void AddMemberships(DemoCalendar cal, DemoCustomer c, Random rng)
    {
        var vip = c.Segment switch { DemoSegment.Enterprise => 0.32, DemoSegment.MidMarket => 0.045, _ => 0.004 };
        if (rng.Chance(vip))
        {
            var gold = rng.Chance(c.Segment == DemoSegment.Enterprise ? 0.45 : 0.2);
            Join(cal, c, new DemoMembership("vip", gold ? "gold" : "silver", c.AcquiredOn.AddDays(rng.Next(30, 541))), 0.08, rng);
        }

        if (rng.Chance(0.09))
        {
            Join(cal, c, new DemoMembership("referral", null, c.AcquiredOn.AddDays(rng.Next(45, 601))), 0.1, rng);
        }
    }

    private static void Join(DemoCalendar cal, DemoCustomer c, DemoMembership m, double leaves, Random rng)
    {
        if (m.JoinedOn > cal.Today)
        {
            return;
        }

        if (rng.Chance(leaves))
        {
            var left = m.JoinedOn.AddDays(rng.Next(60, 501));
            m.LeftOn = left <= cal.Today ? left : null;
        }

        c.Memberships.Add(m);
    }

    /// <summary>Monthly churn of 1-3 %: SMB more than Enterprise, members much less; a few
    /// customers leave in the month they joined, some on the first of a month.</summary>
    private static void SimulateChurn(DemoCalendar cal, DemoCustomer c, Random rng)
    {
        var (hazard, sameMonth) = c.Segment switch
        {
            DemoSegment.Smb => (0.027, 0.015),
            DemoSegment.MidMarket => (0.015, 0.008),
            _ => (0.007, 0.003),
        };
        var acquisitionMonth = DemoCalendar.MonthStart(c.AcquiredOn);
        for (var m = DemoCalendar.Max(acquisitionMonth, cal.WindowStart); m <= cal.Today; m = m.AddMonths(1))
        {
            var monthEnd = DemoCalendar.Min(DemoCalendar.MonthEnd(m), cal.Today);
            if (m == acquisitionMonth)
            {
                if (rng.Chance(sameMonth))
                {
                    c.ChurnedOn = rng.Day(DemoCalendar.Min(c.AcquiredOn.AddDays(1), monthEnd), monthEnd);
                    return;
                }

                continue;
            }

            var covered = (double)monthEnd.Day / DateTime.DaysInMonth(m.Year, m.Month);
            var h = hazard * (c.MemberOn(m) ? 0.45 : 1.0) * covered;
            if (rng.Chance(h))
            {
                c.ChurnedOn = rng.Chance(0.22) ? m : rng.Day(m, monthEnd);
                return;
            }
        }
    }

    /// <summary>A membership ends when the customer churns; one that would start later never was.</summary>
    private static void CloseMemberships(DemoCustomer c)
    {
        if (c.ChurnedOn is not { } churned)
        {
            return;
        }

        c.Memberships.RemoveAll(m => m.JoinedOn >= churned);
        foreach (var m in c.Memberships)
        {
            if (m.LeftOn is null || m.LeftOn > churned)
            {
                m.LeftOn = churned;
            }
        }
    }

    public static int WriteCustomers(string path, List<DemoCustomer> customers)
    {
        using var csv = new DemoCsvWriter(path, "customer_id", "name", "segment", "region", "acquired_on", "churned_on");
        foreach (var c in customers)
        {
            csv.Text(c.Id).Text(c.Name).Text(c.SegmentName).Text(c.Region).Date(c.AcquiredOn).Date(c.ChurnedOn).EndRow();
        }

        return csv.Rows;
    }

    public static int WriteProgramMembers(string path, List<DemoCustomer> customers)
    {
        using var csv = new DemoCsvWriter(path, "program", "customer_id", "tier", "joined_on", "left_on");
        foreach (var program in (string[])["vip", "referral"])
        {
            foreach (var c in customers)
            {
                foreach (var m in c.Memberships)
                {
                    if (m.Program == program)
                    {
                        csv.Text(m.Program).Text(c.Id).Text(m.Tier).Date(m.JoinedOn).Date(m.LeftOn).EndRow();
                    }
                }
            }
        }

        return csv.Rows;
    }
}
