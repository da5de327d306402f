namespace Ciclo.Dialects;

/// <summary>DuckDB, the embedded default.</summary>
public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => "duckdb";

    public override string LocalDate(string timestamp, string timeZone) =>
        "CAST(timezone(" + Literal(timeZone) + ", " + timestamp + ") AS DATE)";

    public override string DaysBetween(string from, string to) => "datediff('day', " + from + ", " + to + ")";

    public override string Median(string argument) => "median(" + argument + ")";

    public override string Upsert(Import.EntitySchema table, IReadOnlyList<object?> values) =>
        "INSERT OR REPLACE INTO " + QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name))) +
        ") VALUES (" + string.Join(", ", values.Select(Literal)) + ")";

}
