using System.Globalization;
using System.Text;
using System.Text.Json;
using Ciclo.Import;
using Ciclo.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Ciclo.Tests.Import;

/// <summary>
/// Property-based tests (FsCheck): generated files of survey answers, valid and broken in random
/// ways, written as CSV (any separator, line end and byte-order mark) or JSON Lines, with free text
/// full of quotes, separators, line breaks and scripts. Every generated row must be either loaded
/// exactly (the stored values are the written ones) or quarantined with its line and reason;
/// never lost, never loaded twice, and the summary's counts must add up.
/// </summary>
public sealed class ImportProperties : IDisposable
{
    private readonly TestWorkspace _ws = new();
    private int _run;

    /// <summary>What is wrong with a generated row (None: nothing), and the rejection it earns.</summary>
    public enum Fault { None, ScoreAbove, ScoreBelow, ScoreNotInteger, DateMalformed, DateImpossible, NoKey, NoDate, LanguageMalformed, ExtraValue }

    public sealed record Row(string Key, Fault Fault, int Score, string Comment, string Language, int Day);

    public sealed record FileSpec(List<Row> Rows, bool Json, char Delimiter, string LineEnd, bool Bom);

    private static readonly string[] Pieces =
        ["a", "Z", "0", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", "é", "مرحبا", "中文", "😀", "'", "\\", "=1+1", "\u200f", "Ünïcödé", "{\"x\":1}"];

    private static Gen<string> Comment =>
        Gen.Frequency((1, Gen.Constant(string.Empty)), (6, Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p))));

    private static Gen<Row> RowGen(Gen<string> keys) =>
        from key in keys
        from fault in Gen.Frequency((6, Gen.Constant(Fault.None)), (4, Gen.Elements(Enum.GetValues<Fault>().Where(f => f != Fault.None).ToArray())))
        from score in Gen.Choose(0, 10)
        from comment in Comment
        from language in Gen.Elements("en", "it", "ar", "pt-BR", "")
        from day in Gen.Choose(1, 28)
        select new Row(key, fault, score, comment, language, day);

    private static Gen<FileSpec> FileGen(Gen<string> keys, bool allowExtra) =>
        from rows in RowGen(keys).NonEmptyListOf()
        from json in Gen.Elements(false, true)
        from delimiter in Gen.Elements(',', ';', '\t')
        from lineEnd in Gen.Elements("\n", "\r\n")
        from bom in Gen.Elements(false, true)
        select new FileSpec(
            rows.Select(r => r.Fault == Fault.ExtraValue && (json || !allowExtra) ? r with { Fault = Fault.None } : r).ToList(),
            json, delimiter, lineEnd, bom);

    /// <summary>Unique keys: each row is loaded exactly or quarantined.</summary>
    [Fact]
    public void Every_generated_row_is_loaded_exactly_or_quarantined_never_lost_never_duplicated()
    {
        var unique = Gen.Constant(string.Empty); // replaced by a per-row key when written
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(FileGen(unique, true).ToArbitrary(), spec =>
        {
            var rows = spec.Rows.Select((r, i) => r with { Key = "K" + i.ToString(CultureInfo.InvariantCulture) }).ToList();
            Verify(spec with { Rows = rows });
        }));
    }

    /// <summary>Keys drawn from a small pool: identical repeats load once, conflicting ones are
    /// all rejected as ambiguous, broken rows are rejected for their own reason.</summary>
    [Fact]
    public void Repeated_keys_load_once_when_identical_and_are_all_quarantined_when_they_conflict()
    {
        var pool = Gen.Elements("A", "B", "C");
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(FileGen(pool, true).ToArbitrary(), spec =>
        {
            // Few distinct values, so that identical repeats are common.
            var rows = spec.Rows.Select(r => r with { Score = r.Score % 2, Comment = r.Comment.Length % 2 == 0 ? string.Empty : "x", Day = 1 + (r.Day % 2) }).ToList();
            Verify(spec with { Rows = rows });
        }));
    }

    private void Verify(FileSpec spec)
    {
        var run = "P" + (++_run).ToString(CultureInfo.InvariantCulture) + "-";
        var rows = spec.Rows.Select(r => r with { Key = run + r.Key }).ToList();
        var (path, lines) = Write(spec, rows, run);
        var summary = _ws.Import("surveys", path);

        // The model: what must happen to every line.
        var expectedRejections = new Dictionary<long, string>();
        var valid = rows.Select((r, i) => (Row: r, Line: lines[i])).Where(x => x.Row.Fault == Fault.None && Stored(x.Row, spec.Json) is not null).ToList();
        foreach (var (r, line) in rows.Select((r, i) => (r, lines[i])).Where(x => x.r.Fault != Fault.None))
        {
            expectedRejections[line] = Reason(r.Fault);
        }

        var loaded = new Dictionary<string, Row>();
        long repeated = 0;
        foreach (var group in valid.GroupBy(x => x.Row.Key))
        {
            var first = group.First();
            if (group.All(x => Stored(x.Row, spec.Json) == Stored(first.Row, spec.Json)))
            {
                loaded[group.Key] = first.Row;
                repeated += group.Count() - 1;
            }
            else
            {
                foreach (var x in group)
                {
                    expectedRejections[x.Line] = "ambiguous_key";
                }
            }
        }

        Assert.Equal((long)rows.Count, summary.Read);
        Assert.Equal((loaded.Count, repeated, expectedRejections.Count), ((int)summary.Inserted, summary.Repeated, (int)summary.Rejected));
        Assert.Equal(summary.Read, summary.Inserted + summary.Updated + summary.Unchanged + summary.Repeated + summary.Rejected);

        var table = ValidationSpace.Read(_ws.Workspace.Connection,
                $"SELECT response_id, score, comment, language, answered_on FROM surveys WHERE response_id LIKE '{run}%'", 5)
            .ToDictionary(r => (string)r[0]!, r => (Convert.ToInt32(r[1], CultureInfo.InvariantCulture), (string?)r[2], (string?)r[3], Day(r[4])));
        Assert.Equal(loaded.Keys.Order(), table.Keys.Order());
        foreach (var (key, row) in loaded)
        {
            Assert.Equal(Stored(row, spec.Json), table[key]);
        }

        var quarantine = Importer.Quarantine(_ws.Workspace, "surveys").Where(q => q.File == Path.GetFileName(path)).ToList();
        Assert.Equal(expectedRejections.Keys.Order(), quarantine.Select(q => q.Line).Distinct().Order());
        foreach (var (line, reason) in expectedRejections)
        {
            Assert.Contains(quarantine, q => q.Line == line && q.Reason == reason);
        }
    }

    private static int Day(object? value) => value switch
    {
        DateOnly d => d.Day,
        DateTime t => t.Day,
        _ => -1,
    };

    /// <summary>The values a valid row must be stored with: text trimmed, empty as null, and in CSV
    /// a line break inside a quoted value as LF (JSON strings keep their characters exactly).</summary>
    private static (int, string?, string?, int)? Stored(Row r, bool json)
    {
        var comment = (json ? r.Comment : r.Comment.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')).Trim();
        return (r.Score, comment.Length == 0 ? null : comment, r.Language.Length == 0 ? null : r.Language, r.Day);
    }

    private static string Reason(Fault fault) => fault switch
    {
        Fault.ScoreAbove => "above_maximum",
        Fault.ScoreBelow => "below_minimum",
        Fault.ScoreNotInteger => "not_an_integer",
        Fault.DateMalformed or Fault.DateImpossible => "not_a_date",
        Fault.NoKey or Fault.NoDate => "required",
        Fault.LanguageMalformed => "not_a_language",
        Fault.ExtraValue => "extra_values",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>The written values of a row, with its fault applied.</summary>
    private static string?[] Values(Row r) =>
    [
        r.Fault == Fault.NoKey ? " " : r.Key,
        r.Fault switch
        {
            Fault.NoDate => null,
            Fault.DateMalformed => $"{r.Day:00}/03/2024",
            Fault.DateImpossible => "2024-02-30",
            _ => $"2024-03-{r.Day:00}",
        },
        r.Fault switch
        {
            Fault.ScoreAbove => (11 + r.Score).ToString(CultureInfo.InvariantCulture),
            Fault.ScoreBelow => (-1 - r.Score).ToString(CultureInfo.InvariantCulture),
            Fault.ScoreNotInteger => r.Score.ToString(CultureInfo.InvariantCulture) + ".5",
            _ => r.Score.ToString(CultureInfo.InvariantCulture),
        },
        r.Comment,
        r.Fault == Fault.LanguageMalformed ? "en_US" : r.Language,
    ];

    private static readonly string[] Header = ["response_id", "answered_on", "score", "comment", "language"];

    /// <summary>Writes the file and returns its path and the physical line of every row.</summary>
    private (string Path, long[] Lines) Write(FileSpec spec, List<Row> rows, string run)
    {
        var text = new StringBuilder();
        var lines = new long[rows.Count];
        long line = 1;
        if (spec.Json)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var values = Values(rows[i]);
                var fields = Header.Zip(values).Select(p => JsonSerializer.Serialize(p.First) + ":" + JsonSerializer.Serialize(p.Second));
                text.Append('{').Append(string.Join(",", fields)).Append('}').Append(spec.LineEnd);
                lines[i] = line++;
            }
        }
        else
        {
            string Field(string? v) => v is null ? string.Empty : "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            text.Append(string.Join(spec.Delimiter, Header)).Append(spec.LineEnd);
            line++;
            for (var i = 0; i < rows.Count; i++)
            {
                var values = Values(rows[i]).Select(Field).ToList();
                if (rows[i].Fault == Fault.ExtraValue)
                {
                    values.Add("surplus");
                }

                text.Append(string.Join(spec.Delimiter, values)).Append(spec.LineEnd);
                lines[i] = line;
                var written = values.Sum(v => v.Count(c => c == '\n') + CountLoneCr(v));
                line += 1 + written;
            }
        }

        var path = Path.Combine(_ws.Folder, run + (spec.Json ? "answers.jsonl" : "answers.csv"));
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        File.WriteAllBytes(path, spec.Bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes);
        return (path, lines);
    }

    private static int CountLoneCr(string v) => v.Select((c, i) => c == '\r' && (i + 1 >= v.Length || v[i + 1] != '\n')).Count(x => x);

    public void Dispose() => _ws.Dispose();
}
