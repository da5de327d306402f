using Ciclo.Catalog;
using Ciclo.Planner;
using Ciclo.Tests.Support;
using Ciclo.Time;
using Ciclo.Warehouse;
using DuckDB.NET.Data;

namespace Ciclo.Tests.Warehouse;

public sealed class WorkspaceTests
{
    [Fact]
    public void A_new_workspace_is_at_the_latest_schema_and_keeps_its_settings()
    {
        using var ws = new TestWorkspace("USD", "America/New_York");
        Assert.Equal(Migrations.Latest, ws.Workspace.SchemaVersion);
        ws.Close();
        ws.Reopen();
        Assert.Equal(new WorkspaceSettings("USD", "America/New_York"), ws.Workspace.Settings);
    }

    [Fact]
    public void Opening_an_older_workspace_applies_the_missing_migrations()
    {
        var folder = Directory.CreateTempSubdirectory("ciclo-old").FullName;
        var path = Path.Combine(folder, "old.duckdb");
        using (var connection = new DuckDBConnection("Data Source=" + path))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP WITH TIME ZONE)";
            command.ExecuteNonQuery();
        }

        using var workspace = Workspace.Open(path);

        Assert.Equal(Migrations.Latest, workspace.SchemaVersion);
        Assert.Equal(0L, workspace.Scalar("SELECT count(*) FROM customers"));
    }

    [Fact]
    public void Schema_step_7_makes_DuckDBs_entity_tables_again_without_a_key_index_rows_and_all()
    {
        using var ws = Fixtures.ExampleWorkspace();
        string Constraints() => string.Join(",", Rows(ws, "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' ORDER BY 1"));
        string Content(string table) => string.Join("|", Rows(ws, $"SELECT md5(string_agg(CAST(t AS VARCHAR), ';' ORDER BY CAST(t AS VARCHAR))) || ':' || count(*) FROM {table} AS t"));
        Assert.DoesNotContain("campaign_events", Constraints(), StringComparison.Ordinal);
        Assert.Contains("settings", Constraints(), StringComparison.Ordinal);

        // The events table as the schema before step 7 made it: with its key constraint.
        var events = Content("campaign_events");
        ws.Workspace.Execute("CREATE TABLE events_before AS SELECT * FROM campaign_events");
        ws.Workspace.Execute("DROP TABLE campaign_events");
        ws.Workspace.Execute(Ciclo.Dialects.DuckDbDialect.Instance.CreateTable(Ciclo.Import.Entities.CampaignEvents).TrimEnd(')') + ", PRIMARY KEY (campaign_id, contact_id, event, occurred_at))");
        ws.Workspace.Execute("INSERT INTO campaign_events SELECT * FROM events_before");
        ws.Workspace.Execute("DROP TABLE events_before");
        ws.Workspace.Execute("DELETE FROM schema_version WHERE version >= 7");
        Assert.Contains("campaign_events", Constraints(), StringComparison.Ordinal);
        ws.Close();

        ws.Reopen();
        Assert.Equal(Migrations.Latest, ws.Workspace.SchemaVersion);
        Assert.DoesNotContain("campaign_events", Constraints(), StringComparison.Ordinal);
        Assert.Equal(events, Content("campaign_events"));
        // The importer still replaces by key: the same file again changes nothing.
        var again = ws.Import("campaign_events", Fixtures.Example("campaign_events.csv"));
        Assert.Equal((0L, 0L, again.Read - again.Rejected - again.Repeated), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(events, Content("campaign_events"));
    }

    private static List<string> Rows(TestWorkspace ws, string sql) =>
        [.. ws.Rows(sql).Select(r => Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture)!)];

    [Fact]
    public void A_workspace_from_a_newer_release_is_refused_with_a_clear_message()
    {
        using var ws = new TestWorkspace();
        ws.Workspace.Execute("INSERT INTO schema_version (version, description, applied_at) VALUES (999, 'future', now())");
        ws.Close();

        var error = Assert.Throws<WorkspaceException>(() => Workspace.Open(ws.DbPath));

        Assert.Equal("WorkspaceTooNew", error.MessageKey);
    }

    [Fact]
    public void Creating_over_an_existing_file_or_with_a_bad_zone_is_refused()
    {
        using var ws = new TestWorkspace();
        Assert.Equal("WorkspaceExists", Assert.Throws<WorkspaceException>(() => Workspace.Create(ws.DbPath, new WorkspaceSettings())).MessageKey);
        var other = Path.Combine(ws.Folder, "other.duckdb");
        Assert.Equal("BadTimeZone", Assert.Throws<WorkspaceException>(() => Workspace.Create(other, new WorkspaceSettings("EUR", "Mars/Olympus"))).MessageKey);
        Assert.Equal("BadCurrency", Assert.Throws<WorkspaceException>(() => Workspace.Create(other, new WorkspaceSettings("euro"))).MessageKey);
    }

    [Fact]
    public void A_workspace_band_overrides_the_built_in_one_and_changes_the_status()
    {
        using var ws = Fixtures.ExampleWorkspace();
        var request = new MetricRequest(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29), Grain.Month) { Metrics = ["upsell_revenue_share"] };
        var before = MetricEngine.Run(ws.Workspace, request).Periods[0].Metrics["upsell_revenue_share"];
        Assert.Equal("within", before.Benchmarks.Single(b => b.Band.Id == "upsell_young").Status); // 27.0 %

        BenchmarkStore.Save(ws.Workspace, new BenchmarkBand("upsell_revenue_share", "upsell_young", 0.30, 0.40, "Our board's target"));
        var after = MetricEngine.Run(ws.Workspace, request).Periods[0].Metrics["upsell_revenue_share"];

        var band = after.Benchmarks.Single(b => b.Band.Id == "upsell_young");
        Assert.Equal(("below", "Our board's target"), (band.Status, band.Band.Source));
        Assert.Equal(2, after.Benchmarks.Count);
    }

    [Fact]
    public void DuckDB_stores_each_column_of_the_events_and_the_per_send_rows_as_their_tables_declare()
    {
        using var ws = Fixtures.ExampleWorkspace();
        ws.Workspace.Execute("CHECKPOINT");
        string Stored(string table) => string.Join(",", Rows(ws,
            $"SELECT column_name || ':' || string_agg(DISTINCT compression, '+' ORDER BY compression) FROM pragma_storage_info('{table}') " +
            "WHERE segment_type <> 'VALIDITY' GROUP BY column_name ORDER BY column_name"));

        // Left to choose, DuckDB keeps the example's few rows uncompressed or as constants.
        Assert.Equal("campaign_id:Dictionary,contact_id:FSST,customer_id:FSST,event:Dictionary,machine_open:BitPacking,occurred_at:BitPacking",
            Stored("campaign_events"));
        Assert.Equal("bounced:BitPacking,campaign_id:Dictionary,clicked:BitPacking,contact_customer_id:FSST,contact_events:BitPacking,contact_id:FSST," +
                     "first_engaged_at:BitPacking,human_open:BitPacking,machine_opened:BitPacking,sent_at:BitPacking,unsubscribed:BitPacking",
            Stored("campaign_sends"));
        Assert.Equal("amount:BitPacking,booked_on:BitPacking,currency:Dictionary,customer_id:FSST,kind:Dictionary,revenue_id:FSST", Stored("revenue"));
    }
}
