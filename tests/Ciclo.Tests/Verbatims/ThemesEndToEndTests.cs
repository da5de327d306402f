using System.Text.Json;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Verbatims;

/// <summary>The built `ciclo` executable: verbatims with themes and sentiment, their filters, the
/// theme report and the theme commands.</summary>
public sealed class ThemesEndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ciclo-themes-e2e", Guid.NewGuid().ToString("N"));

    public ThemesEndToEndTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "surveys.csv"), string.Join("\n",
            "response_id,customer_id,respondent_id,answered_on,score,comment,language",
            "S1,,,2024-01-10,10,\"Support is fast, friendly and knows the product.\",en",
            "S2,,,2024-01-12,2,Way too expensive for what we use.,en",
            "S3,,,2024-02-03,9,\"Il supporto è ottimo, ma il prezzo è alto\",it",
            "S4,,,2024-02-04,3,الفواتير فيها أخطاء والدعم مو زين,ar",
            "S5,,,2024-02-05,10,\"Terrible reports, nobody can read them\",",
            "S6,,,2024-02-06,8,ok,") + "\n");
    }

    private CicloProcess.Result Ciclo(params string[] args) => CicloProcess.Run(_folder, args);

    [Fact]
    public void Verbatims_carry_themes_and_sentiment_and_filter_by_them()
    {
        Assert.Equal(0, Ciclo("init", "--db", "ws.duckdb").ExitCode);
        var import = Ciclo("import", "surveys", Path.Combine(_folder, "surveys.csv"), "--db", "ws.duckdb");
        Assert.True(import.ExitCode == 0, import.Error);

        var json = Ciclo("verbatims", "--db", "ws.duckdb", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        var rows = JsonDocument.Parse(json.Out).RootElement.GetProperty("verbatims").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        foreach (var row in rows)
        {
            foreach (var field in new[] { "response_id", "score", "category", "language", "themes", "sentiment", "sentiment_score", "language_confidence", "disagrees", "comment", "answered_on" })
            {
                Assert.True(row.TryGetProperty(field, out _), field);
            }
        }

        var s5 = rows.Single(r => r.GetProperty("response_id").GetString() == "S5");
        Assert.Equal("en", s5.GetProperty("language").GetString());
        Assert.Equal("negative", s5.GetProperty("sentiment").GetString());
        Assert.True(s5.GetProperty("disagrees").GetBoolean());
        Assert.Equal(["reporting"], s5.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        var s4 = rows.Single(r => r.GetProperty("response_id").GetString() == "S4");
        Assert.Equal(["support", "billing"], s4.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));

        var support = JsonDocument.Parse(Ciclo("verbatims", "--db", "ws.duckdb", "--theme", "support", "--format", "json").Out)
            .RootElement.GetProperty("verbatims").EnumerateArray().Select(r => r.GetProperty("response_id").GetString()).ToList();
        Assert.Equal(["S1", "S3", "S4"], support);
        var negative = JsonDocument.Parse(Ciclo("verbatims", "--db", "ws.duckdb", "--sentiment", "negative", "--category", "detractor", "--format", "json").Out)
            .RootElement.GetProperty("verbatims").EnumerateArray().Select(r => r.GetProperty("response_id").GetString()).ToList();
        Assert.Equal(["S2", "S4"], negative);

        var table = Ciclo("verbatims", "--db", "ws.duckdb", "--language", "ar", "--lang", "it");
        Assert.Contains("temi: Assistenza, Fatturazione · tono: negativo", table.Out);
        Assert.Equal(2, Ciclo("verbatims", "--db", "ws.duckdb", "--sentiment", "angry").ExitCode);
        Assert.Equal(2, Ciclo("verbatims", "--db", "ws.duckdb", "--theme", "nope").ExitCode);
    }

    [Fact]
    public void The_theme_report_and_the_theme_commands_answer()
    {
        Ciclo("init", "--db", "ws.duckdb");
        Ciclo("import", "surveys", Path.Combine(_folder, "surveys.csv"), "--db", "ws.duckdb");

        var add = Ciclo("themes", "add", "readability", "--name", "Readability", "--words", "read,readable", "--lang", "en", "--db", "ws.duckdb");
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Equal(0, Ciclo("themes", "rename", "support", "--name", "Customer care", "--db", "ws.duckdb").ExitCode);
        var list = Ciclo("themes", "list", "--db", "ws.duckdb");
        Assert.Contains("readability", list.Out);
        Assert.Contains("Customer care", list.Out);
        Assert.Equal(1, Ciclo("themes", "add", "brand_new", "--words", "x", "--db", "ws.duckdb").ExitCode);

        var run = Ciclo("themes", "--db", "ws.duckdb", "--from", "2024-02-01", "--to", "2024-02-29", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(4, json.GetProperty("comments").GetInt32());
        var themes = json.GetProperty("themes").EnumerateArray().ToList();
        var care = themes.Single(t => t.GetProperty("id").GetString() == "support");
        Assert.Equal("Customer care", care.GetProperty("name").GetString());
        Assert.Equal(2, care.GetProperty("mentions").GetInt32());
        Assert.Equal(0.5, care.GetProperty("share").GetDouble());
        var period = care.GetProperty("periods")[0];
        Assert.Equal("2024-02", period.GetProperty("period").GetString());
        Assert.Equal(1, period.GetProperty("previous").GetProperty("mentions").GetInt32());
        Assert.Equal(0.0, period.GetProperty("nps").GetDouble());
        Assert.Equal(-100.0, period.GetProperty("nps_change").GetDouble());
        Assert.Contains(themes, t => t.GetProperty("id").GetString() == "readability" && t.GetProperty("mentions").GetInt32() == 1);
        Assert.True(json.GetProperty("emerging_terms").TryGetProperty("detractors", out _));

        var text = Ciclo("themes", "--db", "ws.duckdb", "--from", "2024-02-01", "--to", "2024-02-29", "--lang", "ar");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("ماذا يقول العملاء", text.Out);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
