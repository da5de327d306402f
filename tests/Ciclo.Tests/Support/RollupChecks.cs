using System.Globalization;
using Ciclo.Reports;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Support;

/// <summary>What every rollup of the per-send table must do, asserted once for each.</summary>
public static class RollupChecks
{
    /// <summary>A rollup changed behind Ciclo (<paramref name="tamper"/>) is found by the check and
    /// rebuilt to its rows; dropped, its
    /// schema step builds the same rows again.</summary>
    /// <param name="countsCurrent">What the check says of the counts and the other rollups, where asserted.</param>
    public static void FoundRebuiltAndBuiltByItsStep(TestWorkspace ws, string table, string tamper, int step, bool? countsCurrent = null)
    {
        var rows = ws.Count(table);
        ws.Workspace.Connection.Execute(tamper);
        var comparison = SendTableCheck.Compare(ws.Workspace);
        Assert.False(comparison.Current);
        if (countsCurrent is { } expected)
        {
            Assert.Equal(expected, comparison.CountsCurrent);
        }
        SendTableCheck.Rebuild(ws.Workspace);
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
        Assert.Equal(rows, ws.Count(table));

        ws.Workspace.Connection.Execute("DROP TABLE " + table);
        foreach (var statement in Migrations.All.Single(m => m.Version == step).Statements(ws.Workspace.Dialect))
        {
            ws.Workspace.Connection.Execute(statement);
        }

        Assert.Equal(rows, ws.Count(table));
        Assert.True(SendTableCheck.Compare(ws.Workspace).Current);
    }

    /// <summary>Whether a ClickHouse workspace has a table of that name.</summary>
    public static bool HasTable(TestWorkspace clickHouse, string table) =>
        Convert.ToInt64(clickHouse.Workspace.Scalar($"SELECT count(*) FROM system.tables WHERE database = currentDatabase() AND name = '{table}'"), CultureInfo.InvariantCulture) > 0;
}
