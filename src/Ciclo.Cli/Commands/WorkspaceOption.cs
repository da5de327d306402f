using Ciclo.Warehouse;

namespace Ciclo.Cli.Commands;

/// <summary>The --db option every command takes (default ./ciclo.duckdb).</summary>
public static class WorkspaceOption
{
    public const string DefaultPath = "ciclo.duckdb";

    public static Workspace Open(Arguments args) => Workspace.Open(args.Get("db", DefaultPath));
}
