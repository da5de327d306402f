using System.Globalization;
using System.Text;

namespace Ciclo.Import;

/// <summary>
/// How to read a file when its form is not the default: the culture of its numbers and dates
/// (default: the invariant ISO forms of DATA.md), its text encoding (default: UTF-8, or what its
/// byte-order mark says), its CSV separator (default: detected from the header line) and the
/// Excel sheet to read (default: the first).
/// </summary>
public sealed record ImportOptions
{
    public static readonly ImportOptions Default = new();

    /// <summary>The culture of numbers and dates; null for the ISO forms of DATA.md.</summary>
    public ValueCulture? Culture { get; init; }

    /// <summary>A declared text encoding; null to read UTF-8 (or UTF-16 with a byte-order mark).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>A declared CSV separator; null to detect it.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The Excel sheet to read; null for the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Builds options from the words a person typed; a word that names nothing known
    /// throws <see cref="ImportOptionException"/>.</summary>
    public static ImportOptions Parse(string? culture, string? encoding, string? delimiter, string? sheet) => new()
    {
        Culture = culture is null || culture.Trim().ToLowerInvariant() is "iso" or "invariant" or "" ? null : ValueCulture.Parse(culture),
        Encoding = encoding is null ? null : ParseEncoding(encoding),
        Delimiter = delimiter is null ? null : ParseDelimiter(delimiter),
        Sheet = string.IsNullOrWhiteSpace(sheet) ? null : sheet.Trim(),
    };

    public const string Encodings = "utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, iso-8859-15";

    public static Encoding ParseEncoding(string name)
    {
        var fallback = DecoderFallback.ExceptionFallback;
        return name.Trim().ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => new UTF8Encoding(false, true),
            "utf-16le" or "utf-16" or "utf16" or "unicode" => new UnicodeEncoding(false, false, true),
            "utf-16be" => new UnicodeEncoding(true, false, true),
            "windows-1252" or "cp1252" or "1252" => CodePage(1252),
            "iso-8859-1" or "latin1" or "latin-1" => Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, fallback),
            "iso-8859-15" or "latin9" or "latin-9" => CodePage(28605),
            _ => throw new ImportOptionException("BadEncoding", name, Encodings),
        };

        static Encoding CodePage(int page) =>
            CodePagesEncodingProvider.Instance.GetEncoding(page, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            ?? throw new ImportOptionException("BadEncoding", page.ToString(CultureInfo.InvariantCulture), Encodings);
    }

    public static char ParseDelimiter(string text) => text switch
    {
        "," or "comma" => ',',
        ";" or "semicolon" => ';',
        "\t" or "\\t" or "tab" => '\t',
        "|" or "pipe" => '|',
        _ => throw new ImportOptionException("BadDelimiter", text),
    };
}
