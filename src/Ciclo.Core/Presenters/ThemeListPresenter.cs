using System.Globalization;
using Ciclo.Localization;
using Ciclo.Verbatims;

namespace Ciclo.Presenters;

/// <summary>`ciclo themes list`: every theme in force with its id, name, kind and how many words it
/// has in each language.</summary>
public static class ThemeListPresenter
{
    public static string Render(ThemeSet themes, string lang)
    {
        var table = new TextTable(Text.IsRightToLeft(lang));
        table.Header(Text.Get(lang, "ColId"), Text.Get(lang, "ColName"), Text.Get(lang, "ColKind"), Text.Get(lang, "ColWords"));
        table.TextColumns.UnionWith([0, 1, 2, 3]);
        foreach (var theme in themes.Themes)
        {
            var words = string.Join(" · ", ThemeStore.TermLanguages.Where(theme.Terms.ContainsKey)
                .Select(l => l + " " + theme.Terms[l].Count.ToString(CultureInfo.InvariantCulture)));
            table.Row(theme.Id, theme.Name(lang), Text.Get(lang, theme.Custom ? "ThemeCustom" : "ThemeBuiltIn"), words);
        }

        return table.Render();
    }
}
