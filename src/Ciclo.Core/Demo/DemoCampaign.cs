namespace Ciclo.Demo;

/// <summary>Daily volume of an ads or social campaign.</summary>
internal sealed record DemoAdProfile(int Impressions, double CtrMin, double CtrMax, double CostPerClick, string Currency);

/// <summary>Which active customers a one-off customer e-mail is meant for.</summary>
internal enum DemoTarget
{
    Everyone,
    NonEnterprise,
    MonthlyBilled,

    /// <summary>Members of the campaign's programme, topped up with larger accounts when too few.</summary>
    Members,
}

/// <summary>One demo campaign: the campaigns.csv row plus what drives its events and stats.</summary>
internal sealed record DemoCampaign(
    string Id, string Name, string Channel, string Audience, string Stage, string? Program,
    DateOnly StartedOn, decimal? Cost, string? Currency)
{
    /// <summary>For one-off e-mails: how many accounts (customers) or leads (prospects) it is sent to.</summary>
    public int Size { get; init; }

    /// <summary>For a newsletter: the share of the active customers' contacts it goes to (instead of <see cref="Size"/>).</summary>
    public double Reach { get; init; }

    /// <summary>For an always-on prospect e-mail: it goes to every open lead about this many days
    /// after the lead was created, from <see cref="DemoCampaign.StartedOn"/> to <see cref="EndsOn"/>.</summary>
    public int? DripDays { get; init; }

    public DemoTarget Target { get; init; }

    /// <summary>For customer e-mails: the chance that an engaged customer expands within 90 days.</summary>
    public double Lift { get; init; }

    /// <summary>Scales the chance of human opens and clicks (a routine newsletter draws less than an offer).</summary>
    public double Appeal { get; init; } = 1.0;

    /// <summary>Also has a few events for contacts never sent it (Ciclo reports them).</summary>
    public bool HasStrays { get; init; }

    /// <summary>For ads and social: the daily volume and the last day with stats.</summary>
    public DemoAdProfile? Ads { get; init; }

    public DateOnly EndsOn { get; init; }

    public bool IsEmail => Channel == "email";
}
