using System.Text;
using Ciclo.Dialects;
using Ciclo.Import;

namespace Ciclo.Warehouse;

/// <summary>The schema's history, oldest first.</summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "entity tables, settings, imports and quarantine", Initial),
    ];

    public static int Latest => All[^1].Version;

    private static IEnumerable<string> Initial(SqlDialect d)
    {
        foreach (var entity in Entities.All)
        {
            yield return CreateTable(d, entity);
        }

        yield return "CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)";
        yield return "CREATE TABLE imports (import_id BIGINT PRIMARY KEY, entity VARCHAR NOT NULL, file VARCHAR NOT NULL, " +
                     "imported_at TIMESTAMP WITH TIME ZONE NOT NULL, inserted BIGINT NOT NULL, updated BIGINT NOT NULL, " +
                     "unchanged BIGINT NOT NULL, rejected BIGINT NOT NULL, unknown_columns VARCHAR)";
        yield return "CREATE TABLE quarantine (import_id BIGINT NOT NULL, entity VARCHAR NOT NULL, file VARCHAR NOT NULL, " +
                     "line BIGINT NOT NULL, column_name VARCHAR NOT NULL, value VARCHAR, reason VARCHAR NOT NULL, detail VARCHAR)";
        yield return "CREATE TABLE benchmarks (metric VARCHAR NOT NULL, band VARCHAR NOT NULL, low DOUBLE, high DOUBLE, " +
                     "source VARCHAR NOT NULL, PRIMARY KEY (metric, band))";
    }

    internal static string CreateTable(SqlDialect d, EntitySchema entity)
    {
        var sb = new StringBuilder("CREATE TABLE ").Append(d.QuoteIdentifier(entity.Table)).Append(" (");
        sb.AppendJoin(", ", entity.Columns.Select(c =>
            d.QuoteIdentifier(c.Name) + " " + d.ColumnTypeName(c.Type) + (c.Required ? " NOT NULL" : string.Empty)));
        sb.Append(", PRIMARY KEY (").AppendJoin(", ", entity.Key.Select(d.QuoteIdentifier)).Append("))");
        return sb.ToString();
    }
}
