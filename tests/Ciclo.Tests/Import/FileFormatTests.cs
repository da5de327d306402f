using Ciclo.Tests.Support;

namespace Ciclo.Tests.Import;

public sealed class FileFormatTests
{
    [Fact]
    public void JSON_Lines_load_like_CSV_with_lines_for_rejections()
    {
        using var ws = new TestWorkspace();
        var path = Path.Combine(ws.Folder, "customers.jsonl");
        File.WriteAllText(path,
            "{\"customer_id\":\"A\",\"acquired_on\":\"2024-01-01\",\"segment\":\"SMB\"}\n" +
            "{\"customer_id\":\"B\",\"acquired_on\":\"not a date\"}\n");

        var summary = ws.Import("customers", path);

        Assert.Equal((1L, 1L), (summary.Inserted, summary.Rejected));
        Assert.Equal(2L, Ciclo.Import.Importer.Quarantine(ws.Workspace).Single().Line);
    }

    [Fact]
    public void Parquet_loads_typed_columns()
    {
        using var ws = new TestWorkspace();
        var path = Path.Combine(ws.Folder, "revenue.parquet");
        ws.ImportCsv("customers", "customer_id,acquired_on", "A,2024-01-01");
        ws.Workspace.Execute($"COPY (SELECT 'R1' AS revenue_id, 'A' AS customer_id, DATE '2024-02-03' AS booked_on, 12.5::DECIMAL(10,2) AS amount, 'upsell' AS kind " +
                             $"UNION ALL SELECT 'R2', 'A', DATE '2024-02-04', -3.0, 'upsell') TO '{path}' (FORMAT parquet)");

        var summary = ws.Import("revenue", path);

        Assert.Equal((2L, 1L, 1L), (summary.Read, summary.Inserted, summary.Rejected));
        Assert.Equal(12.5m, ws.Workspace.Scalar("SELECT amount FROM revenue"));
    }
}
