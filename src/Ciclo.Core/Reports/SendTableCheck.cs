using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ciclo.Catalog;
using Ciclo.Sql;
using Ciclo.Warehouse;

namespace Ciclo.Reports;

/// <summary>
/// Whether the per-send table (<see cref="SendTable"/>) holds exactly what the campaign events
/// give, with its counts (<see cref="SendCounts"/>) and customers (<see cref="SendCustomers"/>)
/// what its rows give and its engagements (<see cref="SendEngagements"/>) what its rows and the
/// events give, and their rebuild. Imports
/// keep them current in their own unit of work; this finds a table
/// that something else left behind (rows written around Ciclo, an interrupted ClickHouse import,
/// which has no transaction) and makes it current again.
/// </summary>
public static class SendTableCheck
{
    /// <summary>The number of rows of the table and of the events' grouping; whether the table and
    /// its rollups are current (<c>Current</c>: the same rows, both read in key order, each into a
    /// SHA-256 of its rows in turn, and rollups that are what those rows give); and whether the
    /// rollups alone are (<c>CountsCurrent</c>; true where the workspace keeps none).</summary>
    public static (long Stored, long Computed, bool Current, bool CountsCurrent) Compare(Workspace workspace)
    {
        var renderer = new SqlRenderer(workspace.Dialect, new RenderContext("UTC", new Dictionary<string, object?>()));
        var columns = SendTable.Schema.Columns.Select(c => new SelectItem(Sql.Sql.Col("x", c.Name), c.Name)).ToList();
        var stored = renderer.Render(new SqlSelect(columns, new TableSource(SendTable.Name, "x"))
        {
            OrderBy = [Sql.Sql.Col("x", "campaign_id"), Sql.Sql.Col("x", "contact_id")],
        });
        var computed = renderer.Render(new SqlSelect(columns, new SubquerySource(SendTable.FromEvents(null), "x"))
        {
            OrderBy = [Sql.Sql.Col("x", "campaign_id"), Sql.Sql.Col("x", "contact_id")],
        });
        var (storedRows, storedHash) = Digest(workspace, stored);
        var (computedRows, computedHash) = Digest(workspace, computed);
        var counts = CountsCurrent(workspace, renderer);
        return (storedRows, computedRows, storedRows == computedRows && storedHash.SequenceEqual(computedHash) && counts, counts);
    }

    /// <summary>Whether the per-send table's rollups (<see cref="SendTable.Rollups"/>) are what its rows
    /// and the events give, where the workspace keeps them.</summary>
    private static bool CountsCurrent(Workspace workspace, SqlRenderer renderer) =>
        !workspace.Dialect.KeepsRollups
        || SendTable.Rollups.All(r => RollupCurrent(workspace, renderer, r.Schema, r.Grouping(null, SendTable.Name, SendTable.StoredEvents)));

    /// <summary>Whether the rollup table of <paramref name="schema"/> holds exactly the rows of
    /// <paramref name="computed"/>, whose columns are the table's in order (its aggregates named apart).</summary>
    private static bool RollupCurrent(Workspace workspace, SqlRenderer renderer, Import.EntitySchema schema, SqlSelect computed)
    {
        // The grouping's columns under the table's names, both in key order.
        var names = schema.Columns.Select((c, i) => (Column: c.Name, Computed: computed.Items[i].Alias)).ToList();
        var stored = renderer.Render(new SqlSelect([.. names.Select(n => new SelectItem(Sql.Sql.Col("x", n.Column), n.Column))], new TableSource(schema.Table, "x"))
        {
            OrderBy = [.. schema.Key.Select(k => (SqlExpr)Sql.Sql.Col("x", k))],
        });
        var grouped = renderer.Render(new SqlSelect([.. names.Select(n => new SelectItem(Sql.Sql.Col("x", n.Computed), n.Column))], new SubquerySource(computed, "x"))
        {
            OrderBy = [.. schema.Key.Select(k => (SqlExpr)Sql.Sql.Col("x", names.Single(n => n.Column == k).Computed))],
        });
        var a = Digest(workspace, stored);
        var b = Digest(workspace, grouped);
        return a.Rows == b.Rows && a.Hash.SequenceEqual(b.Hash);
    }

    /// <summary>Rewrites the whole table from the events, in one unit of work.</summary>
    public static void Rebuild(Workspace workspace)
    {
        using var tx = workspace.Connection.BeginTransaction();
        foreach (var statement in SendTable.Refresh(workspace.Dialect, null))
        {
            workspace.Connection.Execute(statement);
        }

        tx.Commit();
        DataVersion.Bump(workspace);
    }

    /// <summary>The number of rows and the hash of each row in turn, its values written in a form
    /// every engine's types give alike.</summary>
    private static (long Rows, byte[] Hash) Digest(Workspace workspace, string sql)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new string[reader.FieldCount];
        while (reader.Read())
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) switch
                {
                    DateTime t => t.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
                    DateTimeOffset o => o.UtcTicks.ToString(CultureInfo.InvariantCulture),
                    string s => s,
                    System.Numerics.BigInteger n => n.ToString(CultureInfo.InvariantCulture),
                    var v => Convert.ToInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                };
            }

            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\u0001', values) + "\u0002"));
            rows++;
        }

        return (rows, hash.GetHashAndReset());
    }
}
