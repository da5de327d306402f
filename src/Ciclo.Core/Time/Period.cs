using System.Globalization;

namespace Ciclo.Time;

/// <summary>
/// One reporting period: the half-open day range [<see cref="Start"/>, <see cref="End"/>).
/// <see cref="Start"/> is the first day inside the period; <see cref="End"/> is the first day
/// after it (exclusive), which is also the next period's start. A period that the requested
/// range covers only in part is still the whole period and carries <see cref="Partial"/>.
/// </summary>
public sealed record Period(Grain Grain, DateOnly Start, DateOnly End, bool Partial)
{
    /// <summary>The label of the period: 2024-W05, 2024-01, 2024-Q1 or 2024.</summary>
    public string Label => Grain switch
    {
        Grain.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}"),
        Grain.Month => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}-{Start.Month:D2}"),
        Grain.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}-Q{(Start.Month - 1) / 3 + 1}"),
        Grain.Year => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The number of days in the period.</summary>
    public int Days => End.DayNumber - Start.DayNumber;
}
