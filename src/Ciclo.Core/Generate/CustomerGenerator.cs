using Ciclo.Demo;

namespace Ciclo.Generate;

/// <summary>
/// Generated customers: an installed base acquired before the window and seasonal acquisitions
/// inside it; a long-tailed size (most are small accounts with one to three contacts, a few
/// enterprises have dozens of contacts and most of the revenue); monthly churn by segment.
/// Writes customers.csv and program_members.csv (vip, loyalty and referral memberships).
/// </summary>
internal static class CustomerGenerator
{
    private static readonly string[] Regions = ["IT", "US", "DE", "FR", "GB", "AE", "SA"];
    private static readonly double[] RegionWeights = [0.25, 0.18, 0.16, 0.12, 0.12, 0.09, 0.08];
    private static readonly string[] SegmentNames = ["SMB", "Mid-market", "Enterprise"];
    private static readonly string[] Stems = ["Nord", "Alta", "Blue", "Vento", "Sole", "Pixel", "Quanta", "Terra", "Lumen", "Vertex", "Najm", "Sahara"];
    private static readonly string[] Words = ["Logistics", "Systems", "Analytics", "Labs", "Software", "Retail", "Foods", "Health", "Energy", "Media"];

    public static GeneratedCustomers Generate(DemoCalendar cal, int count, Random rng)
    {
        var days = new int[count];
        var start = cal.WindowStart.DayNumber;
        for (var i = 0; i < count; i++)
        {
            days[i] = rng.Chance(0.36)
                ? start - 1 - (int)(6 * 365 * Math.Pow(rng.NextDouble(), 1.6))
                : cal.SeasonalDay(rng).DayNumber;
        }

        Array.Sort(days);
        var c = new GeneratedCustomers(count);
        var today = cal.Today.DayNumber;
        var contacts = 0;
        for (var i = 0; i < count; i++)
        {
            c.AcquiredOn[i] = days[i];
            var region = (byte)rng.Weighted(RegionWeights);
            var segment = (byte)rng.Weighted(region is 1 or 2 ? [0.55, 0.33, 0.12] : [0.65, 0.27, 0.08]);
            c.Region[i] = region;
            c.Segment[i] = segment;
            c.Currency[i] = (byte)(region == 1 && rng.Chance(0.75) ? 1 : region == 4 && rng.Chance(0.45) ? 2 : 0);
            c.Monthly[i] = rng.Chance(segment switch { GeneratedCustomers.Smb => 0.8, GeneratedCustomers.MidMarket => 0.35, _ => 0.05 });
            c.AnnualValue[i] = segment switch
            {
                GeneratedCustomers.Smb => rng.LogNormal(4200, 0.5),
                GeneratedCustomers.MidMarket => rng.LogNormal(22000, 0.45),
                _ => rng.LogNormal(95000, 0.7),
            };
            c.FirstContact[i] = contacts;
            contacts += segment switch
            {
                GeneratedCustomers.Smb => 1 + rng.Next(3),
                GeneratedCustomers.MidMarket => 3 + rng.Next(6),
                _ => 8 + (int)Math.Min(120, rng.LogNormal(14, 0.8)),
            };

            // Monthly churn hazard, lower for bigger accounts; simulated from the window start.
            var hazard = segment switch { GeneratedCustomers.Smb => 0.025, GeneratedCustomers.MidMarket => 0.012, _ => 0.006 };
            for (var month = Math.Max(days[i], start) + 30; month <= today; month += 30)
            {
                if (rng.Chance(hazard))
                {
                    c.ChurnedOn[i] = Math.Min(today, month - rng.Next(0, 30));
                    break;
                }
            }
        }

        c.FirstContact[count] = contacts;
        return c;
    }

    public static void WriteCustomers(string path, GeneratedCustomers c, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "customer_id", "name", "segment", "region", "acquired_on", "churned_on");
        for (var i = 0; i < c.Count; i++)
        {
            var name = rng.Pick(Stems) + " " + rng.Pick(Words) + " " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            csv.Text(GeneratedCustomers.Id(i)).Text(name).Text(SegmentNames[c.Segment[i]]).Text(Regions[c.Region[i]])
                .Date(DateOnly.FromDayNumber(c.AcquiredOn[i]))
                .Date(c.ChurnedOn[i] == 0 ? null : DateOnly.FromDayNumber(Math.Max(c.ChurnedOn[i], c.AcquiredOn[i])))
                .EndRow();
        }
    }

    /// <summary>vip for a third of the enterprises and a few others, loyalty for a tenth, referral
    /// for a twentieth; some members leave, and churned customers leave on their churn day.</summary>
    public static void WriteProgramMembers(string path, DemoCalendar cal, GeneratedCustomers c, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "program", "customer_id", "tier", "joined_on", "left_on");
        var today = cal.Today.DayNumber;
        for (var i = 0; i < c.Count; i++)
        {
            var vip = c.Segment[i] switch { GeneratedCustomers.Enterprise => 0.33, GeneratedCustomers.MidMarket => 0.05, _ => 0.005 };
            Member(csv, "vip", vip, rng.Chance(0.4) ? "gold" : "silver");
            Member(csv, "loyalty", 0.1, null);
            Member(csv, "referral", 0.05, null);

            void Member(DemoCsvWriter w, string program, double chance, string? tier)
            {
                if (!rng.Chance(chance))
                {
                    return;
                }

                var joined = c.AcquiredOn[i] + rng.Next(20, 500);
                var end = c.ChurnedOn[i] == 0 ? today : c.ChurnedOn[i];
                if (joined > end)
                {
                    return;
                }

                int? left = c.ChurnedOn[i] != 0 ? end : rng.Chance(0.1) ? joined + rng.Next(60, 400) : null;
                w.Text(program).Text(GeneratedCustomers.Id(i)).Text(tier).Date(DateOnly.FromDayNumber(joined))
                    .Date(left is { } l && l <= today ? DateOnly.FromDayNumber(l) : null).EndRow();
            }
        }
    }
}
