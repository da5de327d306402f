namespace Ciclo.Generate;

/// <summary>One generated campaign; <see cref="Sends"/> is the number of e-mails it is meant to send
/// (0 for other channels), <see cref="Days"/> how long an ads campaign runs.</summary>
internal sealed record GeneratedCampaign(
    string Id, string Name, string Channel, string Audience, string Stage, string? Program, int StartedOn, decimal? Cost, string? Currency)
{
    public long Sends { get; set; }

    public int Days { get; init; }

    public bool IsEmail => Channel == "email";

    public bool ForCustomers => Audience == "customers";
}
