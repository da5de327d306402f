using System.Globalization;
using Ciclo.Catalog;
using Ciclo.Reports;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Engines;

/// <summary>The per-send table every e-mail number reads: imports keep it equal to what the events
/// give, on every engine, rewriting only the campaigns they change; a table left behind by
/// something else is found by the check and rebuilt; schema step 5 builds it for an older workspace.</summary>
public sealed class SendTableTests
{
    public static TheoryData<string> Engines => EquivalenceTests.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public void Imports_keep_the_per_send_table_equal_to_the_events(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var before = SendTableCheck.Compare(ws.Workspace);
        Assert.True(before.Current);
        Assert.True(before.Stored > 100, $"{before.Stored} per-send rows");

        // A day of new events in two campaigns (a new contact sent and clicking, a known contact's
        // click), and a re-imported send that now names another customer.
        var known = Row(ws, "SELECT campaign_id, contact_id, occurred_at FROM " + ws.Workspace.Dialect.TableReference("campaign_events") +
                            " WHERE event = 'sent' AND customer_id IS NOT NULL ORDER BY campaign_id, contact_id LIMIT 1");
        var at = DateTime.SpecifyKind(Convert.ToDateTime(known[2], CultureInfo.InvariantCulture), DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss+00:00", CultureInfo.InvariantCulture);
        var summary = ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            "K1,new.contact@x.example,C1,sent,2024-07-20T09:00:00+00:00,",
            "K1,new.contact@x.example,,clicked,2024-07-20T10:00:00+00:00,",
            $"{known[0]},{known[1]},,clicked,2024-07-20T11:00:00+00:00,",
            $"{known[0]},{known[1]},C2,sent,{at},");
        Assert.Equal(0, summary.Rejected);

        var after = SendTableCheck.Compare(ws.Workspace);
        Assert.True(after.Current);
        Assert.Equal(before.Stored + 1, after.Stored);
        var added = Row(ws, "SELECT contact_customer_id, bounced, human_open, clicked, contact_events FROM " + ws.Workspace.Dialect.TableReference(SendTable.Name) +
                            " WHERE campaign_id = 'K1' AND contact_id = 'new.contact@x.example'");
        Assert.Equal(["C1", "0", "0", "1", "2"], added.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        var moved = Row(ws, "SELECT contact_customer_id, clicked FROM " + ws.Workspace.Dialect.TableReference(SendTable.Name) +
                            $" WHERE campaign_id = '{known[0]}' AND contact_id = '{known[1]}'");
        Assert.Equal("1", Convert.ToString(moved[1], CultureInfo.InvariantCulture));

        // The same file again changes no event, so nothing is rewritten and the table stays current.
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader, "K1,new.contact@x.example,C1,sent,2024-07-20T09:00:00+00:00,").Updated);
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_day_after_the_stored_days_adds_to_the_known_sends_and_counts_every_event_new(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var d = ws.Workspace.Dialect;
        // Two known sends of one campaign get their first click the day after the last stored event:
        // no stored event can share a key with them, so none is looked up, and the sends keep theirs.
        var sends = ws.Rows($"SELECT campaign_id, contact_id, contact_events FROM {d.TableReference(SendTable.Name)} " +
                            "WHERE sent_at IS NOT NULL AND clicked = 0 AND campaign_id = 'K1' ORDER BY contact_id LIMIT 2");
        Assert.Equal(2, sends.Count);
        var last = DateTime.SpecifyKind(Convert.ToDateTime(ws.Workspace.Scalar($"SELECT max(occurred_at) FROM {d.TableReference("campaign_events")}"), CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var day = last.Date.AddDays(1).AddHours(9).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var summary = ws.ImportCsv("campaign_events", [Fixtures.EventsHeader, .. sends.Select(s => $"{s[0]},{s[1]},,clicked,{day}+00:00,")]);

        Assert.Equal((2L, 2L, 0L, 0L), (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
        foreach (var send in sends)
        {
            var row = Row(ws, $"SELECT clicked, contact_events FROM {d.TableReference(SendTable.Name)} WHERE campaign_id = '{send[0]}' AND contact_id = '{send[1]}'");
            Assert.Equal(["1", Convert.ToString(Convert.ToInt64(send[2], CultureInfo.InvariantCulture) + 1, CultureInfo.InvariantCulture)],
                row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        }

        // The same day again meets the stored rows: every event is unchanged and the sends stay as they are.
        var again = ws.ImportCsv("campaign_events", [Fixtures.EventsHeader, .. sends.Select(s => $"{s[0]},{s[1]},,clicked,{day}+00:00,")]);
        Assert.Equal((0L, 0L, 2L), (again.Inserted, again.Updated, again.Unchanged));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public void A_failed_events_import_leaves_the_per_send_table_as_it_was(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var before = SendTableCheck.Compare(ws.Workspace);
        var file = ws.File("events.csv", Fixtures.EventsHeader, "K1,late@x.example,C1,sent,2024-07-20T09:00:00+00:00,", "K2,late@x.example,C1,sent,2024-07-20T09:00:00+00:00,");
        var importer = new Ciclo.Import.Importer(ws.Workspace) { BeforeCommit = () => throw new IOException("disk gone") };
        Assert.Throws<IOException>(() => importer.Import(Ciclo.Import.Entities.CampaignEvents, file));

        var after = SendTableCheck.Compare(ws.Workspace);
        Assert.True(after.Current);
        Assert.Equal(before.Stored, after.Stored);
        Assert.Equal(0L, Convert.ToInt64(ws.Workspace.Scalar($"SELECT count(*) FROM {SendTable.Name} WHERE contact_id = 'late@x.example'"), CultureInfo.InvariantCulture));

        new Ciclo.Import.Importer(ws.Workspace).Import(Ciclo.Import.Entities.CampaignEvents, file);
        Assert.Equal(before.Stored + 2, SendTableCheck.Compare(ws.Workspace).Stored);
    }

    [Fact]
    public void An_import_rewrites_only_the_campaigns_it_changes()
    {
        var statements = SendTable.Refresh(Ciclo.Dialects.DuckDbDialect.Instance, ["K7", "K1"]);
        Assert.Equal(8, statements.Count);
        Assert.Equal("DELETE FROM \"campaign_sends\" WHERE (\"campaign_id\" IN ('K1', 'K7'))", statements[0]);
        Assert.Contains("WHERE (\"e\".\"campaign_id\" IN ('K1', 'K7'))", statements[1], StringComparison.Ordinal);
        // Then the counts of the same campaigns, from the rows just written.
        Assert.Equal("DELETE FROM \"campaign_send_counts\" WHERE (\"campaign_id\" IN ('K1', 'K7'))", statements[2]);
        Assert.Contains("FROM \"campaign_sends\" AS \"x\"", statements[3], StringComparison.Ordinal);
        Assert.Contains("WHERE (\"x\".\"campaign_id\" IN ('K1', 'K7'))", statements[3], StringComparison.Ordinal);
        // Then their customers, from the same rows.
        Assert.Equal("DELETE FROM \"campaign_customers\" WHERE (\"campaign_id\" IN ('K1', 'K7'))", statements[4]);
        Assert.Contains("FROM \"campaign_sends\" AS \"x\"", statements[5], StringComparison.Ordinal);
        Assert.Contains("AND (\"x\".\"campaign_id\" IN ('K1', 'K7'))", statements[5], StringComparison.Ordinal);
        // Then their engagements, from the same rows and the campaigns' events.
        Assert.Equal("DELETE FROM \"campaign_engagements\" WHERE (\"campaign_id\" IN ('K1', 'K7'))", statements[6]);
        Assert.Contains("FROM \"campaign_sends\" AS \"x\"", statements[7], StringComparison.Ordinal);
        Assert.Contains("FROM \"campaign_events\" AS \"e\"", statements[7], StringComparison.Ordinal);
        Assert.Contains("AND (\"e\".\"campaign_id\" IN ('K1', 'K7'))", statements[7], StringComparison.Ordinal);
        Assert.Single(SendTable.Refresh(Ciclo.Dialects.ClickHouseDialect.Instance, ["K7", "K1"]));
        Assert.Empty(SendTable.Refresh(Ciclo.Dialects.DuckDbDialect.Instance, []));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_table_changed_behind_Ciclo_is_found_and_rebuilt(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var d = ws.Workspace.Dialect;
        var columns = string.Join(", ", SendTable.Schema.Columns.Select(c => c.Name));
        var flipped = string.Join(", ", SendTable.Schema.Columns.Select(c => c.Name == "clicked" ? "1 - clicked AS clicked" : c.Name));
        var one = $"SELECT {flipped} FROM {d.TableReference(SendTable.Name)} WHERE campaign_id = 'K1' AND sent_at IS NOT NULL ORDER BY contact_id LIMIT 1";
        if (engine.StartsWith("clickhouse", StringComparison.Ordinal))
        {
            ws.Workspace.Connection.Execute($"INSERT INTO {SendTable.Name} ({columns}, _version) SELECT *, toUInt64({Ciclo.Dialects.Versions.Next()}) FROM ({one})");
        }
        else
        {
            ws.Workspace.Connection.Execute($"CREATE TEMP TABLE flipped AS {one}");
            ws.Workspace.Connection.Execute($"DELETE FROM {SendTable.Name} WHERE campaign_id = 'K1' AND contact_id IN (SELECT contact_id FROM flipped)");
            ws.Workspace.Connection.Execute($"INSERT INTO {SendTable.Name} ({columns}) SELECT * FROM flipped");
        }

        var stale = SendTableCheck.Compare(ws.Workspace);
        Assert.False(stale.Current);
        Assert.Equal(stale.Computed, stale.Stored);

        SendTableCheck.Rebuild(ws.Workspace);
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Schema_step_5_builds_the_table_from_the_events_already_there(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var expected = SendTableCheck.Compare(ws.Workspace).Stored;
        var d = ws.Workspace.Dialect;
        ws.Workspace.Connection.Execute("DROP TABLE " + d.QuoteIdentifier(SendTable.Name));
        if (d is Ciclo.Dialects.ClickHouseClusterDialect cluster)
        {
            foreach (var shard in cluster.Cluster.Shards)
            {
                ws.Workspace.Connection.Execute($"DROP TABLE {shard}.{SendTable.Name}");
            }
        }

        foreach (var statement in Ciclo.Warehouse.Migrations.All.Single(m => m.Version == 5).Statements(d))
        {
            ws.Workspace.Connection.Execute(statement);
        }

        var built = SendTableCheck.Compare(ws.Workspace);
        Assert.True(built.Current);
        Assert.Equal(expected, built.Stored);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Schema_step_6_makes_the_table_again_with_each_contacts_first_engagement(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var d = ws.Workspace.Dialect;
        // The table as step 5 made it before step 6: without the first engagement, and empty.
        foreach (var statement in d.DropTableStatements(SendTable.Schema)
                     .Concat(d.CreateTableStatements(SendTable.Schema with { Columns = [.. SendTable.Schema.Columns.Where(c => c.Name != "first_engaged_at")] })))
        {
            ws.Workspace.Connection.Execute(statement);
        }

        Assert.Equal(0, ws.Count(SendTable.Name));
        foreach (var statement in Ciclo.Warehouse.Migrations.All.Single(m => m.Version == 6).Statements(d))
        {
            ws.Workspace.Connection.Execute(statement);
        }

        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
        // Contacts with a click or a human open, counted from the events alone, and the first of them.
        var events = d.TableReference("campaign_events");
        var engaging = $"(event = 'clicked' OR (event = 'opened' AND COALESCE(machine_open, {d.Literal(false)}) = {d.Literal(false)}))";
        var contacts = Convert.ToInt64(ws.Workspace.Scalar($"SELECT COUNT(*) FROM (SELECT DISTINCT campaign_id, contact_id FROM {events} WHERE {engaging}) AS t"), CultureInfo.InvariantCulture);
        Assert.InRange(contacts, 1, ws.Count(SendTable.Name) - 1);
        Assert.Equal(contacts, Convert.ToInt64(ws.Workspace.Scalar($"SELECT COUNT(*) FROM {d.TableReference(SendTable.Name)} WHERE first_engaged_at IS NOT NULL"), CultureInfo.InvariantCulture));
        var first = Row(ws, $"SELECT campaign_id, contact_id, first_engaged_at FROM {d.TableReference(SendTable.Name)} WHERE first_engaged_at IS NOT NULL ORDER BY campaign_id, contact_id LIMIT 1");
        Assert.Equal(Row(ws, $"SELECT MIN(occurred_at) FROM {events} WHERE campaign_id = '{first[0]}' AND contact_id = '{first[1]}' AND {engaging}")[0], first[2]);
    }

    private static object?[] Row(TestWorkspace ws, string sql) => Assert.Single(ws.Rows(sql));
}
