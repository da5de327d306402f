using System.Globalization;
using System.Text;
using System.Text.Json;
using Ciclo.Localization;
using Ciclo.Reports;

namespace Ciclo.Presenters;

/// <summary>`ciclo verbatims`: NPS comments with score, category, language, themes and sentiment;
/// each comment keeps its own direction (an Arabic comment reads right to left in any interface
/// language). A promoter who complains, or a detractor who praises, is flagged.</summary>
public static class VerbatimPresenter
{
    public static string Text(IReadOnlyList<Verbatim> rows, string lang, Verbatims.ThemeSet? themes = null)
    {
        var f = new NumberFormatter(lang, string.Empty);
        var rtl = Localization.Text.IsRightToLeft(lang) ? "\u200F" : string.Empty;
        var sb = new StringBuilder();
        foreach (var v in rows)
        {
            sb.Append(rtl).Append(f.Date(v.AnsweredOn)).Append(" · ").Append(f.Digits(v.Score.ToString(CultureInfo.InvariantCulture))).Append(" · ")
              .Append(Localization.Text.Get(lang, "Category_" + v.Category)).Append(" · ").Append(v.Language ?? "?")
              .Append(v.Segment is null ? string.Empty : " · " + v.Segment).Append(" · ").Append(v.ResponseId).Append('\n');
            if (v.Sentiment is not null)
            {
                var names = v.Themes.Select(t => themes?.Find(t)?.Name(lang) ?? t).ToList();
                sb.Append(rtl).Append("  ").Append(Localization.Text.Format(lang, "VerbatimAnalysis",
                    names.Count == 0 ? "—" : string.Join(", ", names),
                    Localization.Text.Get(lang, "Sentiment_" + v.Sentiment), f.Number(v.SentimentScore ?? 0, "+0.00;-0.00;0.00")));
                if (v.Disagrees)
                {
                    sb.Append(" · ").Append(Localization.Text.Get(lang, "VerbatimDisagrees"));
                }

                sb.Append('\n');
            }

            // First-strong isolate: the comment takes the direction of its own script.
            sb.Append("  \u2068").Append(v.Comment.Replace("\n", "\n  ", StringComparison.Ordinal)).Append("\u2069\n");
        }

        sb.Append(rtl).Append(Localization.Text.Format(lang, "VerbatimCount", f.Number(rows.Count, "N0"))).Append('\n');
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<Verbatim> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("verbatims");
            foreach (var v in rows)
            {
                w.WriteStartObject();
                w.WriteString("response_id", v.ResponseId);
                w.WriteString("answered_on", MetricJsonPresenter.Day(v.AnsweredOn));
                w.WriteNumber("score", v.Score);
                w.WriteString("category", v.Category);
                w.WriteString("language", v.Language);
                w.WriteString("customer_id", v.CustomerId);
                w.WriteString("segment", v.Segment);
                w.WriteString("comment", v.Comment);
                if (v.LanguageConfidence is { } confidence)
                {
                    w.WriteNumber("language_confidence", confidence);
                }
                else
                {
                    w.WriteNull("language_confidence");
                }

                w.WriteStartArray("themes");
                foreach (var theme in v.Themes)
                {
                    w.WriteStringValue(theme);
                }

                w.WriteEndArray();
                w.WriteString("sentiment", v.Sentiment);
                if (v.SentimentScore is { } score)
                {
                    w.WriteNumber("sentiment_score", score);
                }
                else
                {
                    w.WriteNull("sentiment_score");
                }

                w.WriteBoolean("disagrees", v.Disagrees);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
