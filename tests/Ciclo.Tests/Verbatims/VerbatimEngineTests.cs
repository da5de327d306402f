using Ciclo.Reports;
using Ciclo.Tests.Support;
using Ciclo.Verbatims;

namespace Ciclo.Tests.Verbatims;

/// <summary>The analysis, its incremental refresh, workspace themes and the theme report on every
/// warehouse engine (real PostgreSQL and ClickHouse servers, as the equivalence tests use).</summary>
public sealed class VerbatimEngineTests
{
    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    [InlineData("clickhouse")]
    public void Comments_are_analysed_stored_and_reported_on_each_engine(string engine)
    {
        using var ws = Fixtures.ExampleWorkspace(engine);
        var path = Path.Combine(ws.Folder, "comments.csv");
        File.WriteAllText(path, "response_id,customer_id,respondent_id,answered_on,score,comment,language\n" +
                                "P1,,,2024-03-10,10,The support team is fantastic,en\nP2,,,2024-03-11,2,Too expensive,en\n");
        ws.Import("surveys", path);

        Assert.Equal("P2", Assert.Single(VerbatimQuery.Run(ws.Workspace, null, null, theme: "price", sentiment: "negative")).ResponseId);
        Assert.Equal(0, VerbatimAnalysisStore.Refresh(ws.Workspace).Analysed);
        ThemeStore.Add(ws.Workspace, "delight", "Delight", ["fantastic"], "en");
        ThemeStore.Add(ws.Workspace, "delight", null, ["wonderful"], "en");
        Assert.Equal(["fantastic", "wonderful"], ThemeStore.Load(ws.Workspace).Find("delight")!.Terms["en"]);
        Assert.Equal(2, VerbatimAnalysisStore.Refresh(ws.Workspace).Analysed);
        Assert.Equal(["support", "delight"], VerbatimQuery.Run(ws.Workspace, null, null, theme: "delight").Single().Themes);

        var report = ThemeReportBuilder.Run(ws.Workspace, new ThemeRequest(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)));
        Assert.Equal(2, report.Comments);
        Assert.Equal(100, report.Themes.Single(t => t.Theme.Id == "delight").Nps);
    }
}
