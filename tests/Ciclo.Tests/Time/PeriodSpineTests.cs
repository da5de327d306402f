using Ciclo.Time;

namespace Ciclo.Tests.Time;

public sealed class PeriodSpineTests
{
    [Theory]
    [InlineData("2024-01-01", "2024-01-31", "month", "2024-01", "2024-01-01", "2024-02-01", false)]
    [InlineData("2024-01-10", "2024-01-31", "month", "2024-01", "2024-01-01", "2024-02-01", true)]
    [InlineData("2024-12-30", "2025-01-05", "week", "2025-W01", "2024-12-30", "2025-01-06", false)]
    [InlineData("2021-01-03", "2021-01-03", "week", "2020-W53", "2020-12-28", "2021-01-04", true)]
    [InlineData("2024-02-15", "2024-03-31", "quarter", "2024-Q1", "2024-01-01", "2024-04-01", true)]
    [InlineData("2024-01-01", "2024-12-31", "year", "2024", "2024-01-01", "2025-01-01", false)]
    public void The_first_period_has_its_label_and_half_open_bounds(string from, string to, string grain, string label, string start, string end, bool partial)
    {
        var first = PeriodSpine.Build(DateOnly.Parse(from), DateOnly.Parse(to), GrainNames.Parse(grain))[0];

        Assert.Equal(label, first.Label);
        Assert.Equal(DateOnly.Parse(start), first.Start);
        Assert.Equal(DateOnly.Parse(end), first.End);
        Assert.Equal(partial, first.Partial);
    }

    [Fact]
    public void Consecutive_periods_share_their_bound()
    {
        var periods = PeriodSpine.Build(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Grain.Week);
        Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(53, periods.Count); // 2024-W01 .. 2025-W01 (Dec 30-31 fall in 2025-W01)
        Assert.True(periods[^1].Partial);
    }
}
