namespace Ciclo.Catalog;

/// <summary>Which way is good for a metric.</summary>
public enum Direction { Up, Down, Neutral }
