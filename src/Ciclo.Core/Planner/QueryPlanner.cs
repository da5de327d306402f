using Ciclo.Catalog;
using Ciclo.Sql;
using Ciclo.Time;
using static Ciclo.Sql.Sql;

namespace Ciclo.Planner;

/// <summary>
/// Turns a request into SQL trees: resolves the metrics to the measures they need, groups the
/// measures by source, and builds one statement per source that joins the period spine to the
/// source's rows and aggregates each measure. Knows no engine: a dialect renders the trees.
/// </summary>
public static class QueryPlanner
{
    /// <param name="rangeJoins">Whether the engine joins on a range (SqlDialect.SupportsRangeJoins);
    /// without, the spine is cross-joined and the period condition lives only in the aggregates.</param>
    /// <param name="sharesExpressions">Whether the engine computes a repeated expression once
    /// (SqlDialect.SharesRepeatedExpressions); without, a date-tied source's period is computed in
    /// a fenced subquery.</param>
    /// <param name="rollups">Whether the workspace keeps the sources' rollups (SqlDialect.KeepsRollups)
    /// and they count the request's periods exactly (for the sends: a time zone that keeps to
    /// quarters of an hour, SendCounts.Usable); a statement then reads a source's rollup when every
    /// measure it computes is a count the rollup answers and no segment is asked.</param>
    public static QueryPlan Plan(MetricRequest request, bool rangeJoins = true, bool sharesExpressions = true, bool rollups = false)
    {
        var periods = PeriodSpine.Build(request.From, request.To, request.Grain);
        var metrics = SelectMetrics(request);
        var measureIds = new HashSet<string>();
        foreach (var metric in metrics)
        {
            Collect(metric.Formula, measureIds, []);
            foreach (var extra in metric.Completeness)
            {
                measureIds.Add(extra);
            }
        }

        var unfilterable = new HashSet<string>();
        var queries = new List<PlannedQuery>();
        foreach (var group in Measures.All.Where(m => measureIds.Contains(m.Id)).GroupBy(m => m.Source))
        {
            var source = Sources.Get(group.Key);
            if (request.Segment is { } seg && !source.Dimensions.ContainsKey(seg.Dimension))
            {
                unfilterable.UnionWith(group.Select(m => m.Id));
                continue;
            }

            queries.Add(new PlannedQuery(source, group.ToList(), BuildSelect(source, group.ToList(), periods, request.Segment, rangeJoins, sharesExpressions, rollups)));
        }

        return new QueryPlan(request, periods, metrics, queries, unfilterable);
    }

    public static IReadOnlyList<MetricDefinition> SelectMetrics(MetricRequest request)
    {
        var unknown = request.Metrics.Where(id => Metrics.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(string.Join(", ", unknown), nameof(request));
        }

        return Metrics.All
            .Where(m => request.Metrics.Count == 0 || request.Metrics.Contains(m.Id))
            .Where(m => request.Stages.Count == 0 || request.Stages.Contains(m.Stage))
            .ToList();
    }

    internal static SqlSelect BuildSelect(
        SourceDefinition source, IReadOnlyList<MeasureDefinition> measures, IReadOnlyList<Period> periods, SegmentFilter? segment,
        bool rangeJoins = true, bool sharesExpressions = true, bool rollups = false)
    {
        // Counts of rows the source's rollup groups are sums of its groups' sizes (0 where no group
        // meets the condition, as a count).
        var rows = source.Rows;
        var counted = false;
        if (rollups && segment is null && source.Rollup is { } rollup && source.Day is Column { Table: "s" } dayColumn
            && rollup.Columns.Contains(dayColumn.Name) && measures.All(rollup.Answers))
        {
            rows = rollup.Rows;
            measures = [.. measures.Select(m => m with { Aggregation = AggregateKind.Sum, Value = Col("s", rollup.Count) })];
            counted = true;
        }

        // A source tied to periods by one date joins by the start of that date's period (an equality
        // the engine hashes) where it would otherwise join on a range; both give the same rows.
        var on = source.PeriodJoin;
        if (rangeJoins && source.Day is { } day && periods.Count > 0)
        {
            SqlExpr start = new PeriodStart(day, periods[0].Grain);
            if (!sharesExpressions && rows is SubquerySource { Query: var query })
            {
                // The period is computed once per row, below a fence, and read as a column.
                var inner = SqlRewriter.Replace(start, x => x is Column { Table: "s" } c ? c with { Table = "q" } : null);
                rows = new SubquerySource(new SqlSelect(
                    [.. query.Items.Select(i => new SelectItem(Col("q", i.Alias), i.Alias)), new SelectItem(inner, PeriodKey)],
                    rows with { Alias = "q" }) { Fenced = true }, "s");
                start = Col("s", PeriodKey);
            }

            on = Col("p", "period_start").Eq(start);
        }

        if (segment is not null)
        {
            on &= Col("s", source.Dimensions[segment.Dimension]).Eq(segment.Value);
        }

        var items = new List<SelectItem> { new(Col("p", "period_index"), "period_index") };
        foreach (var m in measures)
        {
            // The period condition is in every aggregate: it tells a matched row from the LEFT JOIN's
            // empty one, and it is the only period condition where the spine is cross-joined.
            var argument = When(m.Filter is null ? on : on & m.Filter, m.Value);
            SqlExpr aggregate = new Aggregate(m.Aggregation, argument);
            items.Add(new SelectItem(counted ? new Coalesce(aggregate, Lit(0L)) : aggregate, ColumnOf(m)));
        }

        var select = new SqlSelect(items, new PeriodSpineSource(periods, "p"))
        {
            Joins = [rangeJoins ? new JoinItem(JoinKind.Left, rows, on) : new JoinItem(JoinKind.Cross, rows, Lit(true))],
            GroupBy = [Col("p", "period_index")],
            OrderBy = [Col("p", "period_index")],
        };
        return rangeJoins ? EachConditionOnce(select) : select;
    }

    /// <summary>
    /// A subquery condition (EXISTS) that several measures test, such as a customer's programme
    /// membership at the start of the period, is evaluated once per joined row: the spine's join
    /// to the source moves into a subquery that also computes each distinct condition as a flag,
    /// and the aggregates read the flags. An engine decorrelates each EXISTS it is given into a
    /// join of its own; five measures on two conditions then cost two joins instead of five.
    /// Without such a condition the select is returned as it was.
    /// </summary>
    private static SqlSelect EachConditionOnce(SqlSelect select)
    {
        var conditions = new List<Exists>();
        foreach (var item in select.Items)
        {
            SqlRewriter.Any(item.Expression, x =>
            {
                if (x is Exists e && !conditions.Contains(e))
                {
                    conditions.Add(e);
                }

                return false;
            });
        }

        if (conditions.Count == 0)
        {
            return select;
        }

        string FlagOf(Exists e) => "condition_" + conditions.IndexOf(e).ToString(System.Globalization.CultureInfo.InvariantCulture);
        SqlExpr Outer(SqlExpr e) => SqlRewriter.Replace(e, x => x switch
        {
            Exists c => Col("s", FlagOf(c)).Eq(Lit(1L)),
            PeriodBound b => Col("s", b.IsEnd ? "period_end" : "period_start"),
            Column { Table: "p" } c => c with { Table = "s" },
            _ => null,
        });

        var outerItems = select.Items.Select(i => i with { Expression = Outer(i.Expression) }).ToList();
        var read = new List<string> { "period_index", "period_start", "period_end" };
        foreach (var item in outerItems)
        {
            SqlRewriter.Any(item.Expression, x =>
            {
                if (x is Column { Table: "s" } c && !read.Contains(c.Name))
                {
                    read.Add(c.Name);
                }

                return false;
            });
        }

        // A condition that reads a table by equality with the row and otherwise only the period's
        // bounds is a set of (period, key) computed once and joined; any other stays an EXISTS.
        var sets = new List<JoinItem>();
        var flags = new Dictionary<string, SqlExpr>();
        foreach (var condition in conditions)
        {
            var alias = "set_" + conditions.IndexOf(condition).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (PerPeriodSet(condition, select.From, alias) is { } set)
            {
                sets.Add(set.Join);
                flags[FlagOf(condition)] = set.Flag;
            }
        }

        var innerItems = read.Select(name => new SelectItem(
            name is "period_index" or "period_start" or "period_end" ? Col("p", name)
            : flags.TryGetValue(name, out var joined) ? joined
            : conditions.FirstOrDefault(c => FlagOf(c) == name) is { } condition ? Flag(condition)
            : Col("s", name), name)).ToList();
        return new SqlSelect(outerItems, new SubquerySource(select with { Items = innerItems, Joins = [.. select.Joins, .. sets], GroupBy = [], OrderBy = [] }, "s"))
        {
            GroupBy = [Col("s", "period_index")],
            OrderBy = [Col("s", "period_index")],
        };
    }

    /// <summary>
    /// An EXISTS over one table whose condition is equalities between the table's columns and the
    /// joined row's (a membership's customer and the row's) and otherwise reads only the table, the
    /// period's bounds and constants (joined before the period's end, not left by then), as a LEFT
    /// JOIN of the distinct periods and keys that meet it: the spine joined to the table once (24
    /// periods by a few thousand memberships) instead of the table looked up for every row and
    /// period. The EXISTS holds exactly when the join meets a row. Null when the condition has
    /// another shape.
    /// </summary>
    private static (JoinItem Join, SqlExpr Flag)? PerPeriodSet(Exists exists, FromItem spine, string alias)
    {
        if (exists.Query is not { From: TableSource table, Joins.Count: 0, GroupBy.Count: 0, Having: null, Where: { } where })
        {
            return null;
        }

        bool ReadsTable(SqlExpr e) => SqlRewriter.Any(e, x => x is Column c && c.Table == table.Alias);
        bool OnlyTable(SqlExpr e) => !SqlRewriter.Any(e, x => x is Exists or Aggregate || (x is Column c && c.Table != table.Alias));
        // A column of the table equal to an expression of the row's columns, written either way round.
        bool IsKey(SqlExpr column, SqlExpr row) =>
            column is Column c && c.Table == table.Alias && !ReadsTable(row) && SqlRewriter.Any(row, x => x is Column);
        var keys = new List<(SqlExpr Column, SqlExpr Row)>();
        var rest = new List<SqlExpr>();
        foreach (var part in SqlRewriter.Conjuncts(where))
        {
            if (part is Binary { Operator: BinaryOperator.Eq } eq && (IsKey(eq.Left, eq.Right) || IsKey(eq.Right, eq.Left)))
            {
                keys.Add(IsKey(eq.Left, eq.Right) ? (eq.Left, eq.Right) : (eq.Right, eq.Left));
            }
            else if (OnlyTable(part))
            {
                rest.Add(part);
            }
            else
            {
                return null;
            }
        }

        if (keys.Count == 0)
        {
            return null;
        }

        var key = (int i) => "key_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var set = new SqlSelect(
            [new(Col("p", "period_index"), "period_index"), .. keys.Select((k, i) => new SelectItem(k.Column, key(i)))], spine)
        {
            Joins = [rest.Count == 0 ? new JoinItem(JoinKind.Cross, table, Lit(true)) : new JoinItem(JoinKind.Inner, table, And([.. rest]))],
            GroupBy = [Col("p", "period_index"), .. keys.Select(k => k.Column)],
        };
        var on = And([Col(alias, "period_index").Eq(Col("p", "period_index")), .. keys.Select((k, i) => (SqlExpr)Col(alias, key(i)).Eq(k.Row))]);
        return (new JoinItem(JoinKind.Left, new SubquerySource(set, alias), on), Flag(Col(alias, key(0)).IsNotNull()));
    }

    /// <summary>The start of a date-tied source row's period, where the planner computes it in the source.</summary>
    private const string PeriodKey = "period_key";

    /// <summary>The result column of a measure: prefixed, so it never takes the name of a source
    /// column (some engines resolve names by alias anywhere in a query).</summary>
    public static string ColumnOf(MeasureDefinition measure) => "m_" + measure.Id;

    private static void Collect(Formula formula, HashSet<string> measures, HashSet<string> seen)
    {
        switch (formula)
        {
            case Ref r when Measures.Find(r.Id) is not null:
                measures.Add(r.Id);
                break;
            case Ref r when Metrics.Find(r.Id) is { } metric && seen.Add(r.Id):
                Collect(metric.Formula, measures, seen);
                break;
            case Ref r:
                throw new InvalidOperationException("Unknown reference " + r.Id);
            case Arithmetic a:
                Collect(a.Left, measures, seen);
                Collect(a.Right, measures, seen);
                break;
            case SquareRoot s:
                Collect(s.Operand, measures, seen);
                break;
        }
    }
}
