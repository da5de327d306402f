namespace Ciclo.Reports;

/// <summary>One campaign's send metrics (METRICS.md, "the same rates exist per campaign"), and
/// its inconsistencies: events of contacts that were never sent the campaign (not counted).</summary>
public sealed record CampaignRow(
    string CampaignId, string Name, string Channel, string Audience, string Stage, string? Program,
    long Sends, long Delivered, long Opened, long Clicked, long Unsubscribed, long MachineOnlyOpens, long Inconsistencies)
{
    public double? DeliveredRate => Ratio(Delivered, Sends);
    public double? OpenRate => Ratio(Opened, Delivered);
    public double? ClickRate => Ratio(Clicked, Delivered);
    public double? ClickToOpenRate => Ratio(Clicked, Opened);
    public double? UnsubscribeRate => Ratio(Unsubscribed, Delivered);

    private static double? Ratio(long a, long b) => b == 0 ? null : (double)a / b;
}
