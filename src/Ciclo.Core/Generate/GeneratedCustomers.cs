namespace Ciclo.Generate;

/// <summary>
/// The customers of a generated dataset as parallel arrays (a million fit in a few tens of MB),
/// ordered by acquisition day: customer i has id C(i+1), and its contacts are the indices
/// <c>FirstContact[i] .. FirstContact[i + 1] - 1</c> of one global contact list. Days are
/// <see cref="DateOnly.DayNumber"/>; ChurnedOn is 0 for a customer still active.
/// </summary>
internal sealed class GeneratedCustomers
{
    public const byte Smb = 0;
    public const byte MidMarket = 1;
    public const byte Enterprise = 2;

    public GeneratedCustomers(int count)
    {
        AcquiredOn = new int[count];
        ChurnedOn = new int[count];
        Segment = new byte[count];
        Region = new byte[count];
        Currency = new byte[count];
        Monthly = new bool[count];
        AnnualValue = new double[count];
        FirstContact = new int[count + 1];
    }

    public int Count => AcquiredOn.Length;

    public int[] AcquiredOn { get; }

    public int[] ChurnedOn { get; }

    public byte[] Segment { get; }

    public byte[] Region { get; }

    /// <summary>0 = the reporting currency, 1 = USD, 2 = GBP.</summary>
    public byte[] Currency { get; }

    public bool[] Monthly { get; }

    public double[] AnnualValue { get; }

    public int[] FirstContact { get; }

    public int ContactCount => FirstContact[^1];

    public static string Id(int index) => "C" + (index + 1).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The customer a contact belongs to (contacts are numbered customer by customer).</summary>
    public int CustomerOfContact(int contact)
    {
        var i = Array.BinarySearch(FirstContact, contact);
        if (i < 0)
        {
            i = ~i - 1;
        }

        // Customers without contacts share a start: take the last with this start, the one that owns it.
        while (i + 1 < Count && FirstContact[i + 1] == contact)
        {
            i++;
        }

        return i;
    }

    public static string Contact(int customer, int person) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{person}@c{customer + 1}.example");

    /// <summary>How many customers were acquired on or before a day: the customers 0 .. n - 1.</summary>
    public int AcquiredBy(int day)
    {
        var i = Array.BinarySearch(AcquiredOn, day + 1);
        if (i < 0)
        {
            return ~i;
        }

        while (i > 0 && AcquiredOn[i - 1] == day + 1)
        {
            i--;
        }

        return i;
    }

    public bool ActiveOn(int customer, int day) =>
        AcquiredOn[customer] <= day && (ChurnedOn[customer] == 0 || ChurnedOn[customer] > day);
}
