namespace Ciclo.Sql;

/// <summary>Rebuilds an expression tree with some nodes replaced, for dialects that must rewrite
/// what their engine cannot run as written (never to approximate it).</summary>
public static class SqlRewriter
{
    public static SqlExpr Replace(SqlExpr e, Func<SqlExpr, SqlExpr?> replace)
    {
        if (replace(e) is { } replaced)
        {
            return replaced;
        }

        SqlExpr R(SqlExpr x) => Replace(x, replace);
        return e switch
        {
            Binary b => b with { Left = R(b.Left), Right = R(b.Right) },
            Not n => n with { Operand = R(n.Operand) },
            IsNull n => n with { Operand = R(n.Operand) },
            InList i => i with { Operand = R(i.Operand) },
            CaseWhen w => w with { Condition = R(w.Condition), Then = R(w.Then), Else = w.Else is null ? null : R(w.Else) },
            Coalesce c => c with { First = R(c.First), Second = R(c.Second) },
            LocalDate d => d with { Timestamp = R(d.Timestamp) },
            QuarterHour q => q with { Timestamp = R(q.Timestamp) },
            Bit b => b with { Word = R(b.Word) },
            PeriodStart p => p with { Day = R(p.Day) },
            DaysBetween d => d with { From = R(d.From), To = R(d.To) },
            DayBlock b => b with { Day = R(b.Day) },
            Aggregate a => a with { Argument = R(a.Argument) },
            Exists x => x with { Query = x.Query with { Where = x.Query.Where is null ? null : R(x.Query.Where) } },
            LatestOnOrBefore l => l with { Key = R(l.Key), AtOrBefore = R(l.AtOrBefore) },
            _ => e,
        };
    }

    /// <summary>The terms of a chain of ANDs.</summary>
    public static IEnumerable<SqlExpr> Conjuncts(SqlExpr? e)
    {
        if (e is Binary { Operator: BinaryOperator.And } b)
        {
            foreach (var t in Conjuncts(b.Left).Concat(Conjuncts(b.Right)))
            {
                yield return t;
            }
        }
        else if (e is not null)
        {
            yield return e;
        }
    }

    /// <summary>Whether any node of the tree satisfies the test.</summary>
    public static bool Any(SqlExpr e, Func<SqlExpr, bool> test)
    {
        var found = false;
        Replace(e, x =>
        {
            found |= test(x);
            return null;
        });
        return found;
    }
}
