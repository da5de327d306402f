using System.Globalization;
using Ciclo.Sql;
using Ciclo.Verbatims;
using Ciclo.Warehouse;
using static Ciclo.Sql.Sql;

namespace Ciclo.Reports;

/// <summary>NPS comments with their analysis (language, themes, sentiment), filtered by answer date
/// (inclusive), category, language, segment, theme and sentiment. The analysis is brought up to
/// date first (only new or changed comments are analysed).</summary>
public static class VerbatimQuery
{
    public static readonly string[] Sentiments = ["positive", "neutral", "negative"];

    public static IReadOnlyList<Verbatim> Run(Workspace workspace, DateOnly? from, DateOnly? to,
        string? category = null, string? language = null, Planner.SegmentFilter? segment = null, int limit = 1000,
        string? theme = null, string? sentiment = null)
    {
        if (sentiment is not null && !Sentiments.Contains(sentiment))
        {
            throw new ArgumentException(sentiment, nameof(sentiment));
        }

        VerbatimAnalysisStore.Refresh(workspace);
        var analysis = VerbatimAnalysisStore.Load(workspace);
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
            var given = reader.IsDBNull(3) ? null : reader.GetString(3);
            var id = reader.GetString(0);
            var a = analysis.GetValueOrDefault(id);
            var verbatim = new Verbatim(id, reader.GetFieldValue<DateOnly>(1), score, Verbatim.CategoryOf(score),
                a?.Language ?? given, reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6))
            {
                LanguageConfidence = a?.LanguageConfidence,
                Themes = a?.Themes ?? [],
                Sentiment = a?.Sentiment,
                SentimentScore = a?.SentimentScore,
            };
            if ((language is null || string.Equals(verbatim.Language, language, StringComparison.OrdinalIgnoreCase)
                                  || string.Equals(given, language, StringComparison.OrdinalIgnoreCase))
                && (theme is null || verbatim.Themes.Contains(theme))
                && (sentiment is null || verbatim.Sentiment == sentiment))
            {
                list.Add(verbatim);
            }
        }

        return list;
    }
}
