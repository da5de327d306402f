using System.Text.Json;

namespace Ciclo.Verbatims;

/// <summary>The B2B themes every workspace starts with, declared in the embedded themes.json.</summary>
public static class BuiltInThemes
{
    private static readonly Lazy<IReadOnlyList<ThemeDefinition>> Themes = new(Load);

    public static IReadOnlyList<ThemeDefinition> All => Themes.Value;

    public static ThemeDefinition? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    private static IReadOnlyList<ThemeDefinition> Load()
    {
        using var doc = LexiconResources.Json("themes.json");
        var list = new List<ThemeDefinition>();
        foreach (var theme in doc.RootElement.GetProperty("themes").EnumerateArray())
        {
            var names = theme.GetProperty("names").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            var terms = theme.GetProperty("terms").EnumerateObject().ToDictionary(p => p.Name,
                p => (IReadOnlyList<string>)p.Value.EnumerateArray().Select(t => t.GetString()!).ToList(), StringComparer.Ordinal);
            list.Add(new ThemeDefinition(theme.GetProperty("id").GetString()!, names, terms, false));
        }

        return list;
    }
}
