using System.Globalization;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Warehouse;

/// <summary>PostgreSQL plans from its statistics: an import leaves those of the tables it wrote
/// current (the entity's, and for campaign events the per-send table's), so the first dashboard
/// after a large load is planned on the rows now there, not on an empty table.</summary>
public sealed class PostgresStatisticsTests
{
    [Fact]
    public void An_import_leaves_the_planner_statistics_of_the_tables_it_wrote_current()
    {
        using var ws = Fixtures.ExampleWorkspace("postgres");
        foreach (var (table, rows) in new[] { ("customers", ws.Count("customers")), ("campaign_events", ws.Count("campaign_events")), ("campaign_sends", ws.Count("campaign_sends")) })
        {
            // reltuples is -1 until a table is first analysed; ANALYZE of a small table counts every row.
            var estimate = Convert.ToInt64(ws.Workspace.Scalar($"SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('{table}')"), CultureInfo.InvariantCulture);
            Assert.True(rows > 0, table);
            Assert.Equal(rows, estimate);
        }

        var before = ws.Count("customers");
        ws.ImportCsv("customers", "customer_id,name,segment,region,acquired_on", "CNEW1,New one,SMB,IT,2024-05-01", "CNEW2,New two,SMB,IT,2024-05-02");
        Assert.Equal(before + 2, Convert.ToInt64(ws.Workspace.Scalar("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('customers')"), CultureInfo.InvariantCulture));
    }
}
