using Ciclo.Catalog;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Warehouse;

/// <summary>The data version on every engine: stable while nothing changes, new after an import
/// or a band, and the same seen from another connection.</summary>
public sealed class DataVersionTests
{
    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void Imports_and_bands_give_a_new_version_and_reads_do_not(string engine)
    {
        using var ws = new TestWorkspace(engine: engine);
        var empty = DataVersion.Read(ws.Workspace);
        Assert.Equal(empty, DataVersion.Read(ws.Workspace));

        ws.ImportCsv("customers", "customer_id,acquired_on", "C1,2024-01-05");
        var imported = DataVersion.Read(ws.Workspace);
        Assert.NotEqual(empty, imported);
        Assert.Equal(imported, DataVersion.Read(ws.Workspace));

        BenchmarkStore.Save(ws.Workspace, new BenchmarkBand("churn_rate", "test", 0.01, 0.02, "test"));
        var banded = DataVersion.Read(ws.Workspace);
        Assert.NotEqual(imported, banded);

        if (engine != "duckdb")
        {
            using var other = Workspace.Open(ws.DbPath);
            Assert.Equal(banded, DataVersion.Read(other));
            new Ciclo.Import.Importer(other).Import(Ciclo.Import.Entities.Customers, ws.File("more.csv", "customer_id,acquired_on", "C2,2024-02-05"));
            Assert.NotEqual(banded, DataVersion.Read(ws.Workspace));
        }
    }
}
