using System.Text;
using System.Text.Json;
using Ciclo.Catalog;
using Ciclo.Influence;
using Ciclo.Localization;

namespace Ciclo.Presenters;

/// <summary>`ciclo influence`: the ranking as a table for people and as the JSON of METRICS.md.</summary>
public static class InfluencePresenter
{
    public static string Table(InfluenceReport report, string lang)
    {
        var f = new NumberFormatter(lang, report.Currency);
        var rtl = Text.IsRightToLeft(lang) ? "\u200F" : string.Empty;
        var sb = new StringBuilder();
        sb.Append(rtl).Append(Text.Format(lang, "InfluenceHeading", Text.Get(lang, "Model_" + Model(report.Model)), f.Number(report.WindowDays, "N0"))).Append('\n');
        Section(sb, report.Campaigns, Text.Get(lang, "ColCampaign"), lang, f, rtl);
        Section(sb, report.Programmes, Text.Get(lang, "ColProgramme"), lang, f, rtl);
        if (report.Campaigns.Concat(report.Programmes).Any(r => r.Status == "pending"))
        {
            sb.Append('\n').Append(rtl).Append(Text.Get(lang, "NotePending")).Append('\n');
        }

        return sb.ToString();
    }

    private static void Section(StringBuilder sb, IReadOnlyList<InfluenceRow> rows, string title, string lang, NumberFormatter f, string rtl)
    {
        if (rows.Count == 0)
        {
            return;
        }

        sb.Append('\n');
        var table = new TextTable(rtl.Length > 0);
        table.Header(title, Text.Get(lang, "ColInfluenced"), Text.Get(lang, "ColEngaged"), Text.Get(lang, "ColEngagedRate"),
            Text.Get(lang, "ColBaselineRate"), Text.Get(lang, "ColUplift"), Text.Get(lang, "ColOpenRate"), Text.Get(lang, "ColClickRate"));
        foreach (var r in rows)
        {
            var pending = r.Status == "pending" ? "*" : string.Empty;
            table.Row((r.Key + " " + (r.Name ?? string.Empty)).Trim(), f.Value(r.InfluencedExpansionRevenue, Unit.Currency) + pending,
                f.Value(r.EngagedCustomers, Unit.Count), f.Value(r.EngagedExpansionRate, Unit.Ratio) + pending,
                f.Value(r.BaselineExpansionRate, Unit.Ratio) + pending, Signed(r.ExpansionUplift, f) + pending,
                f.Value(r.OpenRate, Unit.Ratio), f.Value(r.ClickRate, Unit.Ratio));
        }

        sb.Append(table.Render());
    }

    private static string Signed(double? value, NumberFormatter f) => value switch
    {
        null => "—",
        > 0 => "+" + f.Value(value, Unit.Ratio),
        _ => f.Value(value, Unit.Ratio),
    };

    public static string Json(InfluenceReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", Model(report.Model));
            w.WriteNumber("window_days", report.WindowDays);
            w.WriteString("currency", report.Currency);
            if (report.LatestDataDay is { } latest)
            {
                w.WriteString("latest_data_day", MetricJsonPresenter.Day(latest));
            }

            Rows(w, "campaigns", "campaign_id", report.Campaigns);
            Rows(w, "programmes", "program", report.Programmes);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Rows(Utf8JsonWriter w, string name, string keyName, IReadOnlyList<InfluenceRow> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString(keyName, r.Key);
            if (r.Name is not null)
            {
                w.WriteString("name", r.Name);
            }

            w.WriteNumber("engaged_customers", r.EngagedCustomers);
            w.WriteNumber("influenced_expansion_revenue", r.InfluencedExpansionRevenue);
            MetricJsonPresenter.WriteNumber(w, "engaged_expansion_rate", r.EngagedExpansionRate);
            MetricJsonPresenter.WriteNumber(w, "baseline_expansion_rate", r.BaselineExpansionRate);
            MetricJsonPresenter.WriteNumber(w, "expansion_uplift", r.ExpansionUplift);
            w.WriteString("status", r.Status);
            w.WriteNumber("delivered_customers", r.DeliveredCustomers);
            w.WriteNumber("sends", r.Sends);
            MetricJsonPresenter.WriteNumber(w, "open_rate", r.OpenRate);
            MetricJsonPresenter.WriteNumber(w, "click_rate", r.ClickRate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static string Model(AttributionModel model) => model.ToString().ToLowerInvariant();
}
