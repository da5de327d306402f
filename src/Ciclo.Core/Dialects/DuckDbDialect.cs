using Ciclo.Time;

namespace Ciclo.Dialects;

/// <summary>DuckDB, the embedded default.</summary>
public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new(null);

    private readonly ZoneOffsets? _spelled;

    private DuckDbDialect(ZoneOffsets? spelled) => _spelled = spelled;

    public override string Name => "duckdb";

    /// <summary>The dialect of a connection on which <see cref="LocalDayMacro"/> has defined the
    /// zone's local day and <see cref="LocalDayCheck"/> found it equal to the engine's: it spells that
    /// zone's local dates through the macro, every other zone's through <c>timezone</c>.</summary>
    public DuckDbDialect WithLocalDays(ZoneOffsets offsets) => new(offsets);

    /// <summary>The zone whose local dates this dialect spells through its macro, if any.</summary>
    public string? SpelledZone => _spelled?.TimeZone;

    public override string LocalDate(string timestamp, string timeZone) =>
        _spelled is not null && timeZone == _spelled.TimeZone
            ? LocalDayFunction(timeZone) + "(" + timestamp + ")"
            : EngineLocalDate(timestamp, timeZone);

    /// <summary>
    /// A macro, on the connection, for the local day of an instant in a zone. DuckDB's
    /// <c>timezone</c> asks ICU for every instant (about a third of the campaign rates' time at a
    /// million sends); within the span of <see cref="ZoneOffsets"/> the macro adds the offset in
    /// force, found by comparing the instant with the zone's changes halved in turn (a balanced tree
    /// of CASEs, about seven comparisons for sixty years of summer times), and divides by a day's
    /// milliseconds. Outside the span, and for NULL, it is <c>timezone</c>.
    /// </summary>
    public string LocalDayMacro(ZoneOffsets offsets)
    {
        var ms = "epoch_ms(x)";
        return "CREATE OR REPLACE TEMP MACRO " + LocalDayFunction(offsets.TimeZone) + "(x) AS (CASE WHEN " + ms + " >= " + Literal(offsets.FromMs) +
            " AND " + ms + " < " + Literal(offsets.ToMs) + " THEN DATE '1970-01-01' + CAST((" + ms + " + " +
            OffsetTree(ms, offsets.Changes, 0, offsets.Changes.Count, offsets.FirstOffsetMs) + ") // 86400000 AS INTEGER) ELSE " +
            EngineLocalDate("x", offsets.TimeZone) + " END)";
    }

    /// <summary>
    /// How many probes of the span the macro answers differently from DuckDB's own zone rules, in
    /// the offset or in the day: an instant every 25 hours (so every hour of the day in turn) and the
    /// last millisecond before and the first of each change. Offsets are compared, not only days, so
    /// that a change DuckDB makes at another instant is found at that change's edge whatever the hour.
    /// Zero, or the zone's days are left to <c>timezone</c>: the machine's zone rules and DuckDB's
    /// own may differ for a zone whose rules changed lately.
    /// </summary>
    public string LocalDayCheck(ZoneOffsets offsets)
    {
        var edges = offsets.Changes.SelectMany(c => new[] { c.AtMs - 1, c.AtMs }).Select(ms => Literal(ms)).ToList();
        var probes = "SELECT range AS ms FROM range(" + Literal(offsets.FromMs) + ", " + Literal(offsets.ToMs) + ", 90000000)" +
            (edges.Count == 0 ? "" : " UNION ALL SELECT * FROM (VALUES (" + string.Join("), (", edges) + ")) AS v(ms)");
        var instant = "timezone('UTC', epoch_ms(p.ms))";
        var engineOffset = "(epoch_ms(timezone(" + Literal(offsets.TimeZone) + ", " + instant + ")) - p.ms)";
        return "SELECT count(*) FROM (" + probes + ") AS p WHERE " +
            OffsetTree("p.ms", offsets.Changes, 0, offsets.Changes.Count, offsets.FirstOffsetMs) + " <> " + engineOffset + " OR " +
            LocalDayFunction(offsets.TimeZone) + "(" + instant + ") IS DISTINCT FROM " + EngineLocalDate(instant, offsets.TimeZone);
    }

    private string LocalDayFunction(string timeZone) => QuoteIdentifier("local_day " + timeZone);

    private string EngineLocalDate(string timestamp, string timeZone) => "CAST(timezone(" + Literal(timeZone) + ", " + timestamp + ") AS DATE)";

    /// <summary>The offset in force among changes [lo, hi), <paramref name="before"/> being the one before them.</summary>
    private string OffsetTree(string ms, IReadOnlyList<(long AtMs, long OffsetMs)> changes, int lo, int hi, long before)
    {
        if (lo == hi)
        {
            return Literal(before);
        }

        var mid = lo + ((hi - lo) / 2);
        return "CASE WHEN " + ms + " < " + Literal(changes[mid].AtMs) + " THEN " + OffsetTree(ms, changes, lo, mid, before) +
            " ELSE " + OffsetTree(ms, changes, mid + 1, hi, changes[mid].OffsetMs) + " END";
    }

    public override string DaysBetween(string from, string to) => "datediff('day', " + from + ", " + to + ")";

    /// <summary>DuckDB's <c>/</c> divides integers into a fraction; <c>//</c> keeps them whole.</summary>
    public override string DayBlock(string day, int size) =>
        "((" + day + " - DATE '0001-01-01') // " + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

    public override string QuarterHour(string timestamp) => "time_bucket(INTERVAL '15 minutes', " + timestamp + ", 'UTC')";

    public override string Median(string argument) => "median(" + argument + ")";

    public override string Upsert(Import.EntitySchema table, IReadOnlyList<object?> values) =>
        "INSERT OR REPLACE INTO " + QuoteIdentifier(table.Table) + " (" + string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name))) +
        ") VALUES (" + string.Join(", ", values.Select(Literal)) + ")";

    /// <summary>
    /// The imported entities' tables carry no key constraint: the importer enforces their keys
    /// itself (an ambiguous key is rejected, identical repeats kept once, a changed row replaced by
    /// key), and DuckDB keeps a key's index in memory, where it cannot spill: at a hundred million
    /// campaign events the index alone outgrew a 3 GB limit. The small tables Ciclo upserts
    /// (settings, imports, benchmarks, themes) keep theirs.
    /// </summary>
    protected override bool KeyConstraint(Import.EntitySchema table) => base.KeyConstraint(table) && Import.Entities.Find(table.Table) is null;

    /// <summary>
    /// Each column's compression declared, as DuckDB would choose it for Ciclo's data: a dictionary
    /// for text of few values (<see cref="Import.ColumnSpec.FewValues"/>, an enumeration, a currency,
    /// a language), FSST for other text, bit packing for numbers, days, instants and flags. Left to
    /// choose, DuckDB tries every method on every block of every column as it writes it: that trial
    /// took a third of writing the events (M's 9.1M: 3.8 s → 2.5 s declared) and of the per-send rows
    /// (5.6M: 2.6 s → 1.6 s), for the same choices. Doubles are left to DuckDB.
    /// </summary>
    protected override string ColumnStorage(Import.ColumnSpec column) => column.Type switch
    {
        Import.ColumnType.Text => column.FewValues ? " USING COMPRESSION dictionary" : " USING COMPRESSION fsst",
        Import.ColumnType.Enum or Import.ColumnType.Currency or Import.ColumnType.Language => " USING COMPRESSION dictionary",
        Import.ColumnType.Double => string.Empty,
        _ => " USING COMPRESSION bitpacking",
    };

    /// <summary>
    /// A derived table's rows written in the order of the column its rewrites name. DuckDB keeps
    /// each block's least and greatest value of every column and skips the blocks a condition
    /// rules out; rows written in hash order spread every campaign over every block. A day added
    /// to scale L rewrites 11 campaigns' rows among 58M per-send rows and 30M customer rows: their
    /// DELETEs read every block, 0.4-1.1 s together depending on what the buffers held, and 0.03 s
    /// on tables written in campaign order. Sorting the rows costs about as much as the writes save
    /// (a first import of M within its noise).
    /// </summary>
    protected override string Clustered(Import.EntitySchema table, string rowsSql) =>
        table.ClusteredBy is { } column ? "SELECT * FROM (" + rowsSql + ") AS r ORDER BY " + QuoteIdentifier(column) : rowsSql;

    /// <summary>A table made again as <see cref="SqlDialect.CreateTable"/> makes it now, with its rows
    /// (in the order it keeps them, <see cref="Clustered"/>).</summary>
    public IEnumerable<string> Rebuild(Import.EntitySchema table)
    {
        var name = QuoteIdentifier(table.Table);
        var rebuilt = QuoteIdentifier(table.Table + "_rebuilt");
        var columns = string.Join(", ", table.Columns.Select(c => QuoteIdentifier(c.Name)));
        yield return "CREATE TABLE " + rebuilt + " " + TableBody(table);
        yield return "INSERT INTO " + rebuilt + " (" + columns + ") " + Clustered(table, "SELECT " + columns + " FROM " + name);
        yield return "DROP TABLE " + name;
        yield return "ALTER TABLE " + rebuilt + " RENAME TO " + name;
    }

}
