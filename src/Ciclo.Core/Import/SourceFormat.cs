namespace Ciclo.Import;

/// <summary>How a file was read, echoed in the import summary: its type (csv, jsonl, parquet,
/// xlsx), text encoding, CSV separator, Excel sheet, and the culture of its numbers and dates
/// (null: the ISO forms of DATA.md).</summary>
public sealed record SourceFormat(string Type, string? Encoding = null, char? Delimiter = null, string? Sheet = null)
{
    public string? Culture { get; init; }

    /// <summary>The separator as a word: comma, semicolon, tab, pipe.</summary>
    public string? DelimiterName => Delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe",
        null => null,
        var c => c.ToString(),
    };
}
