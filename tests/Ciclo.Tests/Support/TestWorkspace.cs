using Ciclo.Import;
using Ciclo.Warehouse;

namespace Ciclo.Tests.Support;

/// <summary>A fresh workspace file in its own temporary folder, deleted on dispose.</summary>
public sealed class TestWorkspace : IDisposable
{
    public TestWorkspace(string currency = "EUR", string timeZone = "UTC")
    {
        Folder = Path.Combine(Path.GetTempPath(), "ciclo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DbPath = Path.Combine(Folder, "ws.duckdb");
        Workspace = Workspace.Create(DbPath, new WorkspaceSettings(currency, timeZone));
    }

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

    public long Count(string table) => Convert.ToInt64(Workspace.Scalar("SELECT count(*) FROM " + table));

    public void Dispose()
    {
        Workspace.Dispose();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }
}
