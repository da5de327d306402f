using System.Text;

namespace Ciclo.Sql;

/// <summary>Walks a tree and writes SQL text, asking the dialect wherever engines differ.</summary>
public sealed class SqlRenderer(Dialects.SqlDialect dialect, RenderContext context)
{
    public RenderContext Context => context;

    public string Render(SqlSelect select)
    {
        var sb = new StringBuilder();
        WriteSelect(sb, select, 0);
        return sb.ToString();
    }

    public string Render(SqlExpr expr) => Expr(expr);

    /// <summary>A subquery on one line, for use inside an expression.</summary>
    public string Inline(SqlSelect select) => Render(select).Replace("\n", " ", StringComparison.Ordinal);

    private void WriteSelect(StringBuilder sb, SqlSelect select, int depth)
    {
        var s = dialect.Arrange(select);
        var pad = new string(' ', depth * 2);
        sb.Append("SELECT ");
        sb.AppendJoin(",\n" + pad + "       ", s.Items.Select(i => Expr(i.Expression) + " AS " + dialect.QuoteIdentifier(i.Alias)));
        sb.Append('\n').Append(pad).Append("FROM ").Append(From(s.From, depth));
        foreach (var join in s.Joins)
        {
            sb.Append('\n').Append(pad).Append(join.Kind switch { JoinKind.Left => "LEFT JOIN ", JoinKind.Cross => "CROSS JOIN ", _ => "JOIN " })
              .Append(From(join.Source, depth));
            if (join.Using is { } columns)
            {
                sb.Append(" USING (").AppendJoin(", ", columns.Select(dialect.QuoteIdentifier)).Append(')');
            }
            else if (join.Kind != JoinKind.Cross)
            {
                sb.Append(" ON ").Append(Expr(join.On));
            }
        }

        if (s.Where is not null)
        {
            sb.Append('\n').Append(pad).Append("WHERE ").Append(Expr(s.Where));
        }

        if (s.GroupBy.Count > 0)
        {
            sb.Append('\n').Append(pad).Append("GROUP BY ").AppendJoin(", ", s.GroupBy.Select(Expr));
        }

        if (s.Having is not null)
        {
            sb.Append('\n').Append(pad).Append("HAVING ").Append(Expr(s.Having));
        }

        if (s.OrderBy.Count > 0)
        {
            sb.Append('\n').Append(pad).Append("ORDER BY ").AppendJoin(", ", s.OrderBy.Select(Expr));
        }

        if (s.Fenced && dialect.Fence is { Length: > 0 } fence)
        {
            sb.Append('\n').Append(pad).Append(fence);
        }
    }

    private string From(FromItem item, int depth)
    {
        var pad = new string(' ', (depth + 1) * 2);
        switch (item)
        {
            case TableSource t:
                return dialect.TableReference(t.Table, t.Alias);
            case SubquerySource q:
            {
                var sb = new StringBuilder("(\n").Append(pad);
                WriteSelect(sb, q.Query, depth + 1);
                return sb.Append(")\n").Append(pad[..^2]).Append("AS ").Append(dialect.QuoteIdentifier(q.Alias)).ToString();
            }

            case UnionSource u:
            {
                var sb = new StringBuilder("(\n").Append(pad);
                for (var i = 0; i < u.Queries.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append('\n').Append(pad).Append("UNION ALL\n").Append(pad);
                    }

                    WriteSelect(sb, u.Queries[i], depth + 1);
                }

                return sb.Append(")\n").Append(pad[..^2]).Append("AS ").Append(dialect.QuoteIdentifier(u.Alias)).ToString();
            }

            case PeriodSpineSource p:
                return dialect.PeriodSpine(p.Periods, p.Alias, this);
            case SpelledSource spelled:
                return spelled.Sql;
            default:
                throw new NotSupportedException(item.GetType().Name);
        }
    }

    internal string Expr(SqlExpr e) => e switch
    {
        Column c => c.Table is null ? dialect.QuoteIdentifier(c.Name) : dialect.QuoteIdentifier(c.Table) + "." + dialect.QuoteIdentifier(c.Name),
        Literal l => dialect.Literal(l.Value),
        ContextValue v => dialect.Literal(context.Values[v.Name]),
        Binary b => "(" + Expr(b.Left) + " " + Operator(b.Operator) + " " + Expr(b.Right) + ")",
        Not n => "(NOT " + Expr(n.Operand) + ")",
        IsNull n => "(" + Expr(n.Operand) + (n.Negated ? " IS NOT NULL)" : " IS NULL)"),
        InList i => "(" + Expr(i.Operand) + " IN (" + string.Join(", ", i.Items.Select(x => dialect.Literal(x))) + "))",
        CaseWhen w => "CASE WHEN " + Expr(w.Condition) + " THEN " + Expr(w.Then) + (w.Else is null ? string.Empty : " ELSE " + Expr(w.Else)) + " END",
        Coalesce c => "COALESCE(" + Expr(c.First) + ", " + Expr(c.Second) + ")",
        LocalDate d => dialect.LocalDate(Expr(d.Timestamp), context.TimeZone),
        QuarterHour q => dialect.QuarterHour(Expr(q.Timestamp)),
        Bit b => dialect.Bit(Expr(b.Word), b.Index),
        PeriodStart p => dialect.PeriodStart(Expr(p.Day), p.Grain),
        DaysBetween d => dialect.DaysBetween(Expr(d.From), Expr(d.To)),
        DayBlock b => dialect.DayBlock(Expr(b.Day), b.Size),
        PeriodBound p => dialect.QuoteIdentifier(context.SpineAlias) + "." + dialect.QuoteIdentifier(p.IsEnd ? "period_end" : "period_start"),
        Aggregate a => dialect.Aggregate(a.Kind, Expr(a.Argument)),
        Exists x => dialect.Exists(x, this),
        LatestOnOrBefore l => dialect.LatestOnOrBefore(l, this),
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Eq => "=",
        BinaryOperator.NotEq => "<>",
        BinaryOperator.Lt => "<",
        BinaryOperator.LtEq => "<=",
        BinaryOperator.Gt => ">",
        BinaryOperator.GtEq => ">=",
        BinaryOperator.And => "AND",
        BinaryOperator.Or => "OR",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => throw new NotSupportedException(op.ToString()),
    };
}
