using System.Text.RegularExpressions;
using Ciclo.Warehouse;

namespace Ciclo.Verbatims;

/// <summary>The themes in force for a workspace: the built-in ones, with the workspace's names and
/// extra words, and the themes it added (verbatim_themes, verbatim_theme_terms).</summary>
public static partial class ThemeStore
{
    public static readonly string[] TermLanguages = ["en", "it", "ar", "any"];

    public static ThemeSet Load(Workspace workspace)
    {
        var d = workspace.Dialect;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = workspace.Connection.CreateCommand())
        {
            command.CommandText = $"SELECT theme_id, name FROM {d.TableReference(VerbatimTables.Themes.Table)} ORDER BY theme_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var terms = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        using (var command = workspace.Connection.CreateCommand())
        {
            command.CommandText = $"SELECT theme_id, language, terms FROM {d.TableReference(VerbatimTables.ThemeTerms.Table)} ORDER BY theme_id, language";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var byLanguage = terms.TryGetValue(reader.GetString(0), out var t) ? t : terms[reader.GetString(0)] = new(StringComparer.Ordinal);
                byLanguage[reader.GetString(1)] = [.. reader.GetString(2).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
            }
        }

        if (names.Count == 0 && terms.Count == 0)
        {
            return ThemeSet.BuiltIn;
        }

        var themes = new List<ThemeDefinition>();
        foreach (var builtIn in BuiltInThemes.All)
        {
            themes.Add(Merge(builtIn, names.GetValueOrDefault(builtIn.Id), terms.GetValueOrDefault(builtIn.Id)));
        }

        foreach (var (id, name) in names.Where(n => BuiltInThemes.Find(n.Key) is null))
        {
            var empty = new ThemeDefinition(id, new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(), true);
            themes.Add(Merge(empty, name, terms.GetValueOrDefault(id)));
        }

        return new ThemeSet(themes);
    }

    /// <summary>Adds a theme, or words to a theme (built-in or not); a new theme needs a name.</summary>
    public static void Add(Workspace workspace, string id, string? name, IReadOnlyList<string> words, string language)
    {
        Validate(id);
        if (!TermLanguages.Contains(language))
        {
            throw new ArgumentException(language, nameof(language));
        }

        var current = Load(workspace).Find(id);
        var exists = BuiltInThemes.Find(id) is not null || current is not null;
        if (!exists && string.IsNullOrWhiteSpace(name))
        {
            throw new WorkspaceException("ThemeNeedsName", id);
        }

        using var tx = workspace.Connection.BeginTransaction();
        if (!string.IsNullOrWhiteSpace(name))
        {
            workspace.Upsert(VerbatimTables.Themes, id, name.Trim());
        }

        var own = OwnTerms(workspace, id, language);
        var added = words.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0 && !own.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            workspace.Upsert(VerbatimTables.ThemeTerms, id, language, string.Join('\n', own.Concat(added)));
        }

        tx.Commit();
        DataVersion.Bump(workspace);
    }

    /// <summary>Gives a theme (built-in or the workspace's) a new name, in every language.</summary>
    public static void Rename(Workspace workspace, string id, string name)
    {
        Validate(id);
        if (Load(workspace).Find(id) is null)
        {
            throw new WorkspaceException("UnknownTheme", id);
        }

        workspace.Upsert(VerbatimTables.Themes, id, name.Trim());
        DataVersion.Bump(workspace);
    }

    private static List<string> OwnTerms(Workspace workspace, string id, string language)
    {
        var d = workspace.Dialect;
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = $"SELECT terms FROM {d.TableReference(VerbatimTables.ThemeTerms.Table)} WHERE theme_id = {d.Literal(id)} AND language = {d.Literal(language)}";
        return command.ExecuteScalar() is string terms ? [.. terms.Split('\n', StringSplitOptions.RemoveEmptyEntries)] : [];
    }

    public static void Validate(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new WorkspaceException("BadThemeId", id);
        }
    }

    private static ThemeDefinition Merge(ThemeDefinition theme, string? name, Dictionary<string, List<string>>? extra)
    {
        var names = name is null ? theme.Names : TermLanguagesNames(name);
        var terms = theme.Terms.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (var (language, words) in extra ?? [])
        {
            terms[language] = (terms.TryGetValue(language, out var existing) ? existing : []).Concat(words).Distinct(StringComparer.Ordinal).ToList();
        }

        return theme with { Names = names, Terms = terms };
    }

    private static Dictionary<string, string> TermLanguagesNames(string name) =>
        Localization.Text.Languages.ToDictionary(l => l, _ => name, StringComparer.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9_]{1,39}$")]
    private static partial Regex IdPattern();
}
