using System.Text.Json;
using Ciclo.Import;
using Ciclo.Presenters;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Import;

/// <summary>
/// The bad-input corpus (Fixtures/bad-input): every file is malformed in one way, and
/// manifest.json says what must happen to it: refused whole with its reason and line, or read
/// with the listed rows rejected (line, column, reason) and every other row loaded, the counts
/// adding up. Every message a person reads about it exists in English, Italian and Arabic and
/// names the file, the line and the reason. A sample runs on PostgreSQL and ClickHouse too,
/// where validation must behave the same.
/// </summary>
public sealed class BadInputCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bad-input");

    private static readonly Lazy<Dictionary<string, JsonElement>> Manifest = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json"))).RootElement.GetProperty("cases")
            .EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!));

    public static TheoryData<string> Cases => new(Manifest.Value.Keys);

    /// <summary>Every twelfth case, on each other engine.</summary>
    public static TheoryData<string, string> EngineSample
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var engine in new[] { "postgres", "clickhouse" })
            {
                foreach (var id in Manifest.Value.Keys.Where((_, i) => i % 12 == 0))
                {
                    data.Add(engine, id);
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_corpus_holds_at_least_150_cases_each_with_its_file()
    {
        Assert.True(Manifest.Value.Count >= 150, $"{Manifest.Value.Count} cases");
        Assert.All(Manifest.Value.Values, c => Assert.True(File.Exists(Path.Combine(Folder, "cases", c.GetProperty("file").GetString()!)), c.GetProperty("id").GetString()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_file_gets_its_expected_outcome(string id) => Check(id, "duckdb");

    [Theory]
    [MemberData(nameof(EngineSample))]
    public void A_sample_gets_the_same_outcome_on_other_engines(string engine, string id) => Check(id, engine);

    private static void Check(string id, string engine)
    {
        var c = Manifest.Value[id];
        var entity = Entities.Find(c.GetProperty("entity").GetString()!)!;
        var file = c.GetProperty("file").GetString()!;
        var expect = c.GetProperty("expect");
        var options = c.TryGetProperty("options", out var o)
            ? ImportOptions.Parse(Text(o, "culture"), Text(o, "encoding"), Text(o, "delimiter"), Text(o, "sheet"))
            : ImportOptions.Default;

        using var ws = new TestWorkspace(engine: engine);
        ws.Import("customers", Path.Combine(Folder, "setup", "customers.csv"));
        ws.Import("campaigns", Path.Combine(Folder, "setup", "campaigns.csv"));
        var before = ws.Count(entity.Table);
        var imports = ws.Count("imports");
        var path = Path.Combine(ws.Folder, file);
        File.Copy(Path.Combine(Folder, "cases", file), path);

        if (expect.TryGetProperty("refused", out var refused))
        {
            var error = Assert.Throws<FileRefusedException>(() => new Importer(ws.Workspace).Import(entity, path, null, options));
            Assert.Equal(refused.GetString(), error.MessageKey);
            var line = expect.GetProperty("line");
            if (line.ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(line.GetInt64(), Convert.ToInt64(error.Arguments[1], System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var lang in Localization.Text.Languages)
            {
                var message = Localization.Text.Format(lang, error.MessageKey, [file, .. error.Arguments.Skip(1)]);
                Assert.Contains(file, message);
                Assert.DoesNotContain(error.MessageKey, message);
                if (line.ValueKind == JsonValueKind.Number && lang != "ar")
                {
                    Assert.Contains(line.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), message);
                }
            }

            Assert.Equal((before, imports, 0L), (ws.Count(entity.Table), ws.Count("imports"), ws.Count("quarantine")));
            return;
        }

        var summary = new Importer(ws.Workspace).Import(entity, path, null, options);

        long Expected(string name) => expect.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        Assert.Equal((Expected("read"), Expected("inserted"), 0L, 0L, Expected("repeated"), Expected("rejected")),
            (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged, summary.Repeated, summary.Rejected));
        Assert.Equal(summary.Read, summary.Inserted + summary.Updated + summary.Unchanged + summary.Repeated + summary.Rejected);
        Assert.Equal(before + summary.Inserted, ws.Count(entity.Table));
        if (expect.TryGetProperty("unknown", out var unknown))
        {
            Assert.Equal(unknown.EnumerateArray().Select(u => u.GetString()), summary.UnknownColumns);
        }

        var rejections = Importer.Quarantine(ws.Workspace, entity.Name).Where(r => r.File == file).ToList();
        var want = expect.GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("column").GetString()!, r.GetProperty("reason").GetString()!))
            .Order().ToList();
        Assert.Equal(want, rejections.Select(r => (r.Line, r.Column, r.Reason)).Order().ToList());
        Assert.Equal(summary.Rejected, rejections.Select(r => r.Line).Distinct().Count());
        foreach (var r in rejections)
        {
            var english = ImportSummaryPresenter.Reason(r, "en");
            foreach (var lang in Localization.Text.Languages)
            {
                var reason = ImportSummaryPresenter.Reason(r, lang);
                Assert.False(string.IsNullOrWhiteSpace(reason) || reason.StartsWith("Reason_", StringComparison.Ordinal), $"{lang}: {reason}");
                Assert.True(lang == "en" || reason != english, $"{lang} has no own text for {r.Reason}");
            }
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
