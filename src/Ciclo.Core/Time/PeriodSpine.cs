namespace Ciclo.Time;

/// <summary>
/// Cuts an inclusive date range [from, to] into whole periods of one grain. The first and last
/// periods may extend beyond the range; they are then flagged partial.
/// </summary>
public static class PeriodSpine
{
    public static IReadOnlyList<Period> Build(DateOnly from, DateOnly to, Grain grain)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        var periods = new List<Period>();
        var start = StartOf(from, grain);
        while (start <= to)
        {
            var end = Next(start, grain);
            var partial = start < from || end.AddDays(-1) > to;
            periods.Add(new Period(grain, start, end, partial));
            start = end;
        }

        return periods;
    }

    /// <summary>The first day of the period of <paramref name="grain"/> that contains <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day, Grain grain) => grain switch
    {
        Grain.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Grain.Month => new DateOnly(day.Year, day.Month, 1),
        Grain.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        Grain.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(grain)),
    };

    /// <summary>The first day of the period after the one starting at <paramref name="start"/>.</summary>
    public static DateOnly Next(DateOnly start, Grain grain) => grain switch
    {
        Grain.Week => start.AddDays(7),
        Grain.Month => start.AddMonths(1),
        Grain.Quarter => start.AddMonths(3),
        Grain.Year => start.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(grain)),
    };
}
