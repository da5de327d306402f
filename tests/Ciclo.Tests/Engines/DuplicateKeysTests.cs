using Ciclo.Reports;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Engines;

/// <summary>`ciclo check` finds keys held by more than one row: none after imports on any engine;
/// on DuckDB, whose entity tables carry no key constraint, rows written around Ciclo.</summary>
public sealed class DuplicateKeysTests
{
    public static TheoryData<string> Engines => EquivalenceTests.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public void Imports_leave_every_key_held_by_one_row(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        // The same files again: every row unchanged (on ClickHouse too, whose bools come back as
        // numbers), no key doubled.
        foreach (var entity in Fixtures.ExampleOrder)
        {
            var again = ws.Import(entity, Fixtures.Example(entity + ".csv"));
            Assert.True(again is { Inserted: 0, Updated: 0 } && again.Unchanged > 0, $"{entity}: {again.Inserted} inserted, {again.Updated} updated");
        }

        Assert.Empty(DuplicateKeys.Find(ws.Workspace));
    }

    [Fact]
    public void Rows_written_around_Ciclo_that_double_a_key_are_found_and_named_in_each_language()
    {
        using var ws = Fixtures.ExampleWorkspace();
        ws.Workspace.Execute("INSERT INTO customers SELECT * FROM customers WHERE customer_id IN (SELECT min(customer_id) FROM customers)");
        ws.Workspace.Execute("INSERT INTO campaign_events SELECT * FROM campaign_events LIMIT 3");
        Assert.Equal([("customers", 1L), ("campaign_events", 3L)], DuplicateKeys.Find(ws.Workspace));
        ws.Close();

        var en = CicloProcess.Run(ws.Folder, "check", "--db", ws.DbPath);
        Assert.Equal(1, en.ExitCode);
        Assert.Contains("customers: 1 keys are held by more than one row", en.Out, StringComparison.Ordinal);
        Assert.Contains("campaign_events: 3 keys", en.Out, StringComparison.Ordinal);
        Assert.Contains("customers: 1 chiavi", CicloProcess.Run(ws.Folder, "check", "--db", ws.DbPath, "--lang", "it").Out, StringComparison.Ordinal);
        Assert.Contains("يحمله أكثر من صف واحد", CicloProcess.Run(ws.Folder, "check", "--db", ws.DbPath, "--lang", "ar").Out, StringComparison.Ordinal);
    }
}
