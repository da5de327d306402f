using Ciclo.Catalog;
using Ciclo.Localization;
using Ciclo.Presenters;
using Ciclo.Results;

namespace Ciclo.Server.Reporting;

/// <summary>The period's key findings in words: how churn, the revenue shares and NPS moved from
/// the first to the last period and where they stand against their bands, and which campaign
/// lifted expansion most.</summary>
public static class Findings
{
    public static IReadOnlyList<string> Of(ReportData data)
    {
        var lang = data.Lang;
        var report = data.Metrics;
        var f = new NumberFormatter(lang, report.Currency);
        var list = new List<string>();
        var periods = report.Periods.Where(p => p.Metrics.Count > 0).ToList();
        if (periods.Count == 0)
        {
            return list;
        }

        var first = periods[0];
        var last = periods[^1];
        string Label(PeriodResult p) => f.Period(p.Period);
        double? V(PeriodResult p, string id) => p.Metrics.TryGetValue(id, out var v) ? v.Value : null;

        if (V(first, "churn_rate") is { } c0 && V(last, "churn_rate") is { } c1)
        {
            var key = c1 > c0 ? "FindingChurnRose" : c1 < c0 ? "FindingChurnFell" : "FindingChurnSteady";
            list.Add(Text.Format(lang, key, f.Value(c0, Unit.Ratio), Label(first), f.Value(c1, Unit.Ratio), Label(last)));
        }

        foreach (var id in new[] { "upsell_revenue_share", "existing_customer_revenue_share" })
        {
            if (last.Metrics.TryGetValue(id, out var value) && value.Value is { } share)
            {
                var bands = string.Join("; ", value.Benchmarks.Select(b =>
                    Text.Format(lang, "FindingBand", Text.Get(lang, "Benchmark_" + b.Status), MetricTexts.Band(b.Band.Id, lang), MetricTablePresenter.Range(b.Band, f))));
                list.Add(Text.Format(lang, "FindingShare", MetricTexts.Name(id, lang), f.Value(share, Unit.Ratio), Label(last), bands));
            }
        }

        if (V(first, "nps") is { } n0 && V(last, "nps") is { } n1)
        {
            list.Add(Text.Format(lang, "FindingNps", f.Value(n0, Unit.Score), Label(first), f.Value(n1, Unit.Score), Label(last),
                f.Value(V(last, "nps_margin_of_error"), Unit.Score), f.Number(V(last, "nps_responses") ?? 0, "N0")));
        }

        var best = data.Influence.Campaigns.Where(c => c.ExpansionUplift is > 0 && c.EngagedCustomers >= 10)
            .OrderByDescending(c => c.ExpansionUplift).FirstOrDefault();
        if (best is not null)
        {
            list.Add(Text.Format(lang, "FindingInfluence", best.Name ?? best.Key, f.Value(best.EngagedExpansionRate, Unit.Ratio),
                f.Value(best.BaselineExpansionRate, Unit.Ratio), f.Number(data.Influence.WindowDays, "N0")));
        }

        if (V(last, "member_churn_rate") is { } m && V(last, "non_member_churn_rate") is { } nm)
        {
            list.Add(Text.Format(lang, "FindingProgrammes", f.Value(m, Unit.Ratio), f.Value(nm, Unit.Ratio), Label(last)));
        }

        if (last.Metrics.Values.Any(v => v.Status == "pending"))
        {
            list.Add(Text.Get(lang, "NotePending"));
        }

        return list;
    }
}
