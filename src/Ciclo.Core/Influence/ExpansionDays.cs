namespace Ciclo.Influence;

/// <summary>
/// The days on which each customer booked upsell or cross-sell revenue, sorted, to tell in memory
/// what <c>InfluenceData.WithExpansion</c> tells in SQL: whether a customer booked within the
/// window's days from a day (the day itself counting).
/// </summary>
internal sealed class ExpansionDays
{
    private readonly Dictionary<string, int[]> _days = new(StringComparer.Ordinal);

    /// <param name="bookings">In any order; influence reads them by customer and day, so each
    /// customer's come together and in order, and are taken in one pass (L's 0.9M: 0.8 s grouped,
    /// under 0.1 s so).</param>
    public ExpansionDays(IEnumerable<(string Customer, int Day)> bookings)
    {
        string? customer = null;
        var run = new List<int>();
        foreach (var (who, day) in bookings)
        {
            if (!string.Equals(who, customer, StringComparison.Ordinal))
            {
                Flush(customer, run);
                customer = who;
            }

            run.Add(day);
        }

        Flush(customer, run);
    }

    /// <summary>Adds a customer's run of days, sorted, to those already taken (none when the
    /// bookings come by customer).</summary>
    private void Flush(string? customer, List<int> run)
    {
        if (customer is not null)
        {
            int[] all = _days.TryGetValue(customer, out var before) ? [.. before, .. run] : [.. run];
            if (before is not null || !IsSorted(all))
            {
                Array.Sort(all);
            }

            _days[customer] = all;
        }

        run.Clear();
    }

    private static bool IsSorted(int[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="customer"/> booked on a day from <paramref name="day"/> to
    /// <paramref name="day"/> + <paramref name="window"/>, both included.</summary>
    public bool Within(string customer, int day, int window)
    {
        if (!_days.TryGetValue(customer, out var booked))
        {
            return false;
        }

        var i = Array.BinarySearch(booked, day);
        var first = i >= 0 ? i : ~i;
        return first < booked.Length && booked[first] <= day + window;
    }
}
