using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ciclo.Catalog;
using Ciclo.Localization;
using Ciclo.Presenters;
using Ciclo.Server.Hosting;

namespace Ciclo.Server.Reporting;

/// <summary>
/// One self-contained HTML file: styles, the charting library, the data and the findings all
/// inline, so it opens with no network and prints to PDF. Tables carry the same data attributes
/// as the dashboard (data-metric, data-period, data-value) so it can be checked the same way.
/// </summary>
public static class HtmlReport
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(ReportData data)
    {
        var lang = data.Lang;
        var report = data.Metrics;
        var f = new NumberFormatter(lang, report.Currency);
        var rtl = Text.IsRightToLeft(lang);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\" dir=\"").Append(rtl ? "rtl" : "ltr").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(E(Text.Format(lang, "ReportTitle", f.Date(report.Request.From), f.Date(report.Request.To)))).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>").Append(E(Text.Get(lang, "ReportName"))).Append("</h1><p>")
          .Append(E(Text.Format(lang, "ReportHeading", f.Date(report.Request.From), f.Date(report.Request.To),
              Text.Get(lang, "Grain_" + report.Request.Grain.ToString().ToLowerInvariant()), report.Request.TimeZone, report.Currency)))
          .Append("</p></header>\n");

        sb.Append("<section id=\"findings\"><h2>").Append(E(Text.Get(lang, "ReportFindings"))).Append("</h2><ul>");
        foreach (var finding in Findings.Of(data))
        {
            sb.Append("<li>").Append(E(finding)).Append("</li>");
        }

        sb.Append("</ul></section>\n");
        sb.Append("<section class=\"charts\">");
        foreach (var (id, title) in new[] { ("chart-churn", "ChartChurn"), ("chart-shares", "ChartShares"), ("chart-nps", "ChartNps"), ("chart-influence", "ChartInfluence") })
        {
            sb.Append("<figure><figcaption>").Append(E(Text.Get(lang, title))).Append("</figcaption><div class=\"chart\" id=\"").Append(id).Append("\"></div></figure>");
        }

        sb.Append("</section>\n");
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var metrics = report.Metrics.Where(m => m.Stage == stage).ToList();
            if (metrics.Count == 0)
            {
                continue;
            }

            sb.Append("<section class=\"stage\" data-stage=\"").Append(stage.ToString().ToLowerInvariant()).Append("\"><h2>")
              .Append(E(MetricTexts.Stage(stage, lang))).Append("</h2>");
            foreach (var kind in Enum.GetValues<MetricKind>())
            {
                var group = metrics.Where(m => m.Kind == kind).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                sb.Append("<h3>").Append(E(MetricTexts.Kind(kind, lang))).Append("</h3><div class=\"scroll\"><table><thead><tr><th></th>");
                foreach (var p in report.Periods)
                {
                    sb.Append("<th>").Append(E(f.Period(p.Period) + (p.Period.Partial ? "†" : string.Empty))).Append("</th>");
                }

                sb.Append("</tr></thead><tbody>");
                foreach (var m in group)
                {
                    sb.Append("<tr><th title=\"").Append(E(MetricTexts.Definition(m.Id, lang))).Append("\">").Append(E(MetricTexts.Name(m.Id, lang))).Append("</th>");
                    foreach (var p in report.Periods)
                    {
                        var v = p.Metrics[m.Id];
                        sb.Append("<td data-metric=\"").Append(m.Id).Append("\" data-period=\"").Append(p.Period.Label).Append("\" data-value=\"")
                          .Append(v.Value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty).Append("\">")
                          .Append(E(f.Value(v.Value, m.Unit) + (v.Status == "pending" ? "*" : string.Empty)));
                        foreach (var b in v.Benchmarks)
                        {
                            sb.Append(" <span class=\"badge ").Append(b.Status).Append("\">").Append(E(Text.Get(lang, "Benchmark_" + b.Status))).Append("</span>");
                        }

                        sb.Append("</td>");
                    }

                    sb.Append("</tr>");
                }

                sb.Append("</tbody></table></div>");
            }

            sb.Append("</section>\n");
        }

        sb.Append("<section id=\"influence\"><h2>").Append(E(Text.Get(lang, "ChartInfluence"))).Append("</h2><div class=\"scroll\"><table><thead><tr>");
        foreach (var key in new[] { "ColCampaign", "ColInfluenced", "ColEngaged", "ColEngagedRate", "ColBaselineRate", "ColUplift" })
        {
            sb.Append("<th>").Append(E(Text.Get(lang, key))).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var c in data.Influence.Campaigns.Take(15))
        {
            var star = c.Status == "pending" ? "*" : string.Empty;
            sb.Append("<tr data-campaign=\"").Append(E(c.Key)).Append("\" data-value=\"").Append(c.InfluencedExpansionRevenue.ToString("R", CultureInfo.InvariantCulture)).Append("\"><th>")
              .Append(E(c.Key + " " + c.Name)).Append("</th><td>").Append(E(f.Value(c.InfluencedExpansionRevenue, Unit.Currency) + star)).Append("</td><td>")
              .Append(E(f.Value(c.EngagedCustomers, Unit.Count))).Append("</td><td>").Append(E(f.Value(c.EngagedExpansionRate, Unit.Ratio) + star)).Append("</td><td>")
              .Append(E(f.Value(c.BaselineExpansionRate, Unit.Ratio) + star)).Append("</td><td>").Append(E(f.Value(c.ExpansionUplift, Unit.Ratio) + star)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n<footer><p>").Append(E(Text.Get(lang, "NotePending"))).Append("</p><p>")
          .Append(E(Text.Get(lang, "NotePartial"))).Append("</p></footer>\n");
        sb.Append("<script>").Append(WebAssets.EChartsText().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script>\n");
        sb.Append("<script>window.CICLO_REPORT = ").Append(ChartData(data)).Append(";\n").Append(ChartScript).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string text) => Html.Encode(text);

    private static string ChartData(ReportData data)
    {
        var report = data.Metrics;
        var f = new NumberFormatter(data.Lang, report.Currency);
        var series = new Dictionary<string, object?[]>();
        foreach (var id in new[] { "churn_rate", "retention_rate", "upsell_revenue_share", "existing_customer_revenue_share", "nps", "nps_margin_of_error" })
        {
            series[id] = report.Periods.Select(p => p.Metrics.TryGetValue(id, out var v) ? (object?)v.Value : null).ToArray();
        }

        var payload = new
        {
            lang = data.Lang,
            locale = data.Lang switch { "it" => "it-IT", "ar" => "ar-SA-u-nu-arab-ca-gregory", _ => "en-US" },
            rtl = Text.IsRightToLeft(data.Lang),
            periods = report.Periods.Select(p => f.Period(p.Period)).ToArray(),
            names = series.Keys.ToDictionary(k => k, k => MetricTexts.Name(k, data.Lang)),
            series,
            bands = Metrics.Benchmarks.Select(b => new { metric = b.Metric, label = MetricTexts.Band(b.Id, data.Lang), low = b.Low, high = b.High }).ToArray(),
            influence = data.Influence.Campaigns.Take(10).Select(c => new { name = c.Key + " " + c.Name, value = c.InfluencedExpansionRevenue }).ToArray(),
            currency = report.Currency,
        };
        return JsonSerializer.Serialize(payload).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    private const string Css = """
        body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#1c2430;background:#fff}
        h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:24px 0 8px;border-block-end:2px solid #2f6fdb;padding-block-end:4px}
        h3{font-size:1rem;margin:12px 0 6px;color:#4a5568}
        .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
        figure{margin:0;border:1px solid #e2e8f0;border-radius:8px;padding:8px}figcaption{font-weight:600;margin-block-end:4px}
        .chart{height:280px;width:100%}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.85rem}
        th,td{padding:4px 8px;border-block-end:1px solid #edf2f7;text-align:end;white-space:nowrap}
        tbody th{text-align:start;font-weight:500}
        .badge{font-size:.7rem;border-radius:8px;padding:0 6px;margin-inline-start:4px}
        .badge.within{background:#d1fae5}.badge.below{background:#fde2e2}.badge.above{background:#dbeafe}
        #findings li{margin:4px 0}footer{color:#718096;font-size:.8rem;margin-block-start:24px}
        @media print{body{max-width:none}.chart{height:240px}section{break-inside:avoid}}
        """;

    private const string ChartScript = """
        (function () {
          var d = window.CICLO_REPORT;
          var nf = function (style, digits) { return new Intl.NumberFormat(d.locale, { style: style, maximumFractionDigits: digits, minimumFractionDigits: digits }); };
          var pct = nf('percent', 1), num = nf('decimal', 1), money = new Intl.NumberFormat(d.locale, { notation: 'compact', maximumFractionDigits: 1 });
          function axis(fmt) { return { type: 'value', position: d.rtl ? 'right' : 'left', axisLabel: { formatter: function (v) { return fmt.format(v); } } }; }
          function line(id, ids, fmt, extra) {
            var el = document.getElementById(id); if (!el) return;
            var chart = echarts.init(el, null, { renderer: 'svg' });
            var series = ids.map(function (k) { return { name: d.names[k], type: 'line', data: d.series[k], connectNulls: false }; });
            if (extra) extra(series);
            chart.setOption({ animation: false, tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : fmt.format(v); } },
              legend: { top: 0, data: series.filter(function (s) { return s.name !== '±'; }).map(function (s) { return s.name; }) }, grid: { left: 56, right: 56, top: 40, bottom: 30 },
              xAxis: { type: 'category', data: d.periods, inverse: d.rtl }, yAxis: axis(fmt), series: series });
            el.setAttribute('data-ready', 'true'); el.setAttribute('data-series-count', String(series.length));
          }
          line('chart-churn', ['churn_rate', 'retention_rate'], pct);
          line('chart-shares', ['upsell_revenue_share', 'existing_customer_revenue_share'], pct, function (series) {
            series.forEach(function (s, i) {
              var id = ['upsell_revenue_share', 'existing_customer_revenue_share'][i];
              s.markArea = { silent: true, itemStyle: { opacity: 0.12 }, label: { position: 'insideTop', fontSize: 10 }, data: d.bands.filter(function (b) { return b.metric === id; }).map(function (b) {
                return [{ name: b.label, yAxis: b.low == null ? 0 : b.low }, { yAxis: b.high == null ? 1 : b.high }]; }) };
            });
          });
          line('chart-nps', ['nps'], num, function (series) {
            var low = d.series.nps.map(function (v, i) { var m = d.series.nps_margin_of_error[i]; return v == null || m == null ? null : v - m; });
            var width = d.series.nps_margin_of_error.map(function (m) { return m == null ? null : 2 * m; });
            series.push({ name: '±', type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none' });
            series.push({ name: d.names.nps_margin_of_error, type: 'line', data: width, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { opacity: 0.15 } });
          });
          var el = document.getElementById('chart-influence');
          if (el) {
            var chart = echarts.init(el, null, { renderer: 'svg' });
            var rows = d.influence.slice().reverse();
            chart.setOption({ animation: false, grid: { left: d.rtl ? 20 : 200, right: d.rtl ? 200 : 20, top: 10, bottom: 30 },
              xAxis: { type: 'value', inverse: d.rtl, axisLabel: { formatter: function (v) { return money.format(v); } } },
              yAxis: { type: 'category', position: d.rtl ? 'right' : 'left', data: rows.map(function (r) { return r.name; }) },
              series: [{ type: 'bar', data: rows.map(function (r) { return r.value; }) }] });
            el.setAttribute('data-ready', 'true'); el.setAttribute('data-series-count', '1');
          }
        })();
        """;
}
