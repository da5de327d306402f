namespace Ciclo.Generate;

/// <summary>The size of a generated dataset: S (10k customers, 100k revenue rows, 1M campaign
/// events, 20k survey responses, 50k leads); M ten times S; L a hundred times S.</summary>
public sealed record GenerateScale(string Name, int Customers, long Revenue, long Events, int Surveys, int Leads)
{
    public static GenerateScale S { get; } = new("S", 10_000, 100_000, 1_000_000, 20_000, 50_000);

    public static GenerateScale M { get; } = Times(S, "M", 10);

    public static GenerateScale L { get; } = Times(S, "L", 100);

    /// <summary>S, M or L (any case); null for anything else.</summary>
    public static GenerateScale? Find(string name) => name.ToUpperInvariant() switch
    {
        "S" => S,
        "M" => M,
        "L" => L,
        _ => null,
    };

    /// <summary>A scale of its own, e.g. a fraction of S for a quick test.</summary>
    public static GenerateScale Times(GenerateScale from, string name, double factor) =>
        new(name, Math.Max(50, (int)(from.Customers * factor)), (long)(from.Revenue * factor), (long)(from.Events * factor),
            (int)(from.Surveys * factor), Math.Max(100, (int)(from.Leads * factor)));

    /// <summary>How many campaigns: they grow slower than the customer base (bigger sends, not many more of them).</summary>
    public int Campaigns => Math.Max(40, (int)(2 * Math.Sqrt(Customers)));
}
