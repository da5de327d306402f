namespace Ciclo.Import;

/// <summary>The type of an imported column, as DATA.md names them.</summary>
public enum ColumnType
{
    Text,
    Date,
    /// <summary>ISO-8601 with an offset or Z; without one it is read in the workspace's time zone.</summary>
    Timestamp,
    /// <summary>A decimal with '.' as separator and no thousands separator.</summary>
    Decimal,
    Integer,
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>One of a fixed list of lower-case words.</summary>
    Enum,
    /// <summary>An ISO 4217 code: three letters.</summary>
    Currency,
    /// <summary>A BCP-47 language tag such as en, it, ar, pt-BR.</summary>
    Language,
    /// <summary>A binary floating-point number (internal tables only, e.g. benchmark bounds).</summary>
    Double,
}
