namespace Ciclo.Time;

/// <summary>The length of one reporting period.</summary>
public enum Grain
{
    /// <summary>An ISO-8601 week: Monday to Sunday, labelled with its ISO week-year (2024-W05).</summary>
    Week,
    /// <summary>A calendar month, labelled 2024-01.</summary>
    Month,
    /// <summary>A calendar quarter, labelled 2024-Q1.</summary>
    Quarter,
    /// <summary>A calendar year, labelled 2024.</summary>
    Year,
}

public static class GrainNames
{
    public static Grain Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "week" => Grain.Week,
        "month" => Grain.Month,
        "quarter" => Grain.Quarter,
        "year" => Grain.Year,
        _ => throw new ArgumentException(text, nameof(text)),
    };

    public static string Name(this Grain grain) => grain.ToString().ToLowerInvariant();
}
