using System.Text;
using System.Text.Json;

namespace Ciclo.Import;

/// <summary>JSON Lines: one object per line; the header is the union of the keys of all objects,
/// in order of first appearance. Numbers and booleans are read back as their JSON text.</summary>
public sealed class JsonLinesRowSource : IRowSource
{
    private readonly List<string> _header = [];
    private readonly List<RawRow> _rows = [];
    private double _progress;

    public JsonLinesRowSource(string path)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var parsed = new List<(long Line, Dictionary<int, string?> Values)>();
        long line = 0;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
            string? text;
            while ((text = reader.ReadLine()) is not null)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var values = new Dictionary<int, string?>();
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new FileRefusedException(path, "FileJsonNotObject", line);
                    }

                    foreach (var property in doc.RootElement.EnumerateObject())
                    {
                        if (!index.TryGetValue(property.Name, out var i))
                        {
                            i = _header.Count;
                            index[property.Name] = i;
                            _header.Add(property.Name);
                        }

                        values[i] = property.Value.ValueKind switch
                        {
                            JsonValueKind.Null => null,
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Number => property.Value.GetRawText(),
                            JsonValueKind.True => "true",
                            JsonValueKind.False => "false",
                            _ => property.Value.GetRawText(),
                        };
                    }
                }
                catch (JsonException e)
                {
                    throw new FileRefusedException(path, "FileJsonInvalid", line, e.Message);
                }

                parsed.Add((line, values));
            }
        }
        catch (DecoderFallbackException)
        {
            throw new FileRefusedException(path, "FileNotUtf8", line + 1);
        }

        foreach (var (rowLine, values) in parsed)
        {
            var array = new string?[_header.Count];
            foreach (var (i, v) in values)
            {
                array[i] = v;
            }

            _rows.Add(new RawRow(rowLine, array));
        }

        if (_header.Count == 0)
        {
            throw new FileRefusedException(path, "FileEmpty");
        }

    }

    public IReadOnlyList<string> Header => _header;

    public double Progress => _progress;

    public IEnumerable<RawRow> ReadRows()
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            _progress = (double)(i + 1) / _rows.Count;
            yield return _rows[i];
        }
    }

    public void Dispose()
    {
    }
}
