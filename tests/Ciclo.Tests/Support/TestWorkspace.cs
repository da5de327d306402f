using Ciclo.Import;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Support;

/// <summary>A fresh workspace file in its own temporary folder, deleted on dispose.</summary>
public sealed class TestWorkspace : IDisposable
{
    /// <param name="engine">"duckdb" (a file in a fresh folder), "postgres" or "clickhouse" (a fresh database on the test server),
    /// or "clickhouse-cluster" (a fresh database spread over a fresh two-shard cluster on the test server).</param>
    public TestWorkspace(string currency = "EUR", string timeZone = "UTC", string engine = "duckdb")
    {
        Engine = engine;
        Folder = Path.Combine(Path.GetTempPath(), "ciclo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DbPath = engine switch
        {
            "duckdb" => Path.Combine(Folder, "ws.duckdb"),
            "postgres" => new Npgsql.NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = "ciclo_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString,
            "clickhouse" => TestServices.ClickHouse[..TestServices.ClickHouse.LastIndexOf('/')] + "/ciclo_" + Guid.NewGuid().ToString("N")[..12],
            "clickhouse-cluster" => TestCluster.Create("ciclo_" + Guid.NewGuid().ToString("N")[..12]),
            _ => throw new ArgumentOutOfRangeException(nameof(engine)),
        };
        Workspace = Workspace.Create(DbPath, new WorkspaceSettings(currency, timeZone));
    }

    public string Engine { get; }

    public string Folder { get; }

    public string DbPath { get; }

    public Workspace Workspace { get; private set; }

    /// <summary>Writes a CSV file (lines joined with \n) into the folder and returns its path.</summary>
    public string File(string name, params string[] lines)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    public ImportSummary Import(string entity, string path) => new Importer(Workspace).Import(Entities.Find(entity)!, path);

    public ImportSummary ImportCsv(string entity, params string[] lines) => Import(entity, File(entity + "-" + Guid.NewGuid().ToString("N")[..6] + ".csv", lines));

    /// <summary>Closes the workspace so another process (the built executable) can open it.</summary>
    public void Close() => Workspace.Dispose();

    public void Reopen() => Workspace = Workspace.Open(DbPath);

    /// <summary>Every row a query returns, each as its values (null for SQL NULL), in order.</summary>
    public List<object?[]> Rows(string sql) => [.. QueryRows.Read(Workspace.Connection, sql).Rows];

    public long Count(string table) => Convert.ToInt64(Workspace.Scalar("SELECT count(*) FROM " + Workspace.Dialect.TableReference(table)));

    public void Dispose()
    {
        Workspace.Dispose();
        if (Engine == "postgres")
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(DbPath);
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(DbPath) { Database = "postgres", Pooling = false }.ConnectionString);
            admin.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        else if (Engine == "clickhouse-cluster")
        {
            TestCluster.Drop(new Ciclo.Warehouse.ClickHouse.ClickHouseConnection(DbPath).Database);
        }
        else if (Engine == "clickhouse")
        {
            var connection = new Ciclo.Warehouse.ClickHouse.ClickHouseConnection(DbPath);
            var database = connection.Database;
            connection.ChangeDatabase("default");
            connection.Query("DROP DATABASE IF EXISTS " + database);
        }

        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }
}
