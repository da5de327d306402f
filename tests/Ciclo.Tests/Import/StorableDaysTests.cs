using Ciclo.Import;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Import;

/// <summary>A day the warehouse cannot store is rejected, never stored wrong: ClickHouse keeps
/// days and instants from 1970-01-02 to 2105 only (anything else would silently become 0000-00-00),
/// DuckDB and PostgreSQL any ISO year from 1.</summary>
public sealed class StorableDaysTests
{
    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void Days_outside_what_the_warehouse_stores_are_rejected_and_the_others_stored_exactly(string engine)
    {
        using var ws = new TestWorkspace(engine: engine);
        var summary = ws.ImportCsv("customers", "customer_id,acquired_on,churned_on",
            "A,1965-05-01,", "B,0000-01-01,", "C,2200-01-01,", "D,1970-01-02,2105-12-31", "E,2024-03-15,");
        ws.ImportCsv("campaigns", "campaign_id,name,channel,audience,stage,started_on", "K1,N,email,customers,expand,2024-01-01");
        var events = ws.ImportCsv("campaign_events", "campaign_id,contact_id,event,occurred_at",
            "K1,p,sent,1969-12-31T23:59:59Z", "K1,q,sent,1970-01-01T00:30:00+01:00", "K1,r,sent,1970-01-02T00:00:00Z", "K1,s,sent,1970-01-01T00:00:00Z");

        var clickHouse = engine == "clickhouse";
        var select = clickHouse ? "SELECT customer_id, toString(acquired_on) FROM " : "SELECT customer_id, CAST(acquired_on AS VARCHAR) FROM ";
        var stored = ValidationSpace.Read(ws.Workspace.Connection, select + ws.Workspace.Dialect.TableReference("customers") + " ORDER BY customer_id", 2)
            .Select(r => $"{r[0]}={r[1]}").ToList();
        var rejected = Importer.Quarantine(ws.Workspace).Where(r => r.Reason == "out_of_range").Select(r => (r.Entity, r.Line)).ToList();

        Assert.Equal(clickHouse ? ["D=1970-01-02", "E=2024-03-15"] : ["A=1965-05-01", "C=2200-01-01", "D=1970-01-02", "E=2024-03-15"], stored);
        Assert.Equal(clickHouse
            ? [("campaign_events", 2L), ("campaign_events", 3L), ("campaign_events", 5L), ("customers", 2L), ("customers", 3L), ("customers", 4L)]
            : [("customers", 3L)], rejected);
        Assert.Equal(clickHouse ? (1L, 3L) : (4L, 0L), (events.Inserted, events.Rejected));
        Assert.Equal(5L, summary.Read);
    }
}
