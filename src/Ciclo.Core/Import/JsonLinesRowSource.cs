using System.Text.Json;

namespace Ciclo.Import;

/// <summary>JSON Lines: one object per line; the header is the union of the keys of all objects,
/// in order of first appearance. Numbers and booleans are read back as their JSON text.</summary>
public sealed class JsonLinesRowSource : IRowSource
{
    private readonly List<string> _header = [];
    private readonly List<RawRow> _rows = [];
    private double _progress;

    public JsonLinesRowSource(string path, ImportOptions? options = null)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var parsed = new List<(long Line, Dictionary<int, string?> Values, HashSet<int> Typed, List<RowIssue>? Issues)>();
        long line = 0;
        using (var reader = new TextInput(path, (options ?? ImportOptions.Default).Encoding))
        {
            Format = new SourceFormat("jsonl", reader.EncodingName);
            string? text;
            while ((text = reader.ReadLine()) is not null)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var values = new Dictionary<int, string?>();
                var typed = new HashSet<int>(); // JSON numbers and booleans: already in ISO form, never read in a culture
                List<RowIssue>? issues = null;
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

                        if (values.ContainsKey(i))
                        {
                            // A field written twice in one object: which value is meant cannot be told.
                            (issues ??= []).Add(new RowIssue(_header[i], property.Value.ToString(), "repeated_field", null));
                        }

                        if (property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                        {
                            typed.Add(i);
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
                catch (InvalidOperationException e)
                {
                    // A string escape that is no text, such as a lone surrogate \ud800.
                    throw new FileRefusedException(path, "FileJsonInvalid", line, e.Message);
                }

                parsed.Add((line, values, typed, issues));
            }
        }

        foreach (var (rowLine, values, typedColumns, issues) in parsed)
        {
            var array = new string?[_header.Count];
            foreach (var (i, v) in values)
            {
                array[i] = v;
            }

            var typedArray = new bool[_header.Count];
            foreach (var i in typedColumns)
            {
                typedArray[i] = true;
            }

            _rows.Add(new RawRow(rowLine, array, typedArray, issues));
        }

        if (_header.Count == 0)
        {
            throw new FileRefusedException(path, "FileEmpty");
        }

    }

    public IReadOnlyList<string> Header => _header;

    public double Progress => _progress;

    public SourceFormat Format { get; private set; } = new("jsonl");

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
