using Ciclo.Time;
using System.Globalization;
using Ciclo.Sql;

namespace Ciclo.Dialects;

/// <summary>
/// How one engine spells the SQL model. The base class holds the ANSI spelling; a dialect
/// overrides only what differs, and refuses what its engine cannot do with
/// <see cref="UnsupportedEngineFeatureException"/> rather than approximating.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>Whether the engine joins on a range condition (the period spine); without it the
    /// planner cross-joins and keeps the condition inside each aggregate.</summary>
    public virtual bool SupportsRangeJoins => true;

    /// <summary>Whether large tables are spread over shards, so that grouping their rows first where
    /// they lie (<see cref="Colocated"/>) and merging the partial groups after pays for the second
    /// grouping. On one server a query groups once.</summary>
    public virtual bool GroupsOnShards => false;

    /// <summary>Whether the engine computes an expression read several times in one row once
    /// (DuckDB does). When it does not, the planner computes a date-tied source's period once per
    /// row in a fenced subquery rather than in the join and in every measure.</summary>
    public virtual bool SharesRepeatedExpressions => true;

    /// <summary>Whether the warehouse keeps the counted rollups of derived tables (<see cref="Catalog.SendCounts"/>)
    /// that the planner may read instead of the rows they count. An engine that cannot replace a
    /// group's rows in place (one whose rows are versions of a key that never leaves) keeps none.</summary>
    public virtual bool KeepsRollups => true;

    /// <summary>What ends a subquery the engine must not merge into the query around it
    /// (<see cref="Sql.SqlSelect.Fenced"/>); empty where none is needed.</summary>
    public virtual string Fence => string.Empty;

    /// <summary>The select as the engine should read it: an engine may put the joined items in
    /// another order that gives the same rows. By default as written.</summary>
    public virtual Sql.SqlSelect Arrange(Sql.SqlSelect select) => select;

    /// <summary>
    /// Statements that replace a table's rows in <paramref name="scope"/> (a condition on its own
    /// columns; every row when null) with the rows of <paramref name="rowsSql"/>, which gives the
    /// table's columns in order and only rows in the scope.
    /// </summary>
    public virtual IEnumerable<string> ReplaceRows(Import.EntitySchema table, string rowsSql, string? scope) =>
    [
        "DELETE FROM " + QuoteIdentifier(table.Table) + (scope is null ? string.Empty : " WHERE " + scope),
        "INSERT INTO " + QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name))) + ") " + Clustered(table, rowsSql),
    ];

    /// <summary>The rows of <paramref name="rowsSql"/> in the order <paramref name="table"/> keeps them
    /// (<see cref="Import.EntitySchema.ClusteredBy"/>). By default as they come: an engine that reads
    /// no block's bounds gains nothing from the order.</summary>
    protected virtual string Clustered(Import.EntitySchema table, string rowsSql) => rowsSql;

    /// <summary>
    /// A select of one table alone, or inner-joined to the rows of a table with the same sharding
    /// columns on columns that include them (events and the per-send table, by contact): every row
    /// meets the rows of its own key, so an engine whose tables are spread over shards by those
    /// columns may run it on each shard over the shard's own rows (and merge what they return).
    /// By default as written.
    /// </summary>
    public virtual Sql.SqlSelect Colocated(Sql.SqlSelect select) => select;

    /// <summary>A table in FROM, with its alias.</summary>
    public virtual string TableReference(string table, string alias) => QuoteIdentifier(table) + " AS " + QuoteIdentifier(alias);

    /// <summary>A table read whole, as hand-written statements name it (an engine may add FINAL).</summary>
    public virtual string TableReference(string table) => QuoteIdentifier(table);

    /// <summary>EXISTS (subquery); correlated subqueries are fine in ANSI engines.</summary>
    public virtual string Exists(Sql.Exists exists, SqlRenderer renderer) => "EXISTS (" + renderer.Inline(exists.Query) + ")";

    public virtual string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public virtual string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "TRUE" : "FALSE",
        DateOnly d => DateLiteral(d),
        DateTime t => "TIMESTAMPTZ '" + t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00'",
        long n => n.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    /// <summary>The first day of the grain's period that holds a date (ISO weeks start on Monday).</summary>
    public virtual string PeriodStart(string day, Time.Grain grain) =>
        "CAST(date_trunc('" + grain.Name() + "', " + day + ") AS DATE)";

    public virtual string DateLiteral(DateOnly day) => "DATE '" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    /// <summary>The local date of a timestamp with time zone, in the named IANA zone.</summary>
    public abstract string LocalDate(string timestamp, string timeZone);

    public abstract string DaysBetween(string from, string to);

    /// <summary>The block of <paramref name="size"/> days that holds a date (<see cref="Sql.DayBlock"/>):
    /// whole days from a first day no storable date precedes, divided as integers.</summary>
    public abstract string DayBlock(string day, int size);

    /// <summary>Bit <paramref name="index"/> of an integer word, as 1 or 0 (<see cref="Sql.Bit"/>).</summary>
    public virtual string Bit(string word, int index) =>
        "((" + word + " >> " + index.ToString(CultureInfo.InvariantCulture) + ") & 1)";

    /// <summary>A timestamp with time zone floored to its quarter of an hour of UTC (<see cref="Sql.QuarterHour"/>).</summary>
    public abstract string QuarterHour(string timestamp);

    public virtual string Aggregate(AggregateKind kind, string argument) => kind switch
    {
        AggregateKind.Count => "COUNT(" + argument + ")",
        AggregateKind.CountDistinct => "COUNT(DISTINCT " + argument + ")",
        AggregateKind.Sum => "SUM(" + argument + ")",
        AggregateKind.Min => "MIN(" + argument + ")",
        AggregateKind.Max => "MAX(" + argument + ")",
        AggregateKind.Median => Median(argument),
        AggregateKind.BitOr => "BIT_OR(" + argument + ")",
        _ => throw new NotSupportedException(kind.ToString()),
    };

    /// <summary>The median, averaging the two middle values of an even count.</summary>
    public abstract string Median(string argument);

    /// <summary>The periods as a derived table (period_index, period_start, period_end).</summary>
    public virtual string PeriodSpine(IReadOnlyList<Time.Period> periods, string alias, SqlRenderer renderer)
    {
        var rows = periods.Select((p, i) => "(" + Literal((long)i) + ", " + DateLiteral(p.Start) + ", " + DateLiteral(p.End) + ")");
        return "(VALUES " + string.Join(", ", rows) + ") AS " + QuoteIdentifier(alias) + "(" +
               QuoteIdentifier("period_index") + ", " + QuoteIdentifier("period_start") + ", " + QuoteIdentifier("period_end") + ")";
    }

    /// <summary>A correlated lookup of the latest row on or before a bound.</summary>
    public virtual string LatestOnOrBefore(LatestOnOrBefore lookup, SqlRenderer renderer)
    {
        var t = QuoteIdentifier("lk");
        return "(SELECT " + t + "." + QuoteIdentifier(lookup.ValueColumn) + " FROM " + QuoteIdentifier(lookup.Table) + " AS " + t +
               " WHERE " + t + "." + QuoteIdentifier(lookup.KeyColumn) + " = " + renderer.Expr(lookup.Key) +
               " AND " + t + "." + QuoteIdentifier(lookup.OrderColumn) + " <= " + renderer.Expr(lookup.AtOrBefore) +
               " ORDER BY " + t + "." + QuoteIdentifier(lookup.OrderColumn) + " DESC LIMIT 1)";
    }

    /// <summary>The column type that stores an imported column.</summary>
    public virtual string ColumnTypeName(Import.ColumnType type) => type switch
    {
        Import.ColumnType.Date => "DATE",
        Import.ColumnType.Timestamp => "TIMESTAMP WITH TIME ZONE",
        Import.ColumnType.Decimal => "DECIMAL(38, 10)",
        Import.ColumnType.Integer => "BIGINT",
        Import.ColumnType.Bool => "BOOLEAN",
        Import.ColumnType.Double => "DOUBLE",
        _ => "VARCHAR",
    };

    /// <summary>CREATE TABLE for a declared table, keyed by its natural key where <see cref="KeyConstraint"/> says so.</summary>
    public virtual string CreateTable(Import.EntitySchema table, bool ifNotExists = false) =>
        "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : string.Empty) + QuoteIdentifier(table.Table) + " " + TableBody(table);

    /// <summary>A declared table's parenthesised columns, with its key constraint where it has one.</summary>
    protected string TableBody(Import.EntitySchema table)
    {
        var columns = table.Columns.Select(c => QuoteIdentifier(c.Name) + " " + ColumnTypeName(c.Type) + ColumnStorage(c) + (c.Required ? " NOT NULL" : string.Empty));
        return "(" + string.Join(", ", columns) +
               (KeyConstraint(table) ? ", PRIMARY KEY (" + string.Join(", ", table.Key.Select(QuoteIdentifier)) + ")" : string.Empty) + ")";
    }

    /// <summary>What follows a column's type in <see cref="TableBody"/> to choose how the engine
    /// stores it; nothing where the engine chooses alone.</summary>
    protected virtual string ColumnStorage(Import.ColumnSpec column) => string.Empty;

    /// <summary>Whether a table's key is declared as a constraint: every table's but a derived one's.</summary>
    protected virtual bool KeyConstraint(Import.EntitySchema table) => !table.Derived;

    /// <summary>The statements that drop a table made by <see cref="CreateTableStatements"/>, when it exists.</summary>
    public virtual IEnumerable<string> DropTableStatements(Import.EntitySchema table) => ["DROP TABLE IF EXISTS " + QuoteIdentifier(table.Table)];

    /// <summary>The statements that create a declared table: one CREATE TABLE, or more where an
    /// engine spreads a table over several places (the shards of a cluster).</summary>
    public virtual IEnumerable<string> CreateTableStatements(Import.EntitySchema table, bool ifNotExists = false) => [CreateTable(table, ifNotExists)];

    /// <summary>Insert a row, or replace the row with the same key.</summary>
    public abstract string Upsert(Import.EntitySchema table, IReadOnlyList<object?> values);
}
