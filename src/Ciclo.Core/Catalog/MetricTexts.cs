using System.Text.Json;

namespace Ciclo.Catalog;

/// <summary>The human texts of the catalog (names, definitions, stages, kinds, bands) in every
/// supported language, read from the embedded metric-texts.json.</summary>
public static class MetricTexts
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
    {
        using var stream = typeof(MetricTexts).Assembly.GetManifestResourceStream("Ciclo.Catalog.metric-texts.json")
                           ?? throw new InvalidOperationException("metric-texts.json is not embedded.");
        return JsonDocument.Parse(stream);
    });

    public static string Name(string metric, string lang) => Get("metrics", metric, "name", lang);

    public static string Definition(string metric, string lang) => Get("metrics", metric, "definition", lang);

    public static string Stage(Stage stage, string lang) => Get("stages", stage.ToString().ToLowerInvariant(), null, lang);

    public static string Kind(MetricKind kind, string lang) => Get("kinds", kind.ToString().ToLowerInvariant(), null, lang);

    public static string Band(string band, string lang) =>
        Document.Value.RootElement.GetProperty("benchmarks").TryGetProperty(band, out _) ? Get("benchmarks", band, null, lang) : band;

    private static string Get(string section, string id, string? field, string lang)
    {
        if (!Document.Value.RootElement.GetProperty(section).TryGetProperty(id, out var entry))
        {
            return id;
        }

        if (field is not null)
        {
            entry = entry.GetProperty(field);
        }

        return entry.TryGetProperty(lang, out var text) ? text.GetString()! : entry.GetProperty("en").GetString()!;
    }
}
