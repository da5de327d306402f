using Ciclo.Time;

namespace Ciclo.Tests.Time;

/// <summary>A zone's offsets over the span, as the machine's rules give them: the changes found to
/// the millisecond, pinned for zones whose rules are settled.</summary>
public sealed class ZoneOffsetsTests
{
    private static long Ms(int year, int month, int day, int hour, int minute = 0) =>
        (long)(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;

    private const long Hour = 3_600_000;

    [Fact]
    public void Rome_changes_at_one_in_the_morning_utc_on_the_last_sundays_of_march_and_october()
    {
        var rome = ZoneOffsets.For("Europe/Rome")!;
        Assert.Equal(Ms(1990, 1, 1, 0), rome.FromMs);
        Assert.Equal(Ms(2050, 1, 1, 0), rome.ToMs);
        Assert.Equal(Hour, rome.FirstOffsetMs);
        Assert.Equal(120, rome.Changes.Count); // two a year for sixty years
        // From October 2024 to the end of 2025 exactly three changes, each to the millisecond.
        Assert.Equal(
            [(Ms(2024, 10, 27, 1), Hour), (Ms(2025, 3, 30, 1), 2 * Hour), (Ms(2025, 10, 26, 1), Hour)],
            rome.Changes.Where(c => c.AtMs >= Ms(2024, 10, 1, 0) && c.AtMs < Ms(2026, 1, 1, 0)));
    }

    [Fact]
    public void Half_hour_summer_time_and_fixed_offsets_are_found_as_they_are()
    {
        // Lord Howe: +10:30, +11 in summer, changing at 2:00 local standard time (15:30 UTC).
        var lordHowe = ZoneOffsets.For("Australia/Lord_Howe")!;
        Assert.Contains((Ms(2025, 4, 5, 15), 10 * Hour + (Hour / 2)), lordHowe.Changes);
        Assert.Contains((Ms(2025, 10, 4, 15, 30), 11 * Hour), lordHowe.Changes);

        var kolkata = ZoneOffsets.For("Asia/Kolkata")!;
        Assert.Empty(kolkata.Changes);
        Assert.Equal(5 * Hour + (Hour / 2), kolkata.FirstOffsetMs);
        Assert.Equal(0, ZoneOffsets.For("UTC")!.FirstOffsetMs);
    }

    [Fact]
    public void A_zone_the_machine_does_not_know_has_none()
    {
        Assert.Null(ZoneOffsets.For("Mars/Olympus_Mons"));
    }
}
