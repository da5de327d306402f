using System.Globalization;
using System.Text;
using Ciclo.Import;
using Ciclo.Sql;

namespace Ciclo.Dialects;

/// <summary>
/// ClickHouse, kept to SQL that Debian's 18.16 server runs and current servers run too: no
/// window functions, no WITH, no correlated subqueries, no range joins. Tables are
/// ReplacingMergeTree versions read with FINAL, so an upsert is an insert of a newer version.
/// What 18.16 cannot run as written is rewritten exactly: period-correlated EXISTS become one
/// uncorrelated IN per period, latest-rate lookups become array searches, medians are taken
/// from the sorted values. Every literal goes through <see cref="Literal"/>.
/// </summary>
public class ClickHouseDialect : SqlDialect
{
    public static readonly ClickHouseDialect Instance = new();

    public override string Name => "clickhouse";

    public override bool SupportsRangeJoins => false;

    public override string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        bool b => b ? "1" : "0",
        decimal m => "toDecimal128('" + m.ToString(CultureInfo.InvariantCulture) + "', 10)",
        DateTime t => "toDateTime('" + t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "', 'UTC')",
        _ => base.Literal(value),
    };

    public override string PeriodStart(string day, Time.Grain grain) => grain switch
    {
        Time.Grain.Week => "toMonday(" + day + ")",
        Time.Grain.Month => "toStartOfMonth(" + day + ")",
        Time.Grain.Quarter => "toStartOfQuarter(" + day + ")",
        _ => "toStartOfYear(" + day + ")",
    };

    public override string DateLiteral(DateOnly day) => "toDate('" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "')";

    public override string TableReference(string table, string alias) => QuoteIdentifier(table) + " AS " + QuoteIdentifier(alias) + " FINAL";

    public override string TableReference(string table) => QuoteIdentifier(table) + " FINAL";

    public override string LocalDate(string timestamp, string timeZone) => "toDate(" + timestamp + ", " + Literal(timeZone) + ")";

    public override string DaysBetween(string from, string to) => "(" + to + " - " + from + ")";

    /// <summary>A ClickHouse date is never before 1970: its day number from then is never negative. As
    /// a signed number, so that a block and the block before it compare in one type.</summary>
    public override string DayBlock(string day, int size) => "toInt64(intDiv(toRelativeDayNum(" + day + "), " + size.ToString(CultureInfo.InvariantCulture) + "))";

    public override string QuarterHour(string timestamp) => "toStartOfFifteenMinutes(" + timestamp + ")";

    public override string Bit(string word, int index) =>
        "bitAnd(bitShiftRight(" + word + ", " + index.ToString(CultureInfo.InvariantCulture) + "), 1)";

    /// <summary>A derived table here holds versions of keys that never leave (<see cref="ReplaceRows"/>);
    /// a rollup's groups come and go as their rows' flags change, so none is kept.</summary>
    public override bool KeepsRollups => false;

    public override string Aggregate(AggregateKind kind, string argument) => kind switch
    {
        AggregateKind.Count => "count(" + argument + ")",
        AggregateKind.CountDistinct => "uniqExact(" + argument + ")",
        AggregateKind.BitOr => "groupBitOr(" + argument + ")",
        _ => base.Aggregate(kind, argument),
    };

    /// <summary>Exact median: the middle value of the sorted values, or the mean of the two middle ones.</summary>
    public override string Median(string argument)
    {
        var sorted = "arraySort(groupArray(" + argument + "))";
        var n = "count(" + argument + ")";
        return $"if({n} = 0, NULL, (toFloat64(arrayElement({sorted}, intDiv({n} + 1, 2))) + toFloat64(arrayElement({sorted}, intDiv({n}, 2) + 1))) / 2)";
    }

    public override string PeriodSpine(IReadOnlyList<Time.Period> periods, string alias, SqlRenderer renderer)
    {
        var rows = periods.Select((p, i) =>
            "SELECT toUInt32(" + i.ToString(CultureInfo.InvariantCulture) + ") AS " + QuoteIdentifier("period_index") + ", " +
            DateLiteral(p.Start) + " AS " + QuoteIdentifier("period_start") + ", " + DateLiteral(p.End) + " AS " + QuoteIdentifier("period_end"));
        return "(" + string.Join(" UNION ALL ", rows) + ") AS " + QuoteIdentifier(alias);
    }

    /// <summary>The latest value on or before a bound, per key: one uncorrelated scalar subquery
    /// holds every row's key, day and value in three flat arrays sorted by key and day; the row
    /// counts its key's days on or before its bound, which end at the latest of them. Flat arrays,
    /// because 18.16 cannot cast an empty nested array back from the subquery's result (no rates).</summary>
    public override string LatestOnOrBefore(LatestOnOrBefore lookup, SqlRenderer renderer)
    {
        var q = QuoteIdentifier;
        var table = "(SELECT (groupArray(k), groupArray(o), groupArray(v)) FROM (SELECT " + q(lookup.KeyColumn) + " AS k, " + q(lookup.OrderColumn) +
                    " AS o, toString(" + q(lookup.ValueColumn) + ") AS v FROM " + TableReference(lookup.Table) + " ORDER BY k, o))";
        var key = renderer.Expr(lookup.Key);
        var count = "arrayCount((lk, ld) -> ifNull(lk = " + key + " AND ld <= " + renderer.Expr(lookup.AtOrBefore) + ", 0), tupleElement(" + table + ", 1), tupleElement(" + table + ", 2))";
        var latest = "arrayElement(tupleElement(" + table + ", 3), indexOf(tupleElement(" + table + ", 1), " + key + ") + " + count + " - 1)";
        // Values travel as text: 18.16 crashes when Decimal128 values pass through groupArray.
        // Both branches of if() are evaluated: '0' + '' parses where no rate exists.
        return "if(" + count + " = 0, NULL, toDecimal128(concat('0', " + latest + "), 10))";
    }

    /// <summary>
    /// EXISTS correlated by equalities becomes (outer...) IN (SELECT inner... WHERE rest); when the
    /// rest refers to the period spine, one such IN per period, chosen by the period's index.
    /// </summary>
    public override string Exists(Exists exists, SqlRenderer renderer)
    {
        var query = exists.Query;
        var inner = query.From.Alias;
        var terms = SqlRewriter.Conjuncts(query.Where).ToList();
        var links = new List<(SqlExpr Inner, SqlExpr Outer)>();
        var rest = new List<SqlExpr>();
        foreach (var term in terms)
        {
            if (term is Binary { Operator: BinaryOperator.Eq } eq && Side(eq.Left, inner) is var l && Side(eq.Right, inner) is var r && l != r && l != 0 && r != 0)
            {
                links.Add(l == 1 ? (eq.Left, eq.Right) : (eq.Right, eq.Left));
            }
            else
            {
                rest.Add(term);
            }
        }

        if (links.Count == 0)
        {
            throw new UnsupportedEngineFeatureException(Name, "an EXISTS subquery that is not correlated by equality");
        }

        string In(IEnumerable<SqlExpr> conditions)
        {
            var list = conditions.ToList();
            var select = new SqlSelect(links.Select((x, i) => new SelectItem(x.Inner, "k" + i.ToString(CultureInfo.InvariantCulture))).ToList(), query.From)
            {
                Joins = query.Joins,
                Where = list.Count == 0 ? null : list.Aggregate((a, b) => a & b),
            };
            var outer = links.Count == 1 ? renderer.Expr(links[0].Outer) : "(" + string.Join(", ", links.Select(x => renderer.Expr(x.Outer))) + ")";
            return "(" + outer + " IN (" + renderer.Inline(select) + "))";
        }

        if (!rest.Any(t => SqlRewriter.Any(t, x => x is PeriodBound)))
        {
            return In(rest);
        }

        var periods = renderer.Context.Periods;
        if (periods.Count == 0)
        {
            throw new UnsupportedEngineFeatureException(Name, "a period-correlated EXISTS without the request's periods");
        }

        var sb = new StringBuilder("multiIf(");
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var bound = rest.Select(t => SqlRewriter.Replace(t, x => x is PeriodBound pb ? new Literal(pb.IsEnd ? period.End : period.Start) : null));
            sb.Append(QuoteIdentifier(renderer.Context.SpineAlias)).Append('.').Append(QuoteIdentifier("period_index")).Append(" = ")
              .Append(i.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(In(bound)).Append(", ");
        }

        return sb.Append("0)").ToString();
    }

    /// <summary>0: no column; 1: only the subquery's alias; 2: only outer columns; 3: both.</summary>
    private static int Side(SqlExpr e, string inner)
    {
        var side = 0;
        SqlRewriter.Any(e, x =>
        {
            if (x is Column c)
            {
                side |= c.Table == inner ? 1 : 2;
            }
            else if (x is PeriodBound)
            {
                side |= 2;
            }

            return false;
        });
        return side;
    }

    public override string ColumnTypeName(ColumnType type) => type switch
    {
        ColumnType.Date => "Date",
        ColumnType.Timestamp => "DateTime('UTC')",
        ColumnType.Decimal => "Decimal(38, 10)",
        ColumnType.Integer => "Int64",
        ColumnType.Bool => "UInt8",
        ColumnType.Double => "Float64",
        _ => "String",
    };

    public override string CreateTable(EntitySchema table, bool ifNotExists = false) =>
        "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : string.Empty) + QuoteIdentifier(table.Table) + " (" + ColumnDefinitions(table) + ") " + VersionedEngine(table);

    /// <summary>The columns of a declared table and the version column, as in CREATE TABLE.</summary>
    protected string ColumnDefinitions(EntitySchema table) =>
        string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name) + " " + (c.Required ? ColumnTypeName(c.Type) : "Nullable(" + ColumnTypeName(c.Type) + ")"))) +
        ", " + QuoteIdentifier("_version") + " UInt64";

    /// <summary>Rows are versions of their key; the highest version wins when read with FINAL.</summary>
    protected string VersionedEngine(EntitySchema table) =>
        "ENGINE = ReplacingMergeTree(" + QuoteIdentifier("_version") + ") ORDER BY (" + string.Join(", ", table.Key.Select(QuoteIdentifier)) + ")";

    /// <summary>
    /// Newer versions of the rows in the scope: the rows given replace them when read with FINAL.
    /// A key of the scope that the rows no longer give would keep its old row, so this is for tables
    /// whose keys never leave (the per-send table: events are never deleted, and their key holds
    /// the campaign and contact).
    /// </summary>
    public override IEnumerable<string> ReplaceRows(EntitySchema table, string rowsSql, string? scope) =>
    [
        "INSERT INTO " + QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name))) + ", " +
        QuoteIdentifier("_version") + ") SELECT *, toUInt64(" + Versions.Next().ToString(CultureInfo.InvariantCulture) + ") FROM (" + rowsSql + ")",
    ];

    /// <summary>A newer version of the row: the latest insert wins when read with FINAL.</summary>
    public override string Upsert(EntitySchema table, IReadOnlyList<object?> values) =>
        "INSERT INTO " + QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name))) + ", " +
        QuoteIdentifier("_version") + ") VALUES (" + string.Join(", ", values.Select(Literal)) + ", " +
        Versions.Next().ToString(CultureInfo.InvariantCulture) + ")";
}
