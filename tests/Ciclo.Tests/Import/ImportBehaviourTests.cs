using Ciclo.Import;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Import;

public sealed class ImportBehaviourTests
{
    private const string Header = "customer_id,name,segment,region,acquired_on,churned_on";

    [Fact]
    public void Importing_the_same_file_twice_changes_nothing()
    {
        using var ws = new TestWorkspace();
        var path = ws.File("customers.csv", Header, "A,Alpha,SMB,IT,2024-01-01,", "B,Beta,SMB,IT,2024-01-02,2024-03-01", "C,,,,2024-01-03,");

        var first = ws.Import("customers", path);
        var second = ws.Import("customers", path);

        Assert.Equal((3L, 0L, 0L, 0L), (first.Inserted, first.Updated, first.Unchanged, first.Rejected));
        Assert.Equal((0L, 0L, 3L, 0L), (second.Inserted, second.Updated, second.Unchanged, second.Rejected));
        Assert.Equal(3, ws.Count("customers"));
    }

    [Fact]
    public void A_known_key_with_new_values_is_updated_last_write_wins()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", Header, "A,Alpha,SMB,IT,2024-01-01,", "B,Beta,SMB,IT,2024-01-02,");

        var summary = ws.ImportCsv("customers", Header, "A,Alpha,SMB,IT,2024-01-01,2024-05-01", "B,Beta,SMB,IT,2024-01-02,", "C,Gamma,SMB,IT,2024-02-01,");

        Assert.Equal((1L, 1L, 1L), (summary.Inserted, summary.Updated, summary.Unchanged));
        Assert.Equal(new DateOnly(2024, 5, 1), ws.Workspace.Scalar("SELECT churned_on FROM customers WHERE customer_id = 'A'"));
    }

    [Fact]
    public void A_key_twice_with_different_values_rejects_both_rows_and_an_identical_repeat_loads_once()
    {
        using var ws = new TestWorkspace();
        var summary = ws.ImportCsv("customers", Header,
            "A,Alpha,SMB,IT,2024-01-01,", "A,Alpha,Enterprise,IT,2024-01-01,", "B,Beta,SMB,IT,2024-01-02,", "B,Beta,SMB,IT,2024-01-02,");

        Assert.Equal((4L, 1L, 1L, 2L), (summary.Read, summary.Inserted, summary.Repeated, summary.Rejected));
        var lines = Importer.Quarantine(ws.Workspace).Select(r => (r.Line, r.Reason, r.Detail)).ToList();
        Assert.Equal([(2L, "ambiguous_key", "3"), (3L, "ambiguous_key", "2")], lines);
        Assert.Equal(1, ws.Count("customers"));
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void A_first_import_and_a_reimport_with_every_outcome_count_each_row_once(string engine)
    {
        using var ws = new TestWorkspace(engine: engine);
        var first = ws.ImportCsv("customers", Header, "A,Alpha,SMB,IT,2024-01-01,", "B,Beta,SMB,IT,2024-01-02,", "C,Gamma,SMB,IT,2024-01-03,");
        Assert.Equal((3L, 3L, 0L, 0L, 0L, 0L), (first.Read, first.Inserted, first.Updated, first.Unchanged, first.Repeated, first.Rejected));

        var second = ws.ImportCsv("customers", Header,
            "A,Alpha,SMB,IT,2024-01-01,",            // line 2: unchanged
            "B,Beta,Enterprise,IT,2024-01-02,",      // 3: updated
            "E,Epsilon,SMB,IT,2024-02-01,",          // 4: inserted
            "E,Epsilon,SMB,IT,2024-02-01,",          // 5: repeated
            "F,Phi,SMB,IT,2024-02-02,",              // 6: ambiguous with 7
            "F,Phi,SMB,DE,2024-02-02,",              // 7: ambiguous with 6
            "G,Gamma,SMB,IT,not-a-date,",            // 8: rejected
            "C,Gamma,SMB,IT,2024-01-03,",            // 9: unchanged
            "C,Gamma,SMB,IT,2024-01-03,",            // 10: repeated
            "H,Eta,SMB,IT,2024-02-03,",              // 11: inserted
            "H,Eta,SMB,IT,2024-13-03,");             // 12: rejected for its date, so H is not ambiguous

        Assert.Equal((11L, 2L, 1L, 2L, 2L, 4L), (second.Read, second.Inserted, second.Updated, second.Unchanged, second.Repeated, second.Rejected));
        var quarantine = Importer.Quarantine(ws.Workspace).Select(r => (r.Line, r.Reason)).ToList();
        Assert.Equal([(6L, "ambiguous_key"), (7L, "ambiguous_key"), (8L, "not_a_date"), (12L, "not_a_date")], quarantine);
        Assert.Equal(5, ws.Count("customers"));
        Assert.Equal("Enterprise", ws.Workspace.Scalar("SELECT segment FROM " + ws.Workspace.Dialect.TableReference("customers") + " WHERE customer_id = 'B'"));
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void A_stored_event_is_found_again_when_its_instant_is_in_a_daylight_fold_with_microseconds(string engine)
    {
        // 02:30:00.654321 after the clocks went back in Rome: the file's least and greatest instant,
        // by which stored rows are sought, must be that very instant, not the 02:30 an hour earlier.
        // ClickHouse 18.16 keeps whole seconds (docs/warehouses.md): there the instants have none.
        using var ws = new TestWorkspace(timeZone: "Europe/Rome", engine: engine);
        var (early, late) = engine == "clickhouse" ? (string.Empty, string.Empty) : (".123456", ".654321");
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on", "K1,N,email,customers,expand,2026-10-01");
        const string header = "campaign_id,contact_id,event,occurred_at";
        var first = $"K1,p,sent,2026-10-25T02:30:00{early}+02:00";
        var folded = $"K1,q,sent,2026-10-25T02:30:00{late}+01:00";
        Assert.Equal(1L, ws.ImportCsv("campaign_events", header, first).Inserted);
        Assert.Equal(1L, ws.ImportCsv("campaign_events", header, folded).Inserted);

        var again = ws.ImportCsv("campaign_events", header, folded);
        var both = ws.ImportCsv("campaign_events", header, first, folded, "K1,p,opened,2026-10-25T03:00:00+01:00");

        Assert.Equal((0L, 0L, 1L), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((1L, 0L, 2L), (both.Inserted, both.Updated, both.Unchanged));
        Assert.Equal(3, ws.Count("campaign_events"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Progress_moves_through_every_step_and_says_done_only_once_the_rows_are_committed(bool nativeReader)
    {
        // Events with a campaign: the import also writes per-send rows before its insert and commit.
        using var ws = new TestWorkspace();
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on", "K1,N,email,customers,expand,2024-01-01");
        var file = ws.File("events.csv", "campaign_id,contact_id,event,occurred_at", "K1,p,sent,2024-01-15T10:00:00Z", "K1,p,opened,2024-01-15T11:00:00Z", "K1,q,sent,2024-01-15T10:00:00Z");
        var reported = new List<double>();
        var progress = new Recorder(reported);
        double? atCommit = null;
        var importer = new Importer(ws.Workspace) { NativeCsv = nativeReader, BeforeCommit = () => atCommit = reported.LastOrDefault() };

        importer.Import(Entities.CampaignEvents, file, progress);

        Assert.Equal(reported.Order(), reported);                 // never backwards
        Assert.Equal(1.0, reported[^1]);
        Assert.Single(reported, v => v >= 1.0);                   // done once, at the end
        Assert.True(atCommit is > 0.5 and < 1.0, $"{atCommit} before the commit");
        Assert.True(reported.Count(v => v > 0.3 && v < 1.0) >= 4, string.Join(", ", reported)); // steps after the reading
    }

    private sealed class Recorder(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }

    [Fact]
    public void A_file_missing_a_required_column_is_refused_whole_and_leaves_the_workspace_as_it_was()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", Header, "A,Alpha,SMB,IT,2024-01-01,");

        var error = Assert.Throws<FileRefusedException>(() => ws.ImportCsv("customers", "customer_id,name", "B,Beta"));

        Assert.Equal("FileMissingColumn", error.MessageKey);
        Assert.Contains("acquired_on", error.Message);
        Assert.Equal(1, ws.Count("customers"));
        Assert.Equal(1, ws.Count("imports"));
        Assert.Equal(0, ws.Count("quarantine"));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_with_its_line()
    {
        using var ws = new TestWorkspace();
        var path = Path.Combine(ws.Folder, "latin1.csv");
        File.WriteAllBytes(path, [.. "customer_id,name,segment,region,acquired_on,churned_on\nA,Citt"u8.ToArray(), 0xE0, .. ",SMB,IT,2024-01-01,\n"u8.ToArray()]);

        var error = Assert.Throws<FileRefusedException>(() => ws.Import("customers", path));

        Assert.Equal("FileNotUtf8", error.MessageKey);
        Assert.Equal(0, ws.Count("customers"));
    }

    [Fact]
    public void A_failure_while_applying_rolls_back_every_change()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", Header, "A,Alpha,SMB,IT,2024-01-01,");
        var importer = new Importer(ws.Workspace) { BeforeCommit = () => throw new IOException("disk full") };
        var path = ws.File("more.csv", Header, "A,Alpha,SMB,IT,2024-01-01,2024-02-01", "B,Beta,SMB,IT,2024-01-02,", "C,,,,bad,");

        Assert.Throws<IOException>(() => importer.Import(Entities.Customers, path));

        Assert.Equal(1, ws.Count("customers"));
        Assert.Null(ws.Workspace.Scalar("SELECT churned_on FROM customers WHERE customer_id = 'A'"));
        Assert.Equal(0, ws.Count("quarantine"));
        Assert.Equal(1, ws.Count("imports"));
    }

    [Fact]
    public void Column_names_are_case_insensitive_in_any_order_and_unknown_columns_are_reported()
    {
        using var ws = new TestWorkspace();
        var summary = ws.ImportCsv("customers", "ACQUIRED_ON,Customer_Id,favourite_colour", "2024-01-01,A,blue");

        Assert.Equal(1, summary.Inserted);
        Assert.Equal(["favourite_colour"], summary.UnknownColumns);
    }

    [Fact]
    public void Quoted_values_may_hold_commas_quotes_and_new_lines_and_lines_stay_physical()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("customers", Header, "A,Alpha,SMB,IT,2024-01-01,");
        var summary = ws.ImportCsv("surveys", "response_id,customer_id,respondent_id,answered_on,score,comment,language",
            "S1,A,,2024-01-02,9,\"Great, really \"\"great\"\"\nsecond line\",en",
            "S2,A,,2024-01-02,12,,en");

        Assert.Equal(1, summary.Inserted);
        Assert.Equal("Great, really \"great\"\nsecond line", ws.Workspace.Scalar("SELECT comment FROM surveys"));
        Assert.Equal(4L, Importer.Quarantine(ws.Workspace).Single().Line);
    }

    [Fact]
    public void A_timestamp_without_offset_is_read_in_the_workspace_time_zone()
    {
        using var ws = new TestWorkspace(timeZone: "Europe/Rome");
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on", "K1,N,email,customers,expand,2024-01-01");
        ws.ImportCsv("campaign_events", "campaign_id,contact_id,event,occurred_at", "K1,p,sent,2024-01-15T10:00:00", "K1,q,sent,2024-01-15T10:00:00Z");

        var hours = ws.Workspace.Scalar("SELECT string_agg(CAST(hour(timezone('UTC', occurred_at)) AS VARCHAR), ',' ORDER BY contact_id) FROM campaign_events");

        Assert.Equal("9,10", hours);
    }
}
