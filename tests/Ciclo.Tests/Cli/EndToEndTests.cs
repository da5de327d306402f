using System.Text.Json;
using Ciclo.Tests.Support;

namespace Ciclo.Tests.Cli;

/// <summary>The built `ciclo` executable, run as a separate process on the worked example.</summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ciclo-e2e", Guid.NewGuid().ToString("N"));

    public EndToEndTests() => Directory.CreateDirectory(_folder);

    private CicloProcess.Result Ciclo(params string[] args) => CicloProcess.Run(_folder, args);

    [Fact]
    public void Init_import_and_metrics_json_follow_the_output_contract()
    {
        Assert.Equal(0, Ciclo("init", "--db", "acme.duckdb", "--currency", "EUR").ExitCode);
        foreach (var entity in Fixtures.ExampleOrder)
        {
            var import = Ciclo("import", entity, Fixtures.Example(entity + ".csv"), "--db", "acme.duckdb");
            Assert.True(import.ExitCode == 0, import.Error);
            Assert.Contains("rows read", import.Out);
        }

        var run = Ciclo("metrics", "--db", "acme.duckdb", "--from", "2024-01-01", "--to", "2024-05-31", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("month", json.GetProperty("grain").GetString());
        Assert.Equal("EUR", json.GetProperty("currency").GetString());
        Assert.Equal("UTC", json.GetProperty("time_zone").GetString());
        var feb = json.GetProperty("periods")[1];
        Assert.Equal("2024-02", feb.GetProperty("period").GetString());
        Assert.Equal("2024-02-01", feb.GetProperty("start").GetString());
        Assert.Equal("2024-03-01", feb.GetProperty("end").GetString());
        Assert.False(feb.GetProperty("partial").GetBoolean());
        var metrics = feb.GetProperty("metrics");
        Assertions.Close(0.043478260869565216, metrics.GetProperty("churn_rate").GetProperty("value").GetDouble(), "churn");
        Assert.Equal(23, metrics.GetProperty("customers_start").GetProperty("value").GetInt64());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("sales_cycle_days").GetProperty("value").ValueKind);
        var share = metrics.GetProperty("upsell_revenue_share");
        Assert.Equal("within", share.GetProperty("benchmark")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Rejected_rows_are_listed_with_file_line_column_and_reason()
    {
        Ciclo("init", "--db", "acme.duckdb");
        Ciclo("import", "customers", Fixtures.Example("customers.csv"), "--db", "acme.duckdb");
        var import = Ciclo("import", "revenue", Fixtures.Example("revenue.csv"), "--db", "acme.duckdb");
        Assert.Matches(@"[1-9]\d* rejected", import.Out);

        var quarantine = Ciclo("quarantine", "--db", "acme.duckdb");

        Assert.Equal(0, quarantine.ExitCode);
        Assert.Contains("revenue.csv", quarantine.Out);
        Assert.Contains("names no known row of customers", quarantine.Out);
        Assert.Contains("negative amount, allowed only for kind refund", quarantine.Out);
    }

    [Fact]
    public void Wrong_use_gets_a_clear_message_and_a_non_zero_exit()
    {
        var missing = Ciclo("metrics", "--db", "nowhere.duckdb");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("ciclo init --db nowhere.duckdb", missing.Error);

        Ciclo("init", "--db", "acme.duckdb");
        var grain = Ciclo("metrics", "--db", "acme.duckdb", "--grain", "fortnight");
        Assert.Equal(2, grain.ExitCode);
        Assert.Contains("week, month, quarter or year", grain.Error);

        var refused = Ciclo("import", "customers", Fixtures.Example("surveys.csv"), "--db", "acme.duckdb", "--lang", "it");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("mancano nell'intestazione le colonne obbligatorie acquired_on", refused.Error);
    }

    [Fact]
    public void Import_reads_a_declared_culture_and_encoding_and_says_how_it_read_the_file()
    {
        Ciclo("init", "--db", "acme.duckdb");
        File.WriteAllBytes(Path.Combine(_folder, "clienti.csv"),
            System.Text.Encoding.Latin1.GetBytes("customer_id;name;acquired_on\r\nC1;Città;15/03/2024\r\nC2;Perù;31/02/2024\r\n"));

        var refused = Ciclo("import", "customers", "clienti.csv", "--db", "acme.duckdb", "--culture", "it-IT");
        var loaded = Ciclo("import", "customers", "clienti.csv", "--db", "acme.duckdb", "--culture", "it-IT", "--encoding", "latin1", "--lang", "it");
        var unknown = Ciclo("import", "customers", "clienti.csv", "--db", "acme.duckdb", "--culture", "klingon");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("clienti.csv: refused, line 2, byte 8 (0xE0) is not valid UTF-8", refused.Error);
        Assert.True(loaded.ExitCode == 0, loaded.Error);
        Assert.Contains("2 righe lette · 1 inserite · 0 aggiornate · 0 invariate · 1 rifiutate", loaded.Out);
        Assert.Contains("Letto come CSV: iso-8859-1, separato da punto e virgola; numeri e date: it-IT (1.234,56 · 15/03/2024).", loaded.Out);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("klingon", unknown.Error);
    }

    [Fact]
    public void The_demo_builds_a_workspace_and_prints_its_expand_dashboard()
    {
        var demo = Ciclo("demo", "--db", "demo.duckdb");

        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("EXPAND · Result", demo.Out);
        Assert.Contains("Churn rate", demo.Out);
        Assert.Contains("0 rejected", demo.Error);
        Assert.DoesNotContain("ATTRACT", demo.Out);
        var campaigns = Ciclo("campaigns", "--db", "demo.duckdb", "--format", "json");
        Assert.True(JsonDocument.Parse(campaigns.Out).RootElement.GetProperty("campaigns").GetArrayLength() > 5);
        var verbatims = Ciclo("verbatims", "--db", "demo.duckdb", "--language", "ar", "--category", "promoter", "--format", "json");
        var rows = JsonDocument.Parse(verbatims.Out).RootElement.GetProperty("verbatims");
        Assert.True(rows.GetArrayLength() > 0);
        Assert.All(rows.EnumerateArray(), v => Assert.True(v.GetProperty("score").GetInt32() >= 9 && v.GetProperty("language").GetString() == "ar"));
    }

    [Fact]
    public void Programmes_influence_benchmarks_and_check_answer_on_the_example()
    {
        Ciclo("init", "--db", "acme.duckdb");
        foreach (var entity in Fixtures.ExampleOrder)
        {
            Ciclo("import", entity, Fixtures.Example(entity + ".csv"), "--db", "acme.duckdb");
        }

        var programmes = Ciclo("programmes", "--db", "acme.duckdb", "--program", "vip", "--from", "2024-03-01", "--to", "2024-03-31", "--format", "json");
        Assert.True(programmes.ExitCode == 0, programmes.Error);
        var march = JsonDocument.Parse(programmes.Out).RootElement.GetProperty("periods")[0].GetProperty("metrics");
        Assert.True(march.TryGetProperty("member_churn_rate", out _));
        Assert.Equal("vip", JsonDocument.Parse(programmes.Out).RootElement.GetProperty("program").GetString());

        var influence = Ciclo("influence", "--db", "acme.duckdb", "--model", "linear", "--format", "json");
        var json = JsonDocument.Parse(influence.Out).RootElement;
        Assert.Equal("linear", json.GetProperty("model").GetString());
        Assert.Equal(90, json.GetProperty("window_days").GetInt32());
        var revenues = json.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("influenced_expansion_revenue").GetDouble()).ToList();
        Assert.Equal(revenues.OrderByDescending(r => r), revenues);

        var set = Ciclo("benchmarks", "set", "churn_rate", "target", "--high", "0.02", "--source", "Board plan 2024", "--db", "acme.duckdb");
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("Board plan 2024", set.Out);

        var check = Ciclo("check", "--db", "acme.duckdb", "--lang", "it");
        Assert.Contains("eventi riguardano contatti", check.Out);
    }

    [Fact]
    public void Check_finds_sends_counts_that_differ_from_the_per_send_rows_and_repair_recounts_them()
    {
        Assert.Equal(0, Ciclo("init", "--db", "acme.duckdb").ExitCode);
        foreach (var entity in Fixtures.ExampleOrder)
        {
            Assert.Equal(0, Ciclo("import", entity, Fixtures.Example(entity + ".csv"), "--db", "acme.duckdb").ExitCode);
        }

        Assert.DoesNotContain("engagements per quarter of an hour) differ", Ciclo("check", "--db", "acme.duckdb").Out);
        using (var workspace = global::Ciclo.Warehouse.Workspace.Open(Path.Combine(_folder, "acme.duckdb")))
        {
            workspace.Execute("UPDATE campaign_send_counts SET sends = sends + 1 WHERE campaign_id = 'K1'");
        }

        var check = Ciclo("check", "--db", "acme.duckdb");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("The per-send table's counts or its groupings (per campaign and customer, and engagements per quarter of an hour) differ from its rows and events", check.Out);
        Assert.Contains("I conteggi della tabella degli invii", Ciclo("check", "--db", "acme.duckdb", "--lang", "it").Out);

        var repair = Ciclo("check", "--db", "acme.duckdb", "--repair");
        Assert.Contains("Rebuilt the per-send table", repair.Out);
        Assert.DoesNotContain("engagements per quarter of an hour) differ", repair.Out);
        Assert.DoesNotContain("engagements per quarter of an hour) differ", Ciclo("check", "--db", "acme.duckdb").Out);
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
