namespace Ciclo.Sql;

/// <summary>A node of the SQL expression tree. Nodes say what is meant, never how an engine
/// spells it: a dialect renders them (see Dialects/).</summary>
public abstract record SqlExpr
{
    public static SqlExpr operator <(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.Lt, l, r);
    public static SqlExpr operator <=(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.LtEq, l, r);
    public static SqlExpr operator >(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.Gt, l, r);
    public static SqlExpr operator >=(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.GtEq, l, r);
    public static SqlExpr operator &(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.And, l, r);
    public static SqlExpr operator |(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.Or, l, r);
    public static SqlExpr operator +(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.Add, l, r);
    public static SqlExpr operator -(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.Subtract, l, r);
    public static SqlExpr operator *(SqlExpr l, SqlExpr r) => new Binary(BinaryOperator.Multiply, l, r);
    public static SqlExpr operator !(SqlExpr e) => new Not(e);

    public static implicit operator SqlExpr(string text) => new Literal(text);
    public static implicit operator SqlExpr(int number) => new Literal((long)number);
}

public enum BinaryOperator { Eq, NotEq, Lt, LtEq, Gt, GtEq, And, Or, Add, Subtract, Multiply, Divide }

/// <summary>A column of a table or subquery alias.</summary>
public sealed record Column(string? Table, string Name) : SqlExpr;

/// <summary>A constant: string, long, decimal, double, bool, DateOnly or null.</summary>
public sealed record Literal(object? Value) : SqlExpr;

/// <summary>A value taken from the request when rendering (reporting currency, time zone).</summary>
public sealed record ContextValue(string Name) : SqlExpr;

public sealed record Binary(BinaryOperator Operator, SqlExpr Left, SqlExpr Right) : SqlExpr;

public sealed record Not(SqlExpr Operand) : SqlExpr;

public sealed record IsNull(SqlExpr Operand, bool Negated = false) : SqlExpr;

public sealed record InList(SqlExpr Operand, IReadOnlyList<string> Items) : SqlExpr;

public sealed record CaseWhen(SqlExpr Condition, SqlExpr Then, SqlExpr? Else = null) : SqlExpr;

public sealed record Coalesce(SqlExpr First, SqlExpr Second) : SqlExpr;

/// <summary>The local calendar date of a timestamp in the request's reporting time zone.</summary>
public sealed record LocalDate(SqlExpr Timestamp) : SqlExpr;

/// <summary>The start of the quarter of an hour of UTC that holds an instant (the instant floored to
/// 15 minutes). Every instant of one quarter has the same local day in a zone whose offsets and
/// transitions fall on quarters of an hour (<see cref="Time.QuarterHourZone"/>).</summary>
public sealed record QuarterHour(SqlExpr Timestamp) : SqlExpr;

/// <summary>1 when bit <paramref name="Index"/> (0 the lowest) of the integer word is set, else 0.</summary>
public sealed record Bit(SqlExpr Word, int Index) : SqlExpr;

/// <summary>The first day of the period of <paramref name="Grain"/> that holds the date
/// (<see cref="Time.PeriodSpine.StartOf"/>: ISO weeks from Monday, calendar months, quarters, years).</summary>
public sealed record PeriodStart(SqlExpr Day, Time.Grain Grain) : SqlExpr;

/// <summary>Whole days from one date to another (To - From).</summary>
public sealed record DaysBetween(SqlExpr From, SqlExpr To) : SqlExpr;

/// <summary>The number of the block of <paramref name="Size"/> consecutive days that holds a date:
/// days counted from a fixed first day no storable date precedes, divided by the size and rounded
/// down, so that consecutive blocks have consecutive numbers.</summary>
public sealed record DayBlock(SqlExpr Day, int Size) : SqlExpr;

/// <summary>The first day (inclusive) or the end (exclusive) of the current period of the spine.</summary>
public sealed record PeriodBound(bool IsEnd) : SqlExpr
{
    public static readonly PeriodBound Start = new(false);
    public static readonly PeriodBound End = new(true);
}

/// <summary>Aggregations; BitOr is the bitwise OR of integers (flags kept as the bits of one word).</summary>
public enum AggregateKind { Count, CountDistinct, Sum, Min, Max, Median, BitOr }

/// <summary>An aggregate over the rows of a group; Count counts non-null arguments.</summary>
public sealed record Aggregate(AggregateKind Kind, SqlExpr Argument) : SqlExpr;

/// <summary>True when the subquery returns a row.</summary>
public sealed record Exists(SqlSelect Query) : SqlExpr;

/// <summary>
/// The value of <see cref="ValueColumn"/> in the row of <see cref="Table"/> whose
/// <see cref="KeyColumn"/> equals <see cref="Key"/> and whose <see cref="OrderColumn"/> is the
/// latest on or before <see cref="AtOrBefore"/>; null when there is none (an exchange rate).
/// </summary>
public sealed record LatestOnOrBefore(
    string Table, string ValueColumn, string KeyColumn, SqlExpr Key, string OrderColumn, SqlExpr AtOrBefore) : SqlExpr;
