using Ciclo.Dialects;
using Ciclo.Import;

namespace Ciclo.Warehouse;

/// <summary>The schema's history, oldest first. Each step's statements are rendered by the
/// engine's dialect, so every engine gets the same tables.</summary>
public static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "entity tables, settings, imports, quarantine and benchmarks", Initial),
        new(2, "verbatim analysis results and workspace themes", Verbatims.VerbatimTables.Create),
    ];

    public static int Latest => All[^1].Version;

    private static IEnumerable<string> Initial(SqlDialect d)
    {
        foreach (var entity in Entities.All)
        {
            foreach (var statement in d.CreateTableStatements(entity))
            {
                yield return statement;
            }
        }

        yield return d.CreateTable(Tables.Settings);
        yield return d.CreateTable(Tables.Imports);
        yield return d.CreateTable(Tables.Quarantine);
        yield return d.CreateTable(Tables.Benchmarks);
    }
}
