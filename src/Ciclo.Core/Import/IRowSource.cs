namespace Ciclo.Import;

/// <summary>A readable input file: its header and its records, all as text.</summary>
public interface IRowSource : IDisposable
{
    /// <summary>The column names as written in the file.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>How far through the file the reader is, from 0 to 1.</summary>
    double Progress { get; }

    /// <summary>How the file is being read (type, encoding, separator, sheet).</summary>
    SourceFormat Format { get; }

    IEnumerable<RawRow> ReadRows();
}
