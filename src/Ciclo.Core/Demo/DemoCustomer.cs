using System.Globalization;

namespace Ciclo.Demo;

internal enum DemoSegment
{
    Smb,
    MidMarket,
    Enterprise,
}

/// <summary>A programme membership; it counts on day d when joined_on &lt; d &lt;= left_on.</summary>
internal sealed class DemoMembership(string program, string? tier, DateOnly joinedOn)
{
    public string Program { get; } = program;

    public string? Tier { get; } = tier;

    public DateOnly JoinedOn { get; } = joinedOn;

    public DateOnly? LeftOn { get; set; }

    public bool ActiveOn(DateOnly day) => JoinedOn < day && (LeftOn is null || LeftOn >= day);
}

/// <summary>One demo customer account and what the generators decided about it.</summary>
internal sealed class DemoCustomer
{
    public required int Number { get; init; }

    public required string Name { get; init; }

    public required DemoSegment Segment { get; init; }

    public required string Region { get; init; }

    public required DateOnly AcquiredOn { get; init; }

    public DateOnly? ChurnedOn { get; set; }

    /// <summary>Billed every month (else every year on the anniversary).</summary>
    public required bool Monthly { get; init; }

    /// <summary>The contract's annual value in EUR, grown by uplifts and expansions.</summary>
    public required double AnnualValue { get; set; }

    /// <summary>The invoicing currency: USD, GBP or empty for the reporting currency.</summary>
    public required string Currency { get; init; }

    /// <summary>For EUR customers: the currency column says EUR rather than being empty.</summary>
    public required bool ExplicitEur { get; init; }

    /// <summary>How many contacts (p1, p2, ...) the account has in the mailing lists.</summary>
    public required int Contacts { get; init; }

    public List<DemoMembership> Memberships { get; } = [];

    /// <summary>Days on which a campaign engagement turns into an upsell or cross-sell.</summary>
    public List<DateOnly> LiftedExpansions { get; } = [];

    public string Id => "C" + Number.ToString("D5", CultureInfo.InvariantCulture);

    public string SegmentName => Segment switch
    {
        DemoSegment.Smb => "SMB",
        DemoSegment.MidMarket => "Mid-market",
        _ => "Enterprise",
    };

    public string Contact(int k) =>
        string.Create(CultureInfo.InvariantCulture, $"p{k}@c{Number:D5}.example");

    /// <summary>A customer on day d: acquired_on &lt;= d and not yet churned.</summary>
    public bool ActiveOn(DateOnly day) => AcquiredOn <= day && (ChurnedOn is null || day < ChurnedOn);

    public bool MemberOn(DateOnly day, string? program = null)
    {
        foreach (var m in Memberships)
        {
            if ((program is null || m.Program == program) && m.ActiveOn(day))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last day the customer is active, capped at today.</summary>
    public DateOnly LastActiveDay(DateOnly today) =>
        ChurnedOn is { } c ? DemoCalendar.Min(c.AddDays(-1), today) : today;
}
