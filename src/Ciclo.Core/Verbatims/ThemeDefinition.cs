namespace Ciclo.Verbatims;

/// <summary>A theme: its id, its name in each language (a workspace may set one name for all), its
/// terms by language (en, it, ar, or any for product names), and whether a workspace added it.</summary>
public sealed record ThemeDefinition(string Id, IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Terms, bool Custom)
{
    public string Name(string lang) =>
        Names.TryGetValue(lang, out var name) ? name : Names.TryGetValue("en", out var en) ? en : Id;
}
