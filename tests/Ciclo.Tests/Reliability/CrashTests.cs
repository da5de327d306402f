using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ciclo.Tests.Support;
using Ciclo.Warehouse;
using Xunit.Abstractions;

namespace Ciclo.Tests.Reliability;

/// <summary>
/// Kills `ciclo import` with SIGKILL at random moments, round after round, on a DuckDB file and
/// a PostgreSQL database. After every kill the workspace must open, pass `ciclo check`, and hold
/// each file whole or not at all: its new customers, its updates to shared rows, its quarantine
/// and its import log entry together. The delays come from a seeded generator whose seed is
/// printed (set CICLO_CRASH_SEED to replay a run, CICLO_CRASH_KILLS to change the number of kills).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const string Header = "customer_id,name,segment,region,acquired_on,churned_on";
    private const int NewRows = 60_000;
    private const int SharedRows = 500;
    private const int BadRows = 20;

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public void An_import_killed_at_any_moment_leaves_the_whole_file_or_none_of_it(string engine)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CICLO_CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount;
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CICLO_CRASH_KILLS"), CultureInfo.InvariantCulture, out var k) ? k : 20;
        var random = new Random(seed);
        output.WriteLine($"{engine}: seed {seed} (CICLO_CRASH_SEED={seed} replays it), {kills} kills");

        using var ws = new TestWorkspace(engine: engine);
        ws.ImportCsv("customers", [Header, .. Enumerable.Range(0, SharedRows).Select(i => $"U{i},base,SMB,IT,2024-01-01,")]);
        ws.Close();

        // Round 0 runs to the end and measures how long an import takes; later rounds are killed within one and a half times that, so that kills land in every phase and some imports finish first.
        // A round that finishes first shortens that measure to its own time: one slow start on a busy machine (48 s once for an import that takes 1-3 s) must not leave every later kill too late.
        var watch = Stopwatch.StartNew();
        var first = CicloProcess.Run(ws.Folder, "import", "customers", RoundFile(ws, 0), "--db", ws.DbPath);
        var duration = watch.Elapsed;
        Assert.True(first.ExitCode == 0, first.Error);
        output.WriteLine($"an uninterrupted import of {NewRows + SharedRows + BadRows:N0} rows takes {duration.TotalMilliseconds:F0} ms");
        var rounds = new List<int> { 0 };
        var outcomes = new Dictionary<string, int> { ["killed, file absent"] = 0, ["killed, file present"] = 0, ["finished before the kill"] = 0, ["wal replayed"] = 0 };

        for (var round = 1; round <= kills; round++)
        {
            var file = RoundFile(ws, round);
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds * 1.5);
            var started = Stopwatch.StartNew();
            using var process = CicloProcess.Start(ws.Folder, "import", "customers", file, "--db", ws.DbPath);
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var finished = process.WaitForExit(delay);
            if (finished && started.Elapsed < duration)
            {
                duration = started.Elapsed;
            }

            if (!finished)
            {
                process.Kill(); // SIGKILL on Linux: no handler runs, no transaction is rolled back by the process
                process.WaitForExit();
            }

            rounds.Add(round);
            WaitForServerSide(ws);
            var wal = engine == "duckdb" && File.Exists(ws.DbPath + ".wal") && new FileInfo(ws.DbPath + ".wal").Length > 0;
            var check = CicloProcess.Run(ws.Folder, "check", "--db", ws.DbPath);
            Assert.True(check.ExitCode == 0, $"round {round} (delay {delay.TotalMilliseconds:F0} ms): ciclo check failed: {check.Out}{check.Error}");

            var present = Verify(ws, rounds, round, delay);
            var outcome = finished ? "finished before the kill" : present ? "killed, file present" : "killed, file absent";
            outcomes[outcome]++;
            if (wal)
            {
                outcomes["wal replayed"]++;
            }

            output.WriteLine($"round {round,2}: delay {delay.TotalMilliseconds,6:F0} ms -> {outcome}{(wal ? " (WAL replayed on open)" : string.Empty)}");
        }

        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.True(outcomes["killed, file absent"] > 0, "no kill landed before a commit; the test did not exercise a crash");

        // After all the kills the workspace still imports normally and keeps no work tables behind.
        var again = CicloProcess.Run(ws.Folder, "import", "customers", RoundFile(ws, kills), "--db", ws.DbPath);
        Assert.True(again.ExitCode == 0, again.Error);
        ws.Reopen();
        var leftovers = ws.Engine == "duckdb"
            ? ws.Workspace.Scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_ciclo\\_%' ESCAPE '\\'")
            : ws.Workspace.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '\\_ciclo\\_%'");
        Assert.Equal(0L, Convert.ToInt64(leftovers, CultureInfo.InvariantCulture));
        Assert.Equal(NewRows, CountLike(ws.Workspace, $"R{kills}-%"));
        ws.Close();
    }

    /// <summary>Each round's file: new customers of its own, an update of every shared customer's
    /// name to the round's tag, and rows with an impossible date that go to the quarantine.</summary>
    private static string RoundFile(TestWorkspace ws, int round)
    {
        var path = Path.Combine(ws.Folder, $"round-{round}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < NewRows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{round}-{i},Customer {i},SMB,IT,2024-02-{(i % 28) + 1:00},\n");
        }

        for (var i = 0; i < SharedRows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"U{i},round {round},SMB,IT,2024-01-01,\n");
        }

        for (var i = 0; i < BadRows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"X{round}-{i},Broken,SMB,IT,2024-13-45,\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Every round's file is whole or absent, the shared rows all carry the tag of one
    /// present file (or the original one), and the totals add up. Returns whether the given round is present.</summary>
    private static bool Verify(TestWorkspace ws, IReadOnlyList<int> rounds, int current, TimeSpan delay)
    {
        using var workspace = Workspace.Open(ws.DbPath);
        var present = new HashSet<int>();
        foreach (var round in rounds)
        {
            var rows = CountLike(workspace, $"R{round}-%");
            var logged = Count(workspace, $"SELECT count(*) FROM imports WHERE file = 'round-{round}.csv'");
            var quarantined = Count(workspace, $"SELECT count(*) FROM quarantine WHERE file = 'round-{round}.csv'");
            var whole = rows == NewRows && logged == 1 && quarantined == BadRows;
            var none = rows == 0 && logged == 0 && quarantined == 0;
            Assert.True(whole || none, $"after round {current} (delay {delay.TotalMilliseconds:F0} ms) file round-{round}.csv is half there: {rows} rows, {logged} log entries, {quarantined} quarantined");
            if (whole)
            {
                present.Add(round);
            }
        }

        var names = new List<string>();
        using (var command = workspace.Connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT name FROM customers WHERE customer_id LIKE 'U%'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        var name = Assert.Single(names);
        Assert.True(name == "base" || present.Contains(int.Parse(name["round ".Length..], CultureInfo.InvariantCulture)), $"shared rows carry '{name}', from no file present");
        Assert.Equal(SharedRows + ((long)NewRows * present.Count), Count(workspace, "SELECT count(*) FROM customers"));
        Assert.Equal(Count(workspace, "SELECT count(*) FROM customers"), Count(workspace, "SELECT count(DISTINCT customer_id) FROM customers"));
        return present.Contains(current);
    }

    /// <summary>PostgreSQL: a killed client's server process may still be finishing (and rolls back
    /// when it notices); wait until the database has no other session before reading.</summary>
    private static void WaitForServerSide(TestWorkspace ws)
    {
        if (ws.Engine != "postgres")
        {
            return;
        }

        var database = new Npgsql.NpgsqlConnectionStringBuilder(ws.DbPath).Database;
        using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(ws.DbPath) { Pooling = false }.ConnectionString);
        connection.Open();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'", connection);
            command.Parameters.AddWithValue(database!);
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException("the killed import's server session did not end");
    }

    private static long CountLike(Workspace workspace, string pattern) =>
        Count(workspace, $"SELECT count(*) FROM customers WHERE customer_id LIKE '{pattern}'");

    private static long Count(Workspace workspace, string sql) => Convert.ToInt64(workspace.Scalar(sql), CultureInfo.InvariantCulture);
}
