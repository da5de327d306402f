using Ciclo.Import;

namespace Ciclo.Warehouse;

/// <summary>The workspace's own tables besides the entities, declared like them so that every
/// engine's dialect renders their DDL.</summary>
public static class Tables
{
    public static readonly EntitySchema SchemaVersion = new("schema_version",
    [
        new("version", ColumnType.Integer, true),
        new("description", ColumnType.Text, true),
        new("applied_at", ColumnType.Timestamp, true),
    ], ["version"]);

    public static readonly EntitySchema Settings = new("settings",
    [
        new("key", ColumnType.Text, true),
        new("value", ColumnType.Text, true),
    ], ["key"]);

    public static readonly EntitySchema Imports = new("imports",
    [
        new("import_id", ColumnType.Integer, true),
        new("entity", ColumnType.Text, true),
        new("file", ColumnType.Text, true),
        new("imported_at", ColumnType.Timestamp, true),
        new("inserted", ColumnType.Integer, true),
        new("updated", ColumnType.Integer, true),
        new("unchanged", ColumnType.Integer, true),
        new("rejected", ColumnType.Integer, true),
        new("unknown_columns", ColumnType.Text),
    ], ["import_id"]);

    public static readonly EntitySchema Quarantine = new("quarantine",
    [
        new("import_id", ColumnType.Integer, true),
        new("entity", ColumnType.Text, true),
        new("file", ColumnType.Text, true),
        new("line", ColumnType.Integer, true),
        new("column_name", ColumnType.Text, true),
        new("value", ColumnType.Text),
        new("reason", ColumnType.Text, true),
        new("detail", ColumnType.Text),
    ], ["import_id", "line", "column_name", "reason"]);

    public static readonly EntitySchema Benchmarks = new("benchmarks",
    [
        new("metric", ColumnType.Text, true),
        new("band", ColumnType.Text, true),
        new("low", ColumnType.Double),
        new("high", ColumnType.Double),
        new("source", ColumnType.Text, true),
    ], ["metric", "band"]);
}
