namespace Ciclo.Sql;

/// <summary>Short builders for the expression tree, so declarations read like the definitions.</summary>
public static class Sql
{
    public static Column Col(string table, string name) => new(table, name);

    public static Literal Lit(object? value) => new(value);

    public static SqlExpr And(params SqlExpr[] terms) => terms.Aggregate((a, b) => a & b);

    public static SqlExpr Or(params SqlExpr[] terms) => terms.Aggregate((a, b) => a | b);

    public static SqlExpr In(this SqlExpr e, params string[] items) => new InList(e, items);

    public static SqlExpr Eq(this SqlExpr a, SqlExpr b) => new Binary(BinaryOperator.Eq, a, b);

    public static SqlExpr Ne(this SqlExpr a, SqlExpr b) => new Binary(BinaryOperator.NotEq, a, b);

    public static SqlExpr IsNull(this SqlExpr e) => new IsNull(e);

    public static SqlExpr IsNotNull(this SqlExpr e) => new IsNull(e, true);

    public static SqlExpr When(SqlExpr condition, SqlExpr then, SqlExpr? otherwise = null) =>
        new CaseWhen(condition, then, otherwise);

    /// <summary>1 when the condition holds, else 0: a portable boolean flag.</summary>
    public static SqlExpr Flag(SqlExpr condition) => new CaseWhen(condition, Lit(1L), Lit(0L));

    public static SqlExpr Max(SqlExpr e) => new Aggregate(AggregateKind.Max, e);

    public static SqlExpr Min(SqlExpr e) => new Aggregate(AggregateKind.Min, e);

    public static SqlExpr Within(SqlExpr day) => day >= PeriodBound.Start & day < PeriodBound.End;
}
