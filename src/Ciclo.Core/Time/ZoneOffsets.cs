using System.Collections.Concurrent;

namespace Ciclo.Time;

/// <summary>
/// A time zone's offsets from UTC over a span of instants, as this machine's zone rules give them:
/// the offset at the span's start and each change within it (the first instant, to the millisecond,
/// that has the new offset). With them a local day is arithmetic: the instant's milliseconds since
/// 1970 plus the offset in force, divided by a day's. The span, 1990 to 2050, holds every date a
/// customer-lifecycle dataset is likely to carry; instants outside it are left to the engine.
/// </summary>
public sealed record ZoneOffsets(string TimeZone, long FromMs, long ToMs, long FirstOffsetMs, IReadOnlyList<(long AtMs, long OffsetMs)> Changes)
{
    private static readonly DateTime SpanStart = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SpanEnd = new(2050, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly ConcurrentDictionary<string, ZoneOffsets?> Known = new(StringComparer.Ordinal);

    /// <summary>The zone's offsets over the span; null for a zone this machine does not know.</summary>
    public static ZoneOffsets? For(string timeZone) => Known.GetOrAdd(timeZone, Compute);

    /// <summary>Day by day through the span; where the next day's offset differs, the change's
    /// millisecond is found by halving. Two changes within one day would be missed: the engine's
    /// check of the spelled-out days (see the DuckDB dialect) then finds them wrong and they are
    /// not used.</summary>
    private static ZoneOffsets? Compute(string timeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return null;
        }

        long Offset(long ms) => (long)zone.GetUtcOffset(DateTime.UnixEpoch.AddMilliseconds(ms)).TotalMilliseconds;
        var from = Ms(SpanStart);
        var to = Ms(SpanEnd);
        var first = Offset(from);
        var changes = new List<(long, long)>();
        var current = first;
        const long day = 86_400_000;
        for (var at = from; at < to; at += day)
        {
            var end = Math.Min(at + day, to - 1);
            var offset = Offset(end);
            if (offset == current)
            {
                continue;
            }

            // The first millisecond of (at, end] with the new offset.
            var lo = at;
            var hi = end;
            while (hi - lo > 1)
            {
                var mid = lo + ((hi - lo) / 2);
                if (Offset(mid) == current)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            changes.Add((hi, offset));
            current = offset;
        }

        return new ZoneOffsets(timeZone, from, to, first, changes);
    }

    private static long Ms(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalMilliseconds;
}
