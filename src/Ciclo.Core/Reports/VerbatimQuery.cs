using System.Globalization;
using Ciclo.Sql;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Reports;

/// <summary>NPS comments, filtered by answer date (inclusive), category, language and segment.</summary>
public static class VerbatimQuery
{
    public static IReadOnlyList<Verbatim> Run(Workspace workspace, DateOnly? from, DateOnly? to,
        string? category = null, string? language = null, Planner.SegmentFilter? segment = null, int limit = 1000)
    {
        var r = (string n) => Col("r", n);
        SqlExpr where = r("comment").IsNotNull();
        if (from is { } f)
        {
            where &= r("answered_on") >= Lit(f);
        }

        if (to is { } t)
        {
            where &= r("answered_on") <= Lit(t);
        }

        where &= category switch
        {
            null => Lit(true),
            "promoter" => r("score") >= Lit(9L),
            "passive" => (r("score") >= Lit(7L)) & (r("score") <= Lit(8L)),
            "detractor" => r("score") <= Lit(6L),
            _ => throw new ArgumentException(category, nameof(category)),
        };
        if (language is not null)
        {
            where &= r("language").Eq(language);
        }

        if (segment is not null)
        {
            where &= Col("c", segment.Dimension).Eq(segment.Value);
        }

        var select = new SqlSelect(
        [
            new(r("response_id"), "response_id"), new(r("answered_on"), "answered_on"), new(r("score"), "score"),
            new(r("language"), "language"), new(r("customer_id"), "customer_id"), new(Col("c", "segment"), "segment"),
            new(r("comment"), "comment"),
        ], new TableSource("surveys", "r"))
        {
            Joins = [new JoinItem(JoinKind.Left, new TableSource("customers", "c"), Col("c", "customer_id").Eq(r("customer_id")))],
            Where = where,
            OrderBy = [r("answered_on"), r("response_id")],
        };
        var renderer = new SqlRenderer(workspace.Dialect, RenderContext.Utc);
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = renderer.Render(select);
        using var reader = command.ExecuteReader();
        var list = new List<Verbatim>();
        while (reader.Read() && list.Count < limit)
        {
            var score = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            list.Add(new Verbatim(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), score, Verbatim.CategoryOf(score),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        }

        return list;
    }
}
