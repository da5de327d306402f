using System.Collections.Concurrent;

namespace Ciclo.Time;

/// <summary>
/// Whether a time zone keeps to quarters of an hour: over the years asked, its offset from UTC is a
/// whole number of quarters and it changes only at the start of a quarter of UTC. Then every
/// instant of one quarter of an hour has the same local day there, so rows counted per quarter
/// (<see cref="Sql.QuarterHour"/>) answer any local day, week, month, quarter or year exactly.
/// Every zone in use today does (India's +5:30, Nepal's +5:45, Lord Howe's half-hour summer time);
/// local mean times of the past do not (Liberia kept -0:44:30 until 1972).
/// </summary>
public static class QuarterHourZone
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly ConcurrentDictionary<(string Zone, int Year), bool> Years = new();

    /// <summary>Whether the zone (an IANA or system id) keeps to quarters of an hour over every
    /// year from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>
    /// (UTC instants); false for a zone this machine does not know.</summary>
    public static bool Holds(string timeZone, DateTime from, DateTime to)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return false;
        }

        for (var year = Math.Max(from.Year, DateTime.MinValue.Year + 1); year <= Math.Min(to.Year, DateTime.MaxValue.Year - 1); year++)
        {
            if (!Years.GetOrAdd((zone.Id, year), key => YearHolds(zone, key.Year)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Each quarter of the year's UTC instants, in turn: its offset is whole quarters, and
    /// where the next quarter's differs, the change fell at the quarter's end (the last instant
    /// before it still has the quarter's offset).</summary>
    private static bool YearHolds(TimeZoneInfo zone, int year)
    {
        var at = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = at.AddYears(1);
        var offset = zone.GetUtcOffset(at);
        if (!zone.GetAdjustmentRules().Any(r => r.DateStart.Year <= year + 1 && r.DateEnd.Year >= year - 1))
        {
            // No rule near the year: one offset all year (a stray date centuries away costs no scan).
            return offset.Ticks % Quarter.Ticks == 0 && zone.GetUtcOffset(end.AddTicks(-1)) == offset;
        }

        while (at < end)
        {
            if (offset.Ticks % Quarter.Ticks != 0)
            {
                return false;
            }

            var next = at + Quarter;
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset && zone.GetUtcOffset(next.AddTicks(-1)) != offset)
            {
                return false;
            }

            at = next;
            offset = nextOffset;
        }

        return true;
    }
}
