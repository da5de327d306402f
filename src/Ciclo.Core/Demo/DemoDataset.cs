namespace Ciclo.Demo;

/// <summary>What the demo dataset looks like: the random seed, the last day of data (2026-10-31
/// when not given; never the clock) and roughly how many customers.</summary>
public sealed record DemoOptions(int Seed = 42, DateOnly? Today = null, int Customers = 3000);

/// <summary>
/// A realistic, deterministic B2B SaaS dataset in Ciclo's native CSV format (DATA.md): 24
/// months of customers, revenue (EUR with some USD and GBP), campaigns and their events,
/// NPS surveys, leads, ads statistics and programme memberships. Every row is valid; the only
/// deliberate oddity is a handful of campaign events for contacts never sent the campaign.
/// </summary>
public static class DemoDataset
{
    /// <summary>The day the demo data ends at when <see cref="DemoOptions.Today"/> is not set.</summary>
    public static readonly DateOnly DefaultToday = new(2026, 10, 31);

    /// <summary>Writes the nine entity files into <paramref name="folder"/> (created if missing)
    /// and returns them in import order (an entity only references those before it).</summary>
    public static IReadOnlyList<(string Entity, string Path)> Write(string folder, DemoOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Customers, 1);
        Directory.CreateDirectory(folder);
        string PathOf(string entity) => Path.Combine(folder, entity + ".csv");

        var seed = options.Seed;
        var cal = new DemoCalendar(options.Today ?? DefaultToday);
        var customers = DemoCustomers.Generate(cal, options.Customers, DemoRandom.Create(seed, 1));
        var campaigns = DemoCampaignPlan.Define(cal);
        var leads = DemoLeads.Generate(cal, customers, campaigns, DemoRandom.Create(seed, 2));

        // Events first: engagements with lifting campaigns schedule expansion revenue.
        DemoEvents.Write(PathOf("campaign_events"), cal, campaigns, customers, leads, DemoRandom.Create(seed, 3));
        DemoRevenue.Write(PathOf("revenue"), cal, customers, DemoRandom.Create(seed, 4));
        DemoRevenue.WriteFxRates(PathOf("fx_rates"), cal, DemoRandom.Create(seed, 5));
        DemoSurveys.Write(PathOf("surveys"), cal, customers, DemoRandom.Create(seed, 6));
        DemoCampaigns.WriteChannelStats(PathOf("channel_stats"), campaigns, DemoRandom.Create(seed, 7));
        DemoCustomers.WriteCustomers(PathOf("customers"), customers);
        DemoCampaigns.WriteCampaigns(PathOf("campaigns"), campaigns);
        DemoLeads.Write(PathOf("leads"), leads);
        DemoCustomers.WriteProgramMembers(PathOf("program_members"), customers);

        string[] order =
            ["customers", "fx_rates", "revenue", "campaigns", "campaign_events", "surveys", "leads", "channel_stats", "program_members"];
        return order.Select(e => (e, PathOf(e))).ToArray();
    }
}
