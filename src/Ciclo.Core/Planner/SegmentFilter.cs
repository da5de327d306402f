namespace Ciclo.Planner;

/// <summary>A filter on one customer dimension: <c>segment=Enterprise</c>, <c>region=IT</c>; a bare
/// name means <c>segment=NAME</c>.</summary>
public sealed record SegmentFilter(string Dimension, string Value)
{
    public static readonly string[] Dimensions = ["segment", "region"];

    public static SegmentFilter Parse(string text)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        var filter = at < 0
            ? new SegmentFilter("segment", text.Trim())
            : new SegmentFilter(text[..at].Trim().ToLowerInvariant(), text[(at + 1)..].Trim());
        if (!Dimensions.Contains(filter.Dimension) || filter.Value.Length == 0)
        {
            throw new ArgumentException(text, nameof(text));
        }

        return filter;
    }

    public override string ToString() => Dimension + "=" + Value;
}
