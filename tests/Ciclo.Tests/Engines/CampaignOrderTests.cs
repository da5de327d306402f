using Ciclo.Catalog;
using Ciclo.Import;
using Ciclo.Reports;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Engines;

/// <summary>DuckDB keeps the per-send table and its rollups in campaign order, so that an import's
/// rewrite of a few campaigns reads only their blocks: a first import writes each table in that
/// order, a later one appends its campaigns' rows in that order after the rows it kept, and schema
/// step 10 puts a table written in any order back in order with the same rows.</summary>
public sealed class CampaignOrderTests
{
    /// <summary>The per-send table and each of its rollups.</summary>
    public static TheoryData<string> Tables => new() { SendTable.Name, SendCounts.Name, SendCustomers.Name };

    [Theory]
    [MemberData(nameof(Tables))]
    public void An_import_writes_the_rows_in_campaign_order_and_a_later_one_appends_its_campaigns_in_order(string table)
    {
        using var ws = Fixtures.ExampleWorkspace("duckdb");
        var first = CampaignsInRowOrder(ws, table);
        Assert.True(first.Distinct().Count() >= 5, $"{table} holds {first.Distinct().Count()} campaigns");
        Assert.Equal(first.Order(StringComparer.Ordinal), first);

        // Events of two campaigns, the later one first in the file: both campaigns' rows are written
        // again, after the rows of the others, and in campaign order among themselves.
        var rewritten = new[] { first.Distinct().First(), first.Distinct().Last() };
        Assert.Equal(0, ws.ImportCsv("campaign_events", Fixtures.EventsHeader,
            $"{rewritten[1]},p0@c2.example,C2,sent,2024-12-30T09:00:00+00:00,",
            $"{rewritten[0]},p0@c2.example,C2,sent,2024-12-30T09:00:00+00:00,",
            $"{rewritten[0]},p0@c2.example,C2,opened,2024-12-30T10:00:00+00:00,false").Rejected);
        var after = CampaignsInRowOrder(ws, table);
        var kept = after.TakeWhile(c => !rewritten.Contains(c)).ToList();
        Assert.Equal(first.Where(c => !rewritten.Contains(c)), kept);
        Assert.Equal(after.Skip(kept.Count).Order(StringComparer.Ordinal), after.Skip(kept.Count));
        Assert.Equal(rewritten, after.Skip(kept.Count).Distinct());
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Schema_step_10_puts_a_table_in_any_order_back_in_campaign_order_with_the_same_rows(string table)
    {
        using var ws = Fixtures.ExampleWorkspace("duckdb");
        var rows = Sorted(ws, table);
        // The table written again in another order, as a workspace made before step 10 may hold it.
        ws.Workspace.Execute($"CREATE TEMP TABLE shuffled AS SELECT * FROM {table} ORDER BY hash(rowid)");
        ws.Workspace.Execute($"DELETE FROM {table}");
        ws.Workspace.Execute($"INSERT INTO {table} SELECT * FROM shuffled");
        var shuffled = CampaignsInRowOrder(ws, table);
        Assert.NotEqual(shuffled.Order(StringComparer.Ordinal), shuffled);

        foreach (var statement in Migrations.All.Single(m => m.Version == 10).Statements(ws.Workspace.Dialect))
        {
            ws.Workspace.Execute(statement);
        }

        var ordered = CampaignsInRowOrder(ws, table);
        Assert.Equal(ordered.Order(StringComparer.Ordinal), ordered);
        Assert.Equal(rows, Sorted(ws, table));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
        // The table keeps its declared columns: a required column still refuses NULL.
        var ex = Assert.ThrowsAny<Exception>(() => ws.Workspace.Execute($"INSERT INTO {table} (campaign_id) VALUES (NULL)"));
        Assert.Contains("NOT NULL", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void Schema_step_10_leaves_other_engines_as_they_are(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        Assert.Empty(Migrations.All.Single(m => m.Version == 10).Statements(ws.Workspace.Dialect));
        Assert.Equal(Migrations.Latest, ws.Workspace.SchemaVersion);
    }

    /// <summary>Each row's campaign, in the order the rows are stored.</summary>
    private static List<string> CampaignsInRowOrder(TestWorkspace ws, string table) =>
        [.. ws.Rows($"SELECT campaign_id FROM {table} ORDER BY rowid").Select(r => (string)r[0]!)];

    /// <summary>Every row as text, in one order whatever the stored order.</summary>
    private static List<string> Sorted(TestWorkspace ws, string table) =>
        [.. ws.Rows($"SELECT * FROM {table}").Select(r => string.Join('|', r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "\u2400"))).Order(StringComparer.Ordinal)];
}
