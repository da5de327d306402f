using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Ciclo.Dialects;
using Ciclo.Warehouse;
using DuckDB.NET.Data;

namespace Ciclo.Import;

/// <summary>
/// Stages a plain CSV file through DuckDB's own parallel reader instead of <see cref="CsvRowSource"/>,
/// only where both are sure to read the same records, so that every value and every line named in
/// the quarantine stays the same. A file qualifies when a scan of its bytes finds: UTF-8 (a
/// byte-order mark allowed) with no NUL; every line break LF or CRLF, no other CR, and only LF
/// within a quoted value (Ciclo's reader keeps a line break inside a value as LF); no blank line
/// between records (which the reader skips); no <c>sep=</c> line; in every record exactly as many
/// values as the header has; and every quote canonical (a value either unquoted and free of
/// quotes, or wholly quoted with inner quotes doubled). A record is one line, or, where a quoted
/// value holds line feeds, the lines up to its closing quote; its line is the one it starts on,
/// its position plus one plus the lines the records before it added (<see cref="CsvShape.Shifts"/>).
/// Anything else (a culture to translate, another encoding, a row with surplus values) is read by
/// <see cref="CsvRowSource"/>, which keeps each record's line however it is written; so is a file
/// whose path DuckDB would read as a pattern of files. A value padded with anything but spaces
/// (which DuckDB's <c>trim</c> removes as <see cref="string.Trim()"/> does), a line feed at either
/// end of a value included, is left to it too. An empty value is missing, as there.
/// </summary>
internal static class NativeCsvStaging
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>DuckDB reads a path with these as a pattern of files (<c>export [2024].csv</c> would
    /// match <c>export 2.csv</c>): such a file is left to Ciclo's reader.</summary>
    private static readonly SearchValues<char> GlobCharacters = SearchValues.Create("*?[]{}");

    /// <summary>Reads the file into <paramref name="table"/> and returns how many records it holds;
    /// null when the file does not qualify, and nothing is left behind. The table holds each record's
    /// <c>line</c>, then <paramref name="columns"/>: expressions over the entity's values as text
    /// (aliased <c>s</c>, named after the entity's columns, in the entity's order), by default those
    /// values themselves. The importer passes its typed columns, so that the file's text is read in
    /// its types as DuckDB parses it instead of being written as text first and copied again (a
    /// sixth of an events import at M).</summary>
    public static long? TryStage(DuckDBConnection v, string table, EntitySchema entity, string path, ImportOptions options,
        SourceFormat format, int headerCount, int?[] mapping, string? columns = null)
    {
        if (options.Culture is not null || path.AsSpan().ContainsAny(GlobCharacters) || format.Type != "csv" || format.Encoding is not ("UTF-8" or "UTF-8 BOM") || format.Delimiter is not { } delimiter
            || delimiter > 0x7F || Shape(path, (byte)delimiter, headerCount) is not { } shape)
        {
            return null;
        }

        var (records, spaces, shifts) = shape;
        var d = DuckDbDialect.Instance;
        var fileColumns = string.Join(", ", Enumerable.Range(0, headerCount).Select(i => $"'c{i}': 'VARCHAR'"));
        var values = entity.Columns.Select((c, j) => (mapping[j] is { } i ? Value("c" + i.ToString(CultureInfo.InvariantCulture), spaces) : "CAST(NULL AS VARCHAR)")
            + " AS " + d.QuoteIdentifier(c.Name));
        columns ??= string.Join(", ", entity.Columns.Select(c => "s." + d.QuoteIdentifier(c.Name)));
        try
        {
            // The rows keep the file's order (DuckDB preserves insertion order), so that a row's
            // position gives its line; it is written once all are in.
            v.Execute($"CREATE TEMP TABLE {table} AS SELECT CAST(NULL AS BIGINT) AS line, {columns} FROM (SELECT {string.Join(", ", values)} " +
                      $"FROM read_csv({d.Literal(path)}, auto_detect = false, header = false, skip = 1, delim = {d.Literal(delimiter.ToString())}, " +
                      $"quote = '\"', escape = '\"', all_varchar = true, strict_mode = true, columns = {{{fileColumns}}})) AS s");
        }
        catch (DuckDBException)
        {
            v.Execute("DROP TABLE IF EXISTS " + table);
            return null;
        }

        if (v.Count($"SELECT count(*) FROM {table}") != records)
        {
            v.Execute("DROP TABLE " + table);
            return null;
        }

        if (shifts.Count == 0)
        {
            v.Execute($"UPDATE {table} SET line = rowid + 2");
            return records;
        }

        // Records spanning lines push the lines of those after them further down: each row takes the
        // shift of the last entry at or before it.
        var shiftTable = table + "_line_shifts";
        v.Execute($"CREATE TEMP TABLE {shiftTable} (record BIGINT, extra BIGINT)");
        using (var appender = v.CreateAppender(shiftTable))
        {
            foreach (var (record, extra) in shifts)
            {
                appender.CreateRow().AppendValue(record).AppendValue(extra).EndRow();
            }
        }

        v.Execute($"UPDATE {table} SET line = x.line FROM (SELECT t.rowid AS r, t.rowid + 2 + coalesce(p.extra, 0) AS line FROM {table} AS t " +
                  $"ASOF LEFT JOIN {shiftTable} AS p ON t.rowid >= p.record) AS x WHERE {table}.rowid = x.r");
        v.Execute("DROP TABLE " + shiftTable);
        return records;
    }

    /// <summary>A value as Ciclo's reader gives it: trimmed (when some value has spaces to trim), and missing when empty.</summary>
    private static string Value(string column, bool spaces) => $"nullif({(spaces ? $"trim({column})" : column)}, '')";

    /// <summary>A file of at least twice this many bytes is scanned in parts, one per core.</summary>
    internal const long SegmentBytes = 32L << 20;

    /// <summary>What the file holds when it qualifies (<see cref="CsvShape"/>); null when it does not, or a
    /// value is padded with other white space than spaces (a tab, a no-break space), which only Ciclo's
    /// reader trims.
    /// A large file is scanned in parts on as many threads (each part starts after a line feed, so
    /// the parts hold the very lines a scan from the start finds): M's events take 0.30 s on one
    /// thread, 0.23 s in two parts (<c>bench/scale scan</c>).</summary>
    internal static CsvShape? Shape(string path, byte delimiter, int headerCount) =>
        Shape(path, delimiter, headerCount, (int)Math.Clamp(new FileInfo(path).Length / SegmentBytes, 1, Environment.ProcessorCount));

    /// <summary>
    /// The same, scanned in <paramref name="parts"/> parts. A part stops where a quoted value goes on
    /// past its line: a part that starts inside such a value would read its lines wrongly, so the
    /// file is then scanned again from the start on one thread, records spanning lines followed.
    /// </summary>
    internal static CsvShape? Shape(string path, byte delimiter, int headerCount, int parts)
    {
        var length = new FileInfo(path).Length;
        var starts = new long[parts + 1];
        starts[parts] = length;
        for (var i = 1; i < parts; i++)
        {
            starts[i] = Math.Max(starts[i - 1], NextLineStart(path, length / parts * i));
        }

        var scanned = new (long Lines, bool Spaces, bool Spans)?[parts];
        Parallel.For(0, parts, i => scanned[i] = Scan(path, starts[i], starts[i + 1], first: i == 0, delimiter, headerCount, null));
        if (scanned.Any(p => p is { Spans: true }))
        {
            var shifts = new List<(long Record, long Extra)>();
            return Scan(path, 0, length, first: true, delimiter, headerCount, shifts) is { } whole ? new CsvShape(whole.Lines - 1, whole.Spaces, shifts) : null;
        }

        return scanned.Any(p => p is null) ? null : new CsvShape(scanned.Sum(p => p!.Value.Lines) - 1, scanned.Any(p => p!.Value.Spaces), []);
    }

    /// <summary>The offset just past the first line feed at or after <paramref name="offset"/> (the file's length when none).</summary>
    private static long NextLineStart(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        stream.Position = offset;
        var buffer = new byte[64 << 10];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            var at = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (at >= 0)
            {
                return offset + at + 1;
            }

            offset += n;
        }

        return offset;
    }

    /// <summary>
    /// How many records the bytes from <paramref name="start"/> to <paramref name="end"/> hold (a last
    /// line without its line feed counted), each checked; the first part's first line is the header,
    /// after a byte-order mark and never a <c>sep=</c> line. A record whose quoted value goes on past
    /// its line (an odd number of quotes so far) either stops the scan (<c>Spans</c>, when
    /// <paramref name="shifts"/> is null) or is joined with the lines that close it and checked whole,
    /// its line feeds inside its value, and the lines it adds recorded in <paramref name="shifts"/>.
    /// </summary>
    private static (long Lines, bool Spaces, bool Spans)? Scan(string path, long start, long end, bool first, byte delimiter, int headerCount,
        List<(long Record, long Extra)>? shifts)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = start;
        var left = end - start;
        var buffer = new byte[ChunkBytes];
        var filled = 0;
        long lines = 0;
        long extra = 0;
        var spaces = false;
        // The record read so far when a quoted value goes on past its line, and how many lines it spans.
        var joined = new System.Buffers.ArrayBufferWriter<byte>();
        var joinedLines = 0;
        while (true)
        {
            var n = stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, left));
            left -= n;
            filled += n;
            var whole = n == 0 ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (whole == 0 && n > 0 && filled == buffer.Length)
            {
                return null; // a line longer than the buffer
            }

            ReadOnlySpan<byte> span = buffer.AsSpan(0, whole);
            if (!Utf8.IsValid(span) || span.Contains((byte)0))
            {
                return null;
            }

            while (span.Length > 0)
            {
                var stop = span.IndexOf((byte)'\n');
                var line = stop < 0 ? span : span[..stop];
                span = stop < 0 ? [] : span[(stop + 1)..];
                if (first)
                {
                    first = false;
                    if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        line = line[3..];
                    }

                    if ((line.Length >= 4 && System.Text.Ascii.EqualsIgnoreCase(line[..4], "sep="u8)) || line.Count((byte)'"') % 2 != 0)
                    {
                        return null; // a sep= line, or a header going on past its line
                    }
                }

                // An odd number of quotes opens a value the line does not close, or closes one a line before opened.
                var oddQuotes = line.Count((byte)'"') % 2 != 0;
                if (joinedLines == 0 && oddQuotes && shifts is null)
                {
                    return (lines, spaces, true);
                }

                if (joinedLines > 0 || oddQuotes)
                {
                    joined.Write(line);
                    joinedLines++;
                    if (joined.WrittenCount > ChunkBytes)
                    {
                        return null; // a record longer than the buffer
                    }

                    if (joinedLines == 1 || !oddQuotes)
                    {
                        joined.Write("\n"u8);
                        continue;
                    }

                    line = joined.WrittenSpan;
                }

                if (!LineQualifies(line, delimiter, headerCount, ref spaces))
                {
                    return null;
                }

                if (joinedLines > 1)
                {
                    // The records after this one start joinedLines - 1 lines further down.
                    extra += joinedLines - 1;
                    shifts!.Add((lines, extra));
                }

                joined.ResetWrittenCount();
                joinedLines = 0;
                lines++;
            }

            if (n == 0)
            {
                return joinedLines > 0 ? null : (lines, spaces, false); // null: a quote never closed
            }

            buffer.AsSpan(whole, filled - whole).CopyTo(buffer);
            filled -= whole;
        }
    }

    /// <summary>The first byte of every character <see cref="char.IsWhiteSpace(char)"/> holds in UTF-8.</summary>
    private static readonly SearchValues<byte> WhiteSpaceStarts = SearchValues.Create([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3]);

    /// <summary>A line of exactly <paramref name="headerCount"/> values, each unquoted without a
    /// quote or wholly quoted on this line, no CR but the one ending it, and no value padded with
    /// white space other than spaces (<paramref name="spaces"/> is set when one is padded with spaces).</summary>
    private static bool LineQualifies(ReadOnlySpan<byte> line, byte delimiter, int headerCount, ref bool spaces)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        if (line.Length == 0 || line.Contains((byte)'\r') || line.SequenceEqual("\"\""u8))
        {
            return false; // a blank line, a lone CR, or a blank line written as one empty quoted value
        }

        if (!line.Contains((byte)'"') && !line.ContainsAny(WhiteSpaceStarts))
        {
            return line.Count(delimiter) == headerCount - 1;
        }

        var values = 0;
        var i = 0;
        while (true)
        {
            ReadOnlySpan<byte> value;
            if (i < line.Length && line[i] == '"')
            {
                var open = ++i;
                while (true)
                {
                    var close = line[i..].IndexOf((byte)'"');
                    if (close < 0)
                    {
                        return false; // the value goes on past the line
                    }

                    i += close + 1;
                    if (i < line.Length && line[i] == '"')
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                value = line[open..(i - 1)];
                if (i < line.Length && line[i] != delimiter)
                {
                    return false; // text after the closing quote
                }
            }
            else
            {
                var next = line[i..].IndexOfAny(delimiter, (byte)'"');
                var end = next < 0 ? line.Length : i + next;
                if (next >= 0 && line[end] == '"')
                {
                    return false; // a quote inside an unquoted value
                }

                value = line[i..end];
                i = end;
            }

            values++;
            var trimmed = value.Trim((byte)' ');
            if (trimmed.Length > 0 && (IsWhiteSpace(Rune.DecodeFromUtf8(trimmed, out var head, out _), head) || IsWhiteSpace(Rune.DecodeLastFromUtf8(trimmed, out var tail, out _), tail)))
            {
                return false;
            }

            spaces |= trimmed.Length != value.Length;
            if (i >= line.Length)
            {
                return values == headerCount;
            }

            i++; // past the delimiter
        }
    }

    private static bool IsWhiteSpace(System.Buffers.OperationStatus status, Rune rune) =>
        status == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune);
}
