using Ciclo.Reports;
using Ciclo.Tests.Support;
using Ciclo.Verbatims;

namespace Ciclo.Tests.Verbatims;

/// <summary>The analysis is stored per comment and kept in step incrementally: an import analyses
/// only new or changed comments; a theme change analyses again; workspace themes are used.</summary>
public sealed class VerbatimStoreTests
{
    private static readonly string[] Header = ["response_id,customer_id,respondent_id,answered_on,score,comment,language"];

    [Fact]
    public void Only_new_or_changed_comments_are_analysed_on_import()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("surveys", [.. Header,
            "S1,,,2024-01-10,9,The support team is fantastic,en",
            "S2,,,2024-01-11,3,Troppo caro per quello che offre,",
            "S3,,,2024-01-12,8,,",
            "S4,,,2024-01-13,1,الدعم مو زين,ar"]);
        Assert.Equal(3, ws.Count("verbatim_analysis"));
        Assert.Equal(0, VerbatimAnalysisStore.Refresh(ws.Workspace).Analysed);

        ws.ImportCsv("surveys", [.. Header,
            "S1,,,2024-01-10,9,The support team is fantastic,en",
            "S2,,,2024-01-11,3,Troppo caro e la fattura è sbagliata,",
            "S5,,,2024-01-14,10,Reports are clear and easy to share,"]);
        var refresh = VerbatimAnalysisStore.Refresh(ws.Workspace);
        Assert.Equal(0, refresh.Analysed);
        Assert.Equal(4, refresh.Unchanged);
        Assert.Equal(4, ws.Count("verbatim_analysis"));
        Assert.Equal(2L, ws.Workspace.Scalar("SELECT count(*) FROM verbatim_analysis WHERE analysed_at > (SELECT min(analysed_at) FROM verbatim_analysis)") is { } n ? Convert.ToInt64(n) : 0);

        var rows = VerbatimQuery.Run(ws.Workspace, null, null);
        var s2 = rows.Single(r => r.ResponseId == "S2");
        Assert.Equal("it", s2.Language);
        Assert.Equal(["price", "billing"], s2.Themes);
        Assert.Equal("negative", s2.Sentiment);
        var s4 = rows.Single(r => r.ResponseId == "S4");
        Assert.Equal(1.0, s4.LanguageConfidence);
        Assert.Equal("negative", s4.Sentiment);
        Assert.True(rows.Single(r => r.ResponseId == "S1").Sentiment == "positive");
    }

    [Fact]
    public void A_comment_written_twice_is_stored_for_each_answer_as_if_analysed_alone()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("surveys", [.. Header,
            "S1,,,2024-03-01,9,Great support and fair price,en",
            "S2,,,2024-03-02,9,Great support and fair price,en",
            "S3,,,2024-03-03,9,Great support and fair price,",
            "S4,,,2024-03-04,2,Great support and fair price,it",
            "S5,,,2024-03-05,2,Great support and fair price.,en"]);

        var analyzer = new VerbatimAnalyzer(ThemeStore.Load(ws.Workspace));
        var stored = VerbatimAnalysisStore.Load(ws.Workspace);
        var written = new Dictionary<string, (string Comment, string? Language)>
        {
            ["S1"] = ("Great support and fair price", "en"), ["S2"] = ("Great support and fair price", "en"),
            ["S3"] = ("Great support and fair price", null), ["S4"] = ("Great support and fair price", "it"),
            ["S5"] = ("Great support and fair price.", "en"),
        };
        Assert.Equal(written.Keys.Order(), stored.Keys.Order());
        foreach (var (id, (comment, language)) in written)
        {
            var alone = analyzer.Analyze(comment, language);
            var row = stored[id];
            Assert.Equal((alone.Language, alone.LanguageConfidence, alone.LanguageGiven, string.Join(' ', alone.Themes), alone.Sentiment, alone.SentimentScore),
                (row.Language, row.LanguageConfidence, row.LanguageGiven, string.Join(' ', row.Themes), row.Sentiment, row.SentimentScore));
        }

        Assert.NotEqual(stored["S1"].LanguageGiven, stored["S3"].LanguageGiven);
    }

    [Fact]
    public void A_workspace_theme_is_used_and_analyses_every_comment_again()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("surveys", [.. Header,
            "S1,,,2024-02-01,4,The GDPR paperwork took ages,en",
            "S2,,,2024-02-02,9,Ottimo per la privacy e il GDPR,it",
            "S3,,,2024-02-03,9,Great reports,en"]);
        ThemeStore.Add(ws.Workspace, "compliance", "Compliance", ["gdpr", "privacy", "paperwork"], "en");
        ThemeStore.Rename(ws.Workspace, "reporting", "Dashboards");
        var refresh = VerbatimAnalysisStore.Refresh(ws.Workspace);
        Assert.Equal(3, refresh.Analysed);

        var themes = ThemeStore.Load(ws.Workspace);
        Assert.Equal("Dashboards", themes.Find("reporting")!.Name("it"));
        Assert.True(themes.Find("compliance")!.Custom);
        Assert.Equal(["S1", "S2"], VerbatimQuery.Run(ws.Workspace, null, null, theme: "compliance").Select(v => v.ResponseId));
        Assert.Equal(["S3"], VerbatimQuery.Run(ws.Workspace, null, null, theme: "reporting", sentiment: "positive").Select(v => v.ResponseId));
        Assert.Throws<Ciclo.Warehouse.WorkspaceException>(() => ThemeStore.Add(ws.Workspace, "new_theme", null, ["x"], "en"));
        Assert.Throws<Ciclo.Warehouse.WorkspaceException>(() => ThemeStore.Add(ws.Workspace, "Bad Id", "x", ["x"], "en"));
    }

    [Fact]
    public void The_theme_report_counts_mentions_share_nps_and_trend_per_period()
    {
        using var ws = new TestWorkspace();
        ws.ImportCsv("surveys", [.. Header,
            "S1,,,2024-01-05,10,Support is excellent,en",
            "S2,,,2024-01-06,2,Support never answers and it is too expensive,en",
            "S3,,,2024-01-07,8,Nothing to add,en",
            "S4,,,2024-02-05,9,Great support team,en",
            "S5,,,2024-02-06,10,Support answered in minutes,en",
            "S6,,,2024-02-07,3,Way too expensive,en",
            "S7,,,2024-02-08,3,Too expensive for us,en",
            "S8,,,2024-02-09,2,The price went up again and it is too expensive,en",
            "S9,,,2024-02-10,9,Lovely reports,en"]);

        var report = ThemeReportBuilder.Run(ws.Workspace, new ThemeRequest(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29), MinCount: 2));

        Assert.Equal(6, report.Comments);
        var support = report.Themes.Single(t => t.Theme.Id == "support");
        var feb = support.Periods.Single();
        Assert.Equal(2, feb.Mentions);
        Assert.Equal(2.0 / 6, feb.Share!.Value, 6);
        Assert.Equal(100, feb.Nps);
        Assert.Equal(2, feb.PreviousMentions);
        Assert.Equal(2.0 / 3, feb.PreviousShare!.Value, 6);
        Assert.Equal(0, feb.PreviousNps);
        Assert.Equal(100, feb.NpsChange);
        var price = report.Themes[0];
        Assert.Equal("price", price.Theme.Id);
        Assert.Equal(3, price.Mentions);
        Assert.Equal(-100, price.Nps);
        Assert.NotEmpty(price.Examples);
        Assert.Contains(report.Emerging.Detractors, t => t.Term == "expensive" && t.Detractors == 3 && t.Promoters == 0);
    }
}
