using System.Text;
using System.Text.Json;
using Ciclo.Catalog;
using Ciclo.Localization;
using Ciclo.Reports;

namespace Ciclo.Presenters;

/// <summary>`ciclo campaigns`: per-campaign sends, delivered and rates, machine opens and inconsistencies.</summary>
public static class CampaignPresenter
{
    public static string Table(IReadOnlyList<CampaignRow> rows, string lang)
    {
        var f = new NumberFormatter(lang, string.Empty);
        var table = new TextTable(Text.IsRightToLeft(lang));
        table.Header(Text.Get(lang, "ColCampaign"), Text.Get(lang, "ColAudience"), Text.Get(lang, "ColSends"), Text.Get(lang, "ColDelivered"),
            Text.Get(lang, "ColOpenRate"), Text.Get(lang, "ColClickRate"), Text.Get(lang, "ColClickToOpen"), Text.Get(lang, "ColUnsubscribeRate"),
            Text.Get(lang, "ColMachineOpens"), Text.Get(lang, "ColInconsistencies"));
        table.TextColumns.Add(1);
        foreach (var r in rows)
        {
            table.Row(r.CampaignId + " " + r.Name, Text.Get(lang, "Audience_" + r.Audience), f.Value(r.Sends, Unit.Count), f.Value(r.Delivered, Unit.Count),
                f.Value(r.OpenRate, Unit.Ratio), f.Value(r.ClickRate, Unit.Ratio), f.Value(r.ClickToOpenRate, Unit.Ratio),
                f.Value(r.UnsubscribeRate, Unit.Ratio), f.Value(r.MachineOnlyOpens, Unit.Count), f.Value(r.Inconsistencies, Unit.Count));
        }

        var sb = new StringBuilder(table.Render());
        var orphans = rows.Sum(r => r.Inconsistencies);
        if (orphans > 0)
        {
            sb.Append(Text.IsRightToLeft(lang) ? "\u200F" : string.Empty).Append(Text.Format(lang, "CampaignInconsistencies", f.Number(orphans, "N0"))).Append('\n');
        }

        return sb.ToString();
    }

    public static string Json(IReadOnlyList<CampaignRow> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("campaigns");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("campaign_id", r.CampaignId);
                w.WriteString("name", r.Name);
                w.WriteString("channel", r.Channel);
                w.WriteString("audience", r.Audience);
                w.WriteString("stage", r.Stage);
                if (r.Program is null)
                {
                    w.WriteNull("program");
                }
                else
                {
                    w.WriteString("program", r.Program);
                }

                w.WriteNumber("sends", r.Sends);
                w.WriteNumber("delivered", r.Delivered);
                w.WriteNumber("opened", r.Opened);
                w.WriteNumber("clicked", r.Clicked);
                w.WriteNumber("unsubscribed", r.Unsubscribed);
                MetricJsonPresenter.WriteNumber(w, "open_rate", r.OpenRate);
                MetricJsonPresenter.WriteNumber(w, "click_rate", r.ClickRate);
                MetricJsonPresenter.WriteNumber(w, "click_to_open_rate", r.ClickToOpenRate);
                MetricJsonPresenter.WriteNumber(w, "unsubscribe_rate", r.UnsubscribeRate);
                w.WriteNumber("machine_opens", r.MachineOnlyOpens);
                w.WriteNumber("inconsistencies", r.Inconsistencies);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
