using Ciclo.Time;

namespace Ciclo.Tests.Time;

/// <summary>Which zones keep to quarters of an hour, the condition under which sends counted per
/// quarter of an hour of UTC give every local day exactly.</summary>
public sealed class QuarterHourZoneTests
{
    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Rome")]
    [InlineData("Asia/Kolkata")] // +5:30
    [InlineData("Asia/Kathmandu")] // +5:45
    [InlineData("America/St_Johns")] // -3:30, summer time
    [InlineData("Australia/Lord_Howe")] // +10:30, half an hour of summer time
    [InlineData("Pacific/Chatham")] // +12:45, summer time
    public void Zones_in_use_today_keep_to_quarters_of_an_hour(string zone)
    {
        Assert.True(QuarterHourZone.Holds(zone, Utc(2023, 1, 1), Utc(2026, 12, 31)));
    }

    [Fact]
    public void A_local_mean_time_does_not_and_the_years_after_it_do()
    {
        // Liberia kept -0:44:30 until May 1972, then UTC.
        Assert.False(QuarterHourZone.Holds("Africa/Monrovia", Utc(1971, 1, 1), Utc(1971, 12, 31)));
        Assert.False(QuarterHourZone.Holds("Africa/Monrovia", Utc(1971, 6, 1), Utc(2024, 12, 31)));
        Assert.True(QuarterHourZone.Holds("Africa/Monrovia", Utc(1973, 1, 1), Utc(2024, 12, 31)));
        // Amsterdam's +0:19:32 (then +0:20) until 1940.
        Assert.False(QuarterHourZone.Holds("Europe/Amsterdam", Utc(1935, 1, 1), Utc(1935, 12, 31)));
    }

    [Fact]
    public void Years_without_a_rule_are_judged_by_their_one_offset()
    {
        Assert.True(QuarterHourZone.Holds("UTC", Utc(1, 1, 1), Utc(9998, 12, 31)));
        Assert.True(QuarterHourZone.Holds("Asia/Kathmandu", Utc(2030, 1, 1), Utc(2400, 12, 31)));
    }

    [Fact]
    public void An_unknown_zone_does_not()
    {
        Assert.False(QuarterHourZone.Holds("Mars/Olympus_Mons", Utc(2024, 1, 1), Utc(2024, 12, 31)));
    }
}
