using System.Globalization;

namespace Ciclo.Demo;

/// <summary>
/// The demo's time frame: the 24 calendar months ending at <see cref="Today"/>, and a day
/// sampler with B2B seasonality (busy Q1 and September-October, quiet August and December,
/// few weekend days, slow growth over the window).
/// </summary>
internal sealed class DemoCalendar
{
    private static readonly double[] MonthWeights = [1.3, 1.25, 1.3, 1.0, 1.0, 0.95, 0.85, 0.45, 1.3, 1.35, 1.0, 0.55];
    private readonly double[] _cumulative;

    public DemoCalendar(DateOnly today)
    {
        Today = today;
        WindowStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-23);
        End = new DateTimeOffset(today.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        var days = Days;
        _cumulative = new double[days];
        var total = 0.0;
        for (var i = 0; i < days; i++)
        {
            var day = WindowStart.AddDays(i);
            var weekday = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.25 : 1.0;
            total += Season(day.Month) * weekday * (1.0 + 0.4 * i / days);
            _cumulative[i] = total;
        }
    }

    public DateOnly Today { get; }

    /// <summary>The first day of the window (the first of a month).</summary>
    public DateOnly WindowStart { get; }

    /// <summary>The last instant of <see cref="Today"/> in UTC: nothing happens after it.</summary>
    public DateTimeOffset End { get; }

    public int Days => Today.DayNumber - WindowStart.DayNumber + 1;

    /// <summary>The relative activity of a calendar month (1..12).</summary>
    public static double Season(int month) => MonthWeights[month - 1];

    /// <summary>A day of the window, drawn with the seasonal weights.</summary>
    public DateOnly SeasonalDay(Random rng)
    {
        var x = rng.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        if (i < 0)
        {
            i = ~i;
        }

        return WindowStart.AddDays(Math.Min(i, _cumulative.Length - 1));
    }

    public static DateOnly MonthStart(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly MonthEnd(DateOnly d) => MonthStart(d).AddMonths(1).AddDays(-1);

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
