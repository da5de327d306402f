namespace Ciclo.Warehouse;

/// <summary>The warehouse engines a workspace can live in.</summary>
public enum Engine { DuckDb, Postgres, ClickHouse }
