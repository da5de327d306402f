using System.Text;

namespace Ciclo.Import;

/// <summary>
/// An RFC 4180 CSV reader that keeps the physical line of every record (a quoted value may
/// span lines). Input must be UTF-8 (a BOM is allowed); invalid bytes refuse the file.
/// </summary>
public sealed class CsvRowSource : IRowSource
{
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly StreamReader _reader;
    private long _line = 1;
    private readonly IReadOnlyList<string> _header;

    public CsvRowSource(string path)
    {
        _path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _reader = new StreamReader(_stream, new UTF8Encoding(false, throwOnInvalidBytes: true), true, 1 << 16);
        var header = ReadRecord(out _);
        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            throw new FileRefusedException(path, "FileEmpty");
        }

        _header = header.Select(h => (h ?? string.Empty).Trim()).ToArray();
    }

    public IReadOnlyList<string> Header => _header;

    public double Progress => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

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

            yield return new RawRow(startLine, record);
        }
    }

    private string?[]? ReadRecord(out long startLine)
    {
        startLine = _line;
        var values = new List<string?>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        var wasQuoted = false;
        try
        {
            while (true)
            {
                var c = _reader.Read();
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
                        if (_reader.Peek() == '"')
                        {
                            _reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                        }
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

                switch (c)
                {
                    case '"' when field.Length == 0 && !wasQuoted:
                        inQuotes = true;
                        wasQuoted = true;
                        break;
                    case ',':
                        values.Add(Finish(field, wasQuoted));
                        field.Clear();
                        wasQuoted = false;
                        break;
                    case '\r':
                        break;
                    case '\n':
                        _line++;
                        values.Add(Finish(field, wasQuoted));
                        return [.. values];
                    default:
                        field.Append((char)c);
                        break;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            throw new FileRefusedException(_path, "FileNotUtf8", _line);
        }
    }

    private static string? Finish(StringBuilder field, bool quoted) =>
        field.Length == 0 && !quoted ? null : field.ToString();

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
