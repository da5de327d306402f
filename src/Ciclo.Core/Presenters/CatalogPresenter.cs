using System.Text;
using Ciclo.Catalog;
using Ciclo.Localization;

namespace Ciclo.Presenters;

/// <summary>`ciclo metrics list`: every metric with stage, kind, unit, direction and definition.</summary>
public static class CatalogPresenter
{
    public static string Render(string lang, IReadOnlyList<BenchmarkBand> bands)
    {
        var f = new NumberFormatter(lang, string.Empty);
        var rtl = Text.IsRightToLeft(lang);
        var sb = new StringBuilder();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            sb.Append(rtl ? "\u200F" : string.Empty).Append(MetricTexts.Stage(stage, lang).ToUpper(Text.Culture(lang))).Append('\n');
            foreach (var m in Metrics.All.Where(m => m.Stage == stage))
            {
                sb.Append(rtl ? "\u200F" : string.Empty).Append("  ").Append(m.Id).Append(" — ").Append(MetricTexts.Name(m.Id, lang))
                  .Append(" [").Append(MetricTexts.Kind(m.Kind, lang)).Append(", ").Append(Text.Get(lang, "Unit_" + m.Unit.ToString().ToLowerInvariant()))
                  .Append(", ").Append(Text.Get(lang, "Direction_" + m.Direction.ToString().ToLowerInvariant())).Append("]\n");
                sb.Append(rtl ? "\u200F" : string.Empty).Append("    ").Append(MetricTexts.Definition(m.Id, lang)).Append('\n');
                foreach (var b in bands.Where(b => b.Metric == m.Id))
                {
                    sb.Append(rtl ? "\u200F" : string.Empty).Append("    ").Append(Text.Get(lang, "BenchmarkColumn")).Append(": ")
                      .Append(MetricTexts.Band(b.Id, lang)).Append(' ').Append(MetricTablePresenter.Range(b, f)).Append(" (").Append(b.Source).Append(")\n");
                }
            }
        }

        return sb.ToString();
    }
}
