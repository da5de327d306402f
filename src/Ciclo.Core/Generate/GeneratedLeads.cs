namespace Ciclo.Generate;

/// <summary>The leads of a generated dataset, ordered by the day they were created (lead i is
/// L(i+1), its contact <see cref="Contact"/>); ClosedOn is the day it converted or was lost, 0
/// while open; Customer the customer it became, -1 if none.</summary>
internal sealed class GeneratedLeads(int[] createdOn, int[] closedOn, int[] customer)
{
    public int Count => CreatedOn.Length;

    public int[] CreatedOn { get; } = createdOn;

    public int[] ClosedOn { get; } = closedOn;

    public int[] Customer { get; } = customer;

    public static string Id(int index) => "L" + (index + 1).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public static string Contact(int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lead{index + 1}@prospect.example");

    /// <summary>The first lead created on or after a day.</summary>
    public int FirstOn(int day)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (CreatedOn[mid] < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public bool OpenOn(int lead, int day) => CreatedOn[lead] <= day && (ClosedOn[lead] == 0 || ClosedOn[lead] > day);
}
