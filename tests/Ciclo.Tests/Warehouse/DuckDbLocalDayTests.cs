using Ciclo.Dialects;
using Ciclo.Sql;
using Ciclo.Tests.Support;
using Ciclo.Time;
using Ciclo.Warehouse;
using DuckDB.NET.Data;

namespace Ciclo.Tests.Warehouse;

/// <summary>
/// DuckDB's local days spelled out from the zone's offsets: the macro gives the day DuckDB's own
/// <c>timezone</c> gives, at every probe of its own (independent of the check's), outside the span
/// and for NULL; the check finds a wrong table of offsets; and a workspace uses the macro for its
/// zone only.
/// </summary>
public sealed class DuckDbLocalDayTests
{
    private static DuckDBConnection Memory()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    [Theory]
    [InlineData("Europe/Rome")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")] // +5:30, no summer time
    [InlineData("Asia/Kathmandu")] // +5:45
    [InlineData("America/St_Johns")] // -3:30, summer time
    [InlineData("Australia/Lord_Howe")] // half an hour of summer time
    [InlineData("Pacific/Chatham")] // +12:45, summer time
    [InlineData("UTC")]
    public void The_macro_gives_duckdbs_own_day_everywhere(string zone)
    {
        var offsets = ZoneOffsets.For(zone)!;
        using var connection = Memory();
        var dialect = DuckDbDialect.Instance;
        connection.Execute(dialect.LocalDayMacro(offsets));
        Assert.Equal(0L, connection.Count(dialect.LocalDayCheck(offsets)));

        var spelled = dialect.WithLocalDays(offsets);
        var instant = "timezone('UTC', make_timestamp(p.us))";
        // Every 7 minutes and 13 seconds over two years, a microsecond either side of each change,
        // instants before and after the span, and NULL.
        var probes = "SELECT range AS us FROM range(1704067200000000, 1767225600000000, 433000000)" +
            " UNION ALL SELECT c * 1000 + d FROM (VALUES " +
            (offsets.Changes.Count == 0 ? "(0)" : string.Join(", ", offsets.Changes.Select(c => "(" + c.AtMs + ")"))) + ") AS v(c), (VALUES (-1), (0), (1)) AS e(d)" +
            " UNION ALL SELECT * FROM (VALUES (-2208988800000000), (631151999999999), (2524608000000000), (4102444800000000), (NULL)) AS o(us)";
        var probed = connection.Count($"SELECT count(*) FROM ({probes}) AS p");
        var differing = connection.Count($"SELECT count(*) FROM ({probes}) AS p WHERE {spelled.LocalDate(instant, zone)} IS DISTINCT FROM {dialect.LocalDate(instant, zone)}");
        Assert.True(probed > 145_000, probed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, differing);
    }

    [Fact]
    public void The_check_finds_a_change_an_hour_late_or_a_wrong_first_offset()
    {
        var rome = ZoneOffsets.For("Europe/Rome")!;
        using var connection = Memory();
        var late = rome with { Changes = rome.Changes.Select((c, i) => i == 71 ? (c.AtMs + 3_600_000, c.OffsetMs) : c).ToList() };
        connection.Execute(DuckDbDialect.Instance.LocalDayMacro(late));
        Assert.True(connection.Count(DuckDbDialect.Instance.LocalDayCheck(late)) > 0);

        var wrong = rome with { FirstOffsetMs = 0 };
        connection.Execute(DuckDbDialect.Instance.LocalDayMacro(wrong));
        Assert.True(connection.Count(DuckDbDialect.Instance.LocalDayCheck(wrong)) > 0);
    }

    [Fact]
    public void A_workspace_spells_its_own_zone_and_leaves_others_to_the_engine()
    {
        using var ws = new TestWorkspace(timeZone: "Europe/Rome");
        var dialect = Assert.IsType<DuckDbDialect>(ws.Workspace.Dialect);
        Assert.Equal("Europe/Rome", dialect.SpelledZone);
        var at = Sql.Sql.Col("t", "at");
        var renderer = (string zone) => new SqlRenderer(dialect, new RenderContext(zone, new Dictionary<string, object?>()));
        Assert.Equal("\"local_day Europe/Rome\"(\"t\".\"at\")", renderer("Europe/Rome").Render(new LocalDate(at)));
        Assert.Equal("CAST(timezone('Asia/Tokyo', \"t\".\"at\") AS DATE)", renderer("Asia/Tokyo").Render(new LocalDate(at)));

        // 2025-03-29 23:30 UTC is the 30th in Rome (+1), 2025-10-25 22:30 UTC the 26th (+2).
        Assert.Equal(new DateOnly(2025, 3, 30), ((DateOnly)ws.Workspace.Scalar(
            "SELECT \"local_day Europe/Rome\"(TIMESTAMPTZ '2025-03-29 23:30:00+00')")!));
        Assert.Equal(new DateOnly(2025, 10, 26), ((DateOnly)ws.Workspace.Scalar(
            "SELECT \"local_day Europe/Rome\"(TIMESTAMPTZ '2025-10-25 22:30:00+00')")!));
    }
}
