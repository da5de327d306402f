using System.Globalization;
using System.Text;

namespace Ciclo.Import;

/// <summary>
/// An RFC 4180 CSV reader that keeps the physical line of every record (a quoted value may
/// span lines). The separator is a comma, a semicolon or a tab, detected from the header line
/// (the one of them that appears most often outside quotes) unless declared. Records end with
/// LF, CRLF or a lone CR; a line break inside a quoted value is kept as LF. The text is decoded
/// by <see cref="TextInput"/>: UTF-8 or a declared encoding, strictly.
/// </summary>
public sealed class CsvRowSource : IRowSource
{
    private readonly string _path;
    private readonly TextInput _input;
    private readonly char _delimiter;
    private readonly IReadOnlyList<string> _header;
    private string _pending = string.Empty;
    private int _pendingPos;
    private long _line = 1;

    public CsvRowSource(string path, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        _path = path;
        _input = new TextInput(path, options.Encoding);
        try
        {
            _delimiter = DetectDelimiter(options.Delimiter);
            var header = ReadRecord(out _);
            if (header is null || header.All(string.IsNullOrWhiteSpace))
            {
                throw new FileRefusedException(path, "FileEmpty");
            }

            // A stray byte-order mark (two files joined) is no part of a column name.
            _header = header.Select(h => (h ?? string.Empty).Trim().TrimStart('\uFEFF').Trim()).ToArray();
            Format = new SourceFormat("csv", _input.EncodingName, _delimiter);
        }
        catch
        {
            _input.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Header => _header;

    public double Progress => _input.Progress;

    public SourceFormat Format { get; }

    public IEnumerable<RawRow> ReadRows()
    {
        while (true)
        {
            var record = ReadRecord(out var startLine);
            if (record is null)
            {
                yield break;
            }

            if (record.Length == 1 && string.IsNullOrEmpty(record[0]))
            {
                continue; // a blank line
            }

            yield return new RawRow(startLine, record, null, ExtraValues(record));
        }
    }

    /// <summary>Values beyond the header's columns would be lost: the row is rejected instead
    /// (empty trailing values, as spreadsheets write them, are harmless).</summary>
    private RowIssue[]? ExtraValues(string?[] record)
    {
        if (record.Length <= _header.Count)
        {
            return null;
        }

        var extra = record.Skip(_header.Count).ToList();
        if (extra.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var first = _header.Count + extra.FindIndex(v => !string.IsNullOrWhiteSpace(v)) + 1;
        return [new RowIssue("#" + first.ToString(CultureInfo.InvariantCulture), string.Join(_delimiter, extra).Trim(_delimiter),
            "extra_values", _header.Count.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>Reads the header line ahead (it is read again as the first record) and counts the
    /// candidate separators outside quotes. A first line <c>sep=;</c>, as Excel writes it to name
    /// the separator, names it and is skipped.</summary>
    private char DetectDelimiter(char? declared)
    {
        var line = new StringBuilder();
        var inQuotes = false;
        int comma = 0, semicolon = 0, tab = 0;
        int c;
        while ((c = _input.Read()) != -1)
        {
            line.Append((char)c);
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                if (c is '\n' or '\r')
                {
                    break;
                }

                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }

        var text = line.ToString();
        var hint = text.TrimEnd('\r', '\n');
        if (hint.Length == 5 && hint.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            if (_input.Peek() == '\n' && text.EndsWith('\r'))
            {
                _input.Read();
            }

            _line++;
            return declared is null ? hint[4] : DetectDelimiter(declared);
        }

        _pending = text;
        return declared ?? (semicolon > comma && semicolon >= tab ? ';' : tab > comma && tab > semicolon ? '\t' : ',');
    }

    private int Next()
    {
        if (_pendingPos < _pending.Length)
        {
            return _pending[_pendingPos++];
        }

        return _input.Read();
    }

    private int Peek() => _pendingPos < _pending.Length ? _pending[_pendingPos] : _input.Peek();

    private string?[]? ReadRecord(out long startLine)
    {
        startLine = _line;
        var values = new List<string?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        var wasQuoted = false;
        while (true)
        {
            var c = Next();
            if (c == -1)
            {
                if (!any)
                {
                    return null;
                }

                if (inQuotes)
                {
                    throw new FileRefusedException(_path, "FileUnclosedQuote", startLine);
                }

                values.Add(Finish(field, wasQuoted));
                return [.. values];
            }

            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Next();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == '\r')
                {
                    if (Peek() == '\n')
                    {
                        Next();
                    }

                    _line++;
                    field.Append('\n');
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append((char)c);
                }

                continue;
            }

            if (c == _delimiter)
            {
                values.Add(Finish(field, wasQuoted));
                field.Clear();
                wasQuoted = false;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    inQuotes = true;
                    wasQuoted = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && Peek() == '\n')
                    {
                        Next();
                    }

                    _line++;
                    values.Add(Finish(field, wasQuoted));
                    return [.. values];
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }

    private static string? Finish(StringBuilder field, bool quoted) =>
        field.Length == 0 && !quoted ? null : field.ToString();

    public void Dispose() => _input.Dispose();
}
