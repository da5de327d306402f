using System.Globalization;
using System.Text;
using System.Text.Json;
using Ciclo.Localization;
using Ciclo.Reports;
using Ciclo.Verbatims;

namespace Ciclo.Presenters;

/// <summary>`ciclo themes` and GET /api/themes: each theme's mentions, share, NPS and trend, by
/// period, with examples, and the emerging terms, as a localized text report or JSON.</summary>
public static class ThemeReportPresenter
{
    public static string Text(ThemeReport report, string lang)
    {
        var f = new NumberFormatter(lang, string.Empty);
        var rtl = Localization.Text.IsRightToLeft(lang);
        var mark = rtl ? "\u200F" : string.Empty;
        var sb = new StringBuilder();
        sb.Append(mark).Append(Localization.Text.Format(lang, "ThemesHeading", f.Date(report.From), f.Date(report.To),
            Localization.Text.Get(lang, "Grain_" + report.Request.Grain.ToString().ToLowerInvariant()), f.Number(report.Comments, "N0"))).Append('\n');
        if (report.Request.Segment is { } segment)
        {
            sb.Append(mark).Append(Localization.Text.Format(lang, "ReportSegment", Localization.Text.Get(lang, "Dimension_" + segment.Dimension), segment.Value)).Append('\n');
        }

        if (report.Request.Language is { } language)
        {
            sb.Append(mark).Append(Localization.Text.Format(lang, "ThemesLanguage", language)).Append('\n');
        }

        if (report.Comments == 0)
        {
            sb.Append(mark).Append(Localization.Text.Get(lang, "ThemesNone")).Append('\n');
            return sb.ToString();
        }

        var last = report.Periods[^1];
        var before = Time.PeriodSpine.StartOf(last.Start.AddDays(-1), last.Grain);
        var previous = new Time.Period(last.Grain, before, last.Start, false);
        var table = new TextTable(rtl);
        table.Header(Localization.Text.Get(lang, "ColTheme"), Localization.Text.Get(lang, "ColMentions"), Localization.Text.Get(lang, "ColShare"),
            Localization.Text.Get(lang, "ColNps"), Localization.Text.Get(lang, "ColNegative"),
            Localization.Text.Format(lang, "ColTrend", f.Period(last), f.Period(previous)));
        table.TextColumns.Add(5);
        foreach (var t in report.Themes)
        {
            var p = t.Periods[^1];
            var trend = p.ShareChange is null && p.NpsChange is null ? "—"
                : Localization.Text.Format(lang, "TrendText", Signed(f, p.ShareChange * 100, "0.0"), Signed(f, p.NpsChange, "0.0"));
            table.Row(t.Theme.Name(lang), f.Number(t.Mentions, "N0"), Percent(f, t.Share), Signed(f, t.Nps, "0.0"),
                t.Mentions == 0 ? "—" : Percent(f, (double)t.Negative / t.Mentions), trend);
        }

        sb.Append('\n').Append(table.Render());
        sb.Append('\n').Append(mark).Append(Localization.Text.Get(lang, "ThemesShareByPeriod")).Append('\n')
          .Append(ByPeriod(report, lang, f, p => Percent(f, p.Share)));
        sb.Append('\n').Append(mark).Append(Localization.Text.Get(lang, "ThemesNpsByPeriod")).Append('\n')
          .Append(ByPeriod(report, lang, f, p => Signed(f, p.Nps, "0.0")));
        sb.Append('\n').Append(mark).Append(Localization.Text.Get(lang, "ThemesExamples")).Append('\n');
        foreach (var t in report.Themes.Where(t => t.Examples.Count > 0))
        {
            sb.Append(mark).Append(t.Theme.Name(lang)).Append('\n');
            foreach (var v in t.Examples)
            {
                sb.Append(mark).Append("  ").Append(f.Date(v.AnsweredOn)).Append(" · ").Append(f.Digits(v.Score.ToString(CultureInfo.InvariantCulture)))
                  .Append(" · ").Append(Localization.Text.Get(lang, "Category_" + v.Category))
                  .Append(" · ").Append(Localization.Text.Get(lang, "Sentiment_" + (v.Sentiment ?? "neutral")))
                  .Append(" · \u2068").Append(v.Comment.Replace("\n", " ", StringComparison.Ordinal)).Append("\u2069\n");
            }
        }

        Emerging(sb, report.Emerging.Detractors, "EmergingDetractors", report.Emerging.MinCount, lang, f, mark, rtl);
        Emerging(sb, report.Emerging.Promoters, "EmergingPromoters", report.Emerging.MinCount, lang, f, mark, rtl);
        return sb.ToString();
    }

    public static string Json(ThemeReport report, string lang)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("from", MetricJsonPresenter.Day(report.From));
            w.WriteString("to", MetricJsonPresenter.Day(report.To));
            w.WriteString("grain", report.Request.Grain.ToString().ToLowerInvariant());
            w.WriteString("segment", report.Request.Segment?.ToString());
            w.WriteString("language", report.Request.Language);
            w.WriteNumber("comments", report.Comments);
            w.WriteStartArray("periods");
            for (var i = 0; i < report.Periods.Count; i++)
            {
                var p = report.Periods[i];
                w.WriteStartObject();
                Period(w, p);
                w.WriteNumber("comments", report.CommentsPerPeriod[i]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("themes");
            foreach (var t in report.Themes)
            {
                w.WriteStartObject();
                w.WriteString("id", t.Theme.Id);
                w.WriteString("name", t.Theme.Name(lang));
                w.WriteBoolean("custom", t.Theme.Custom);
                w.WriteNumber("mentions", t.Mentions);
                Number(w, "share", t.Share);
                Number(w, "nps", t.Nps);
                w.WriteStartObject("sentiment");
                w.WriteNumber("positive", t.Positive);
                w.WriteNumber("neutral", t.Neutral);
                w.WriteNumber("negative", t.Negative);
                w.WriteEndObject();
                w.WriteStartArray("periods");
                foreach (var p in t.Periods)
                {
                    w.WriteStartObject();
                    Period(w, p.Period);
                    w.WriteNumber("comments", p.Comments);
                    w.WriteNumber("mentions", p.Mentions);
                    Number(w, "share", p.Share);
                    Number(w, "nps", p.Nps);
                    w.WriteStartObject("previous");
                    w.WriteNumber("mentions", p.PreviousMentions);
                    Number(w, "share", p.PreviousShare);
                    Number(w, "nps", p.PreviousNps);
                    w.WriteEndObject();
                    Number(w, "share_change", p.ShareChange);
                    Number(w, "nps_change", p.NpsChange);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("examples");
                foreach (var v in t.Examples)
                {
                    w.WriteStartObject();
                    w.WriteString("response_id", v.ResponseId);
                    w.WriteString("answered_on", MetricJsonPresenter.Day(v.AnsweredOn));
                    w.WriteNumber("score", v.Score);
                    w.WriteString("category", v.Category);
                    w.WriteString("language", v.Language);
                    w.WriteString("sentiment", v.Sentiment);
                    Number(w, "sentiment_score", v.SentimentScore);
                    w.WriteString("comment", v.Comment);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("emerging_terms");
            w.WriteNumber("min_count", report.Emerging.MinCount);
            w.WriteNumber("detractor_comments", report.Emerging.DetractorComments);
            w.WriteNumber("promoter_comments", report.Emerging.PromoterComments);
            Terms(w, "detractors", report.Emerging.Detractors);
            Terms(w, "promoters", report.Emerging.Promoters);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string ByPeriod(ThemeReport report, string lang, NumberFormatter f, Func<ThemePeriod, string> cell)
    {
        var table = new TextTable(Localization.Text.IsRightToLeft(lang));
        var header = new List<string> { Localization.Text.Get(lang, "ColTheme") };
        header.AddRange(report.Periods.Select(p => f.Period(p) + (p.Partial ? "†" : string.Empty)));
        table.Header([.. header]);
        foreach (var t in report.Themes)
        {
            var row = new List<string> { t.Theme.Name(lang) };
            row.AddRange(t.Periods.Select(cell));
            table.Row([.. row]);
        }

        return table.Render();
    }

    private static void Emerging(StringBuilder sb, IReadOnlyList<EmergingTerm> terms, string key, int minCount, string lang, NumberFormatter f, string mark, bool rtl)
    {
        sb.Append('\n').Append(mark).Append(Localization.Text.Format(lang, key, f.Number(minCount, "N0"))).Append('\n');
        if (terms.Count == 0)
        {
            sb.Append(mark).Append("  ").Append(Localization.Text.Get(lang, "EmergingNone")).Append('\n');
            return;
        }

        var table = new TextTable(rtl);
        table.Header(Localization.Text.Get(lang, "ColTerm"), Localization.Text.Get(lang, "ColDetractors"), Localization.Text.Get(lang, "ColPromoters"),
            Localization.Text.Get(lang, "ColLift"));
        foreach (var t in terms)
        {
            table.Row(t.Term, f.Number(t.Detractors, "N0"), f.Number(t.Promoters, "N0"), f.Number(t.Lift, "N1"));
        }

        sb.Append(table.Render());
    }

    private static string Percent(NumberFormatter f, double? value) => value is { } v ? f.Number(v, "P1") : "—";

    private static string Signed(NumberFormatter f, double? value, string format) =>
        value is { } v ? f.Number(v, "+" + format + ";-" + format + ";" + format) : "—";

    private static void Period(Utf8JsonWriter w, Time.Period p)
    {
        w.WriteString("period", p.Label);
        w.WriteString("start", MetricJsonPresenter.Day(p.Start));
        w.WriteString("end", MetricJsonPresenter.Day(p.End));
        w.WriteBoolean("partial", p.Partial);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Terms(Utf8JsonWriter w, string name, IReadOnlyList<EmergingTerm> terms)
    {
        w.WriteStartArray(name);
        foreach (var t in terms)
        {
            w.WriteStartObject();
            w.WriteString("term", t.Term);
            w.WriteString("kind", t.Kind);
            w.WriteNumber("detractor_comments", t.Detractors);
            w.WriteNumber("promoter_comments", t.Promoters);
            w.WriteNumber("lift", t.Lift);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
