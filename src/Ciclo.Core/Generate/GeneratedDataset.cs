using Ciclo.Demo;

namespace Ciclo.Generate;

/// <summary>What the generated files hold: each entity's file (in import order) and its data rows.</summary>
public sealed record GeneratedFiles(IReadOnlyList<(string Entity, string Path, long Rows)> Files);

/// <summary>
/// A benchmark dataset at a given scale in Ciclo's native CSV format (docs/data-format.md): the
/// same nine entities as the demo, 24 months ending on <see cref="DemoDataset.DefaultToday"/>,
/// with consistent keys (every reference names a row of the file it refers to) and the skew of
/// real data: a few large customers with many contacts and most of the revenue, bursty e-mail
/// campaigns (a long tail of send sizes, events within hours of the send) and seasonality.
/// Deterministic for a seed; streamed to disk, so memory grows with customers, not with events.
/// </summary>
public static class GeneratedDataset
{
    private static readonly string[] Order =
        ["customers", "fx_rates", "revenue", "campaigns", "campaign_events", "surveys", "leads", "channel_stats", "program_members"];

    public static GeneratedFiles Write(string folder, GenerateScale scale, int seed = 42, DateOnly? today = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(scale);
        Directory.CreateDirectory(folder);
        string PathOf(string entity) => Path.Combine(folder, entity + ".csv");

        var cal = new DemoCalendar(today ?? DemoDataset.DefaultToday);
        var customers = CustomerGenerator.Generate(cal, scale.Customers, DemoRandom.Create(seed, 11));
        var leads = LeadGenerator.Generate(cal, customers, scale.Leads, DemoRandom.Create(seed, 12));
        var campaigns = CampaignGenerator.Define(cal, scale.Campaigns, (long)(scale.Events / EventGenerator.EventsPerSend), DemoRandom.Create(seed, 13));

        CustomerGenerator.WriteCustomers(PathOf("customers"), customers, DemoRandom.Create(seed, 14));
        CustomerGenerator.WriteProgramMembers(PathOf("program_members"), cal, customers, DemoRandom.Create(seed, 15));
        RevenueGenerator.WriteFxRates(PathOf("fx_rates"), cal, DemoRandom.Create(seed, 16));
        RevenueGenerator.Write(PathOf("revenue"), cal, customers, scale.Revenue, DemoRandom.Create(seed, 17));
        CampaignGenerator.WriteCampaigns(PathOf("campaigns"), campaigns);
        CampaignGenerator.WriteChannelStats(PathOf("channel_stats"), cal, campaigns, DemoRandom.Create(seed, 18));
        EventGenerator.Write(PathOf("campaign_events"), cal, campaigns, customers, leads, DemoRandom.Create(seed, 19));
        SurveyGenerator.Write(PathOf("surveys"), cal, customers, scale.Surveys, DemoRandom.Create(seed, 20));
        LeadGenerator.Write(PathOf("leads"), cal, leads, customers, campaigns, DemoRandom.Create(seed, 21));

        return new GeneratedFiles(Order.Select(e => (e, PathOf(e), CountRows(PathOf(e)))).ToList());
    }

    /// <summary>Data rows of a generated file: line breaks outside quoted values, less the header.</summary>
    private static long CountRows(string path)
    {
        long lines = 0;
        var quoted = false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n' && !quoted)
                {
                    lines++;
                }
            }
        }

        return lines - 1;
    }
}
