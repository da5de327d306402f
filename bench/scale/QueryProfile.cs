using System.Diagnostics;
using Ciclo.Planner;
using Ciclo.Sql;
using Ciclo.Warehouse;

namespace Ciclo.Bench;

/// <summary>Times each statement of a dashboard plan on a workspace, to find the slow ones.</summary>
internal static class QueryProfile
{
    public static void Run(string db, MetricRequest request)
    {
        using var workspace = Workspace.Open(db);
        var plan = QueryPlanner.Plan(request, workspace.Dialect.SupportsRangeJoins, workspace.Dialect.SharesRepeatedExpressions, MetricEngine.Rollups(workspace, request));
        var renderer = new SqlRenderer(workspace.Dialect, MetricEngine.Context(workspace, request) with { Periods = plan.Periods });
        foreach (var query in plan.Queries)
        {
            var sql = renderer.Render(query.Select);
            var watch = Stopwatch.StartNew();
            using var command = workspace.Connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }

            Console.WriteLine($"{watch.Elapsed.TotalSeconds,8:F3} s  {query.Source.Name,-24} {query.Measures.Count} measures");
            if (Environment.GetEnvironmentVariable("CICLO_PROFILE_SQL") is { Length: > 0 } folder)
            {
                File.WriteAllText(Path.Combine(folder, query.Source.Name + ".sql"), sql);
            }
        }
    }
}

/// <summary>Runs EXPLAIN ANALYZE of a statement in a file on a workspace and prints the plan.</summary>
internal static class ExplainAnalyze
{
    public static void Run(string db, string file)
    {
        using var workspace = Workspace.Open(db);
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = "EXPLAIN ANALYZE " + File.ReadAllText(file);
        command.CommandTimeout = 3600;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Console.WriteLine(reader.GetValue(reader.FieldCount - 1));
        }
    }
}

/// <summary>Times each statement campaign influence reads (run and read to the end), then the whole
/// report, on a workspace.</summary>
internal static class InfluenceProfile
{
    /// <summary>Each statement influence reads, named, as the workspace renders it (its programmes'
    /// campaigns read from its activity, as <c>InfluenceData.Load</c> does).</summary>
    private static List<(string Name, string Sql)> Statements(Workspace workspace)
    {
        var tz = workspace.Settings.TimeZone;
        var window = workspace.Settings.AttributionWindowDays;
        var statements = Ciclo.Influence.InfluenceData.Render(workspace, tz);
        var programmeCampaigns = new List<string>();
        using (var command = workspace.Connection.CreateCommand())
        {
            command.CommandText = statements.Activity;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(2))
                {
                    programmeCampaigns.Add(reader.GetString(0));
                }
            }
        }

        return
        [
            ("engagements", statements.Engagements), ("bookings", statements.Bookings), ("activity", statements.Activity),
            ("campaign rates", Ciclo.Influence.InfluenceData.RatesSql(workspace, tz, window, null)),
            ("programme rates", Ciclo.Influence.InfluenceData.RatesSql(workspace, tz, window, programmeCampaigns)),
        ];
    }

    /// <summary>Writes each statement to FOLDER/&lt;name&gt;.sql, for explain.</summary>
    public static void Write(string db, string folder)
    {
        using var workspace = Workspace.Open(db);
        Directory.CreateDirectory(folder);
        foreach (var (name, sql) in Statements(workspace))
        {
            File.WriteAllText(Path.Combine(folder, name.Replace(' ', '-') + ".sql"), sql);
        }
    }

    public static void Run(string db)
    {
        using var workspace = Workspace.Open(db);
        var tz = workspace.Settings.TimeZone;
        var window = workspace.Settings.AttributionWindowDays;
        foreach (var (name, sql) in Statements(workspace))
        {
            var watch = Stopwatch.StartNew();
            using var command = workspace.Connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 3600;
            using var reader = command.ExecuteReader();
            var rows = 0L;
            while (reader.Read())
            {
                rows++;
            }

            Console.WriteLine($"{watch.Elapsed.TotalSeconds,8:F3} s  {name,-24} {rows} rows");
            if (Environment.GetEnvironmentVariable("CICLO_PROFILE_SQL") is { Length: > 0 } folder)
            {
                File.WriteAllText(Path.Combine(folder, "influence-" + name.Replace(' ', '-') + ".sql"), sql);
            }
        }

        var load = Stopwatch.StartNew();
        Ciclo.Influence.InfluenceData.Load(workspace, tz, window);
        Console.WriteLine($"{load.Elapsed.TotalSeconds,8:F3} s  load (all of them, into memory)");
        if (Environment.GetEnvironmentVariable("CICLO_PROFILE_REREAD_DAY") is { Length: > 0 } day)
        {
            // What the server reads after a day of events: the campaigns with events on DAY (UTC) read again.
            var campaigns = Ciclo.Warehouse.QueryRows.Read(workspace.Connection,
                $"SELECT DISTINCT campaign_id FROM campaign_events WHERE occurred_at >= TIMESTAMPTZ '{day} 00:00:00+00' AND occurred_at < TIMESTAMPTZ '{day} 00:00:00+00' + INTERVAL 1 DAY")
                .Rows.Select(r => (string)r[0]!).ToList();
            var data = Ciclo.Influence.InfluenceData.Load(workspace, tz, window);
            var sql = Ciclo.Influence.InfluenceData.Render(workspace, tz, window: window, campaigns: campaigns);
            var programmes = campaigns.Select(id => data.Activity.GetValueOrDefault(id)?.Program).OfType<string>().ToHashSet();
            var programmeCampaigns = data.Activity.Where(a => a.Value.Program is { } p && programmes.Contains(p)).Select(a => a.Key).ToList();
            foreach (var (file, name, statement) in new[]
            {
                ("engagements", "engagements of the day's campaigns", sql.Engagements),
                ("engagements-all", "engagements of the day's campaigns, without the revenue (as a re-read reads them)",
                    Ciclo.Influence.InfluenceData.Render(workspace, tz, window: window, campaigns: campaigns, expansionRead: false).Engagements),
                ("rates", "rates of the day's campaigns", Ciclo.Influence.InfluenceData.RatesSql(workspace, tz, window, null, campaigns: campaigns)),
                ("customers", "customers of the day's campaigns, without the revenue (as a re-read reads them)",
                    Ciclo.Influence.InfluenceData.RatesSql(workspace, tz, window, null, campaigns: campaigns, expansionRead: false)),
                ("programme-rates", $"rates of their programmes ({string.Join(", ", programmes.Order())}, {programmeCampaigns.Count} campaigns)",
                    Ciclo.Influence.InfluenceData.RatesSql(workspace, tz, window, programmeCampaigns)),
                ("programme-customers", "customers of their programmes, without the revenue (for comparison: a re-read counts these in SQL)",
                    Ciclo.Influence.InfluenceData.RatesSql(workspace, tz, window, programmeCampaigns, expansionRead: false)),
            })
            {
                var watch = Stopwatch.StartNew();
                var rows = Ciclo.Warehouse.QueryRows.Read(workspace.Connection, statement).Rows.Count;
                Console.WriteLine($"{watch.Elapsed.TotalSeconds,8:F3} s  {name} ({campaigns.Count}) {rows} rows");
                if (Environment.GetEnvironmentVariable("CICLO_PROFILE_SQL") is { Length: > 0 } folder)
                {
                    File.WriteAllText(Path.Combine(folder, "reread-" + file + ".sql"), statement);
                }
            }

            var days = Stopwatch.StartNew();
            _ = new Ciclo.Influence.ExpansionDays(data.Bookings.Select(b => (b.Customer, b.Day)));
            Console.WriteLine($"{days.Elapsed.TotalSeconds,8:F3} s  the bookings' days per customer, in memory ({data.Bookings.Count} bookings)");
            var reread = Stopwatch.StartNew();
            data.Reread(workspace, tz, window, campaigns);
            Console.WriteLine($"{reread.Elapsed.TotalSeconds,8:F3} s  reread of the {campaigns.Count} campaigns, into memory");

            // The report from data kept: the calculation in memory and the latest data day only.
            var keeper = new Ciclo.Influence.InfluenceKeeper();
            Ciclo.Influence.InfluenceCalculator.Run(workspace, Ciclo.Influence.AttributionModel.Last, kept: keeper);
            var calculation = Stopwatch.StartNew();
            Ciclo.Influence.InfluenceCalculator.Run(workspace, Ciclo.Influence.AttributionModel.Last, kept: keeper);
            Console.WriteLine($"{calculation.Elapsed.TotalSeconds,8:F3} s  report from the data kept (the calculation and the latest day)");
        }

        var report = Stopwatch.StartNew();
        Ciclo.Influence.InfluenceCalculator.Run(workspace, Ciclo.Influence.AttributionModel.Last);
        Console.WriteLine($"{report.Elapsed.TotalSeconds,8:F3} s  report (last touch, load included)");
    }
}
