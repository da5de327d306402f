using Ciclo.Reports;
using Ciclo.Time;
using Ciclo.Warehouse;

namespace Ciclo.Verbatims;

/// <summary>
/// Builds the theme report from the analysed comments: for each theme and period, the comments
/// that mention it, their share of the period's comments, the NPS of those answers ((promoters −
/// detractors) / answers × 100) and the change since the period before (the period before the
/// first one is read too); over the whole range, the same with the sentiment mix and up to three
/// example comments (the clearest complaint, the clearest praise, the latest other); and the
/// emerging terms. Periods are whole periods, as in `ciclo metrics`.
/// </summary>
public static class ThemeReportBuilder
{
    public static ThemeReport Run(Workspace workspace, ThemeRequest request)
    {
        VerbatimAnalysisStore.Refresh(workspace);
        var themes = ThemeStore.Load(workspace);
        var to = request.To ?? LatestAnswer(workspace) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var from = request.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        if (to < from)
        {
            throw new ArgumentException("from", nameof(request));
        }

        var periods = PeriodSpine.Build(from, to, request.Grain);
        var previousStart = PeriodSpine.StartOf(periods[0].Start.AddDays(-1), request.Grain);
        var rows = VerbatimQuery.Run(workspace, previousStart, periods[^1].End.AddDays(-1), null, request.Language, request.Segment, int.MaxValue);
        var byPeriod = new List<Verbatim>[periods.Count + 1];
        for (var i = 0; i < byPeriod.Length; i++)
        {
            byPeriod[i] = [];
        }

        foreach (var v in rows)
        {
            byPeriod[IndexOf(periods, v.AnsweredOn) + 1].Add(v);
        }

        var inRange = byPeriod.Skip(1).SelectMany(p => p).ToList();
        var summaries = new List<ThemeSummary>();
        foreach (var theme in themes.Themes)
        {
            var list = new List<ThemePeriod>();
            for (var i = 0; i < periods.Count; i++)
            {
                var (mentions, share, nps) = Measure(byPeriod[i + 1], theme.Id);
                var (previousMentions, previousShare, previousNps) = Measure(byPeriod[i], theme.Id);
                list.Add(new ThemePeriod(periods[i], byPeriod[i + 1].Count, mentions, share, nps, previousMentions, previousShare, previousNps));
            }

            var mentioning = inRange.Where(v => v.Themes.Contains(theme.Id)).ToList();
            var (total, totalShare, totalNps) = Measure(inRange, theme.Id);
            summaries.Add(new ThemeSummary(theme, total, totalShare, totalNps,
                mentioning.Count(v => v.Sentiment == "positive"), mentioning.Count(v => v.Sentiment == "neutral"),
                mentioning.Count(v => v.Sentiment == "negative"), list, Examples(mentioning)));
        }

        summaries = summaries.OrderByDescending(s => s.Mentions).ThenBy(s => themes.Themes.ToList().IndexOf(s.Theme)).ToList();
        return new ThemeReport(request, from, to, periods, byPeriod.Skip(1).Select(p => p.Count).ToList(), inRange.Count, summaries,
            EmergingTermFinder.Find(inRange, request.MinCount));
    }

    /// <summary>Mentions, share of comments and NPS of the mentioning answers, in one set of comments.</summary>
    private static (int Mentions, double? Share, double? Nps) Measure(List<Verbatim> comments, string theme)
    {
        int mentions = 0, promoters = 0, detractors = 0;
        foreach (var v in comments)
        {
            if (!v.Themes.Contains(theme))
            {
                continue;
            }

            mentions++;
            promoters += v.Category == "promoter" ? 1 : 0;
            detractors += v.Category == "detractor" ? 1 : 0;
        }

        return (mentions, comments.Count == 0 ? null : (double)mentions / comments.Count,
            mentions == 0 ? null : 100.0 * (promoters - detractors) / mentions);
    }

    private static List<Verbatim> Examples(List<Verbatim> mentioning)
    {
        var latestFirst = mentioning.OrderByDescending(v => v.AnsweredOn).ThenBy(v => v.ResponseId, StringComparer.Ordinal).ToList();
        var examples = new List<Verbatim>();
        if (latestFirst.Where(v => v.Sentiment == "negative").OrderBy(v => v.SentimentScore).FirstOrDefault() is { } complaint)
        {
            examples.Add(complaint);
        }

        if (latestFirst.Where(v => v.Sentiment == "positive").OrderByDescending(v => v.SentimentScore).FirstOrDefault() is { } praise)
        {
            examples.Add(praise);
        }

        examples.AddRange(latestFirst.Where(v => !examples.Contains(v)).Take(3 - examples.Count));
        return examples;
    }

    private static int IndexOf(IReadOnlyList<Period> periods, DateOnly day)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (day >= periods[i].Start && day < periods[i].End)
            {
                return i;
            }
        }

        return -1;
    }

    private static DateOnly? LatestAnswer(Workspace workspace)
    {
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = $"SELECT max(answered_on) FROM {workspace.Dialect.TableReference("surveys")} WHERE comment IS NOT NULL";
        var value = command.ExecuteScalar();
        return value is DateOnly d ? d : value is DateTime t ? DateOnly.FromDateTime(t) : null;
    }
}
