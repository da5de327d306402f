namespace Ciclo.Dialects;

/// <summary>DuckDB, the embedded default.</summary>
public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => "duckdb";

    public override string LocalDate(string timestamp, string timeZone) =>
        "CAST(timezone(" + Literal(timeZone) + ", " + timestamp + ") AS DATE)";

    public override string DaysBetween(string from, string to) => "datediff('day', " + from + ", " + to + ")";

    /// <summary>DuckDB's <c>/</c> divides integers into a fraction; <c>//</c> keeps them whole.</summary>
    public override string DayBlock(string day, int size) =>
        "((" + day + " - DATE '0001-01-01') // " + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

    public override string QuarterHour(string timestamp) => "time_bucket(INTERVAL '15 minutes', " + timestamp + ", 'UTC')";

    public override string Median(string argument) => "median(" + argument + ")";

    public override string Upsert(Import.EntitySchema table, IReadOnlyList<object?> values) =>
        "INSERT OR REPLACE INTO " + QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name))) +
        ") VALUES (" + string.Join(", ", values.Select(Literal)) + ")";

    /// <summary>
    /// The imported entities' tables carry no key constraint: the importer enforces their keys
    /// itself (an ambiguous key is rejected, identical repeats kept once, a changed row replaced by
    /// key), and DuckDB keeps a key's index in memory, where it cannot spill: at a hundred million
    /// campaign events the index alone outgrew a 3 GB limit. The small tables Ciclo upserts
    /// (settings, imports, benchmarks, themes) keep theirs.
    /// </summary>
    protected override bool KeyConstraint(Import.EntitySchema table) => base.KeyConstraint(table) && Import.Entities.Find(table.Table) is null;

    /// <summary>A table made again as <see cref="SqlDialect.CreateTable"/> makes it now, with its rows.</summary>
    public IEnumerable<string> Rebuild(Import.EntitySchema table)
    {
        var name = QuoteIdentifier(table.Table);
        var rebuilt = QuoteIdentifier(table.Table + "_rebuilt");
        var columns = string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name)));
        yield return "CREATE TABLE " + rebuilt + " " + TableBody(table);
        yield return "INSERT INTO " + rebuilt + " (" + columns + ") SELECT " + columns + " FROM " + name;
        yield return "DROP TABLE " + name;
        yield return "ALTER TABLE " + rebuilt + " RENAME TO " + name;
    }

}
