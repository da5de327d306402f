using Ciclo.Import;
using Ciclo.Warehouse;

namespace Ciclo.Reports;

/// <summary>
/// Keys held by more than one row of an entity's table. The importer never leaves one (it rejects
/// a key a file holds with different values, keeps one of identical repeats and replaces a row by
/// its key), and on DuckDB, where the tables carry no key constraint, nothing else stops rows
/// written around Ciclo from doubling a key: this finds them.
/// </summary>
public static class DuplicateKeys
{
    /// <summary>Per entity with any, how many of its keys more than one row holds.</summary>
    public static IReadOnlyList<(string Entity, long Keys)> Find(Workspace workspace)
    {
        var d = workspace.Dialect;
        var found = new List<(string, long)>();
        foreach (var entity in Entities.All)
        {
            var keys = string.Join(", ", entity.Key.Select(d.QuoteIdentifier));
            var count = workspace.Connection.Count(
                $"SELECT count(*) FROM (SELECT {keys} FROM {d.TableReference(entity.Table)} GROUP BY {keys} HAVING count(*) > 1) AS doubled");
            if (count > 0)
            {
                found.Add((entity.Name, count));
            }
        }

        return found;
    }
}
