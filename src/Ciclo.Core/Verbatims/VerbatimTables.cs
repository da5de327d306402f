using Ciclo.Import;

namespace Ciclo.Verbatims;

/// <summary>The workspace tables of the verbatim analysis, declared so that every engine's dialect
/// renders their DDL (created by schema migration 2).</summary>
public static class VerbatimTables
{
    /// <summary>One row per analysed comment: the hash of what was analysed (comment and given
    /// language) and of the analyser and themes it was analysed with, and the results.</summary>
    public static readonly EntitySchema Analysis = new("verbatim_analysis",
    [
        new("response_id", ColumnType.Text, true),
        new("input_hash", ColumnType.Text, true),
        new("fingerprint", ColumnType.Text, true),
        new("language", ColumnType.Text, true),
        new("language_confidence", ColumnType.Double, true),
        new("language_given", ColumnType.Bool, true),
        new("themes", ColumnType.Text),
        new("sentiment", ColumnType.Text, true),
        new("sentiment_score", ColumnType.Double, true),
        new("analysed_at", ColumnType.Timestamp, true),
    ], ["response_id"]);

    /// <summary>A workspace's own themes, and its names for built-in ones.</summary>
    public static readonly EntitySchema Themes = new("verbatim_themes",
    [
        new("theme_id", ColumnType.Text, true),
        new("name", ColumnType.Text, true),
    ], ["theme_id"]);

    /// <summary>The words a workspace adds to a theme in one language (en, it, ar or any), one per line.</summary>
    public static readonly EntitySchema ThemeTerms = new("verbatim_theme_terms",
    [
        new("theme_id", ColumnType.Text, true),
        new("language", ColumnType.Text, true),
        new("terms", ColumnType.Text, true),
    ], ["theme_id", "language"]);

    /// <summary>Where fresh results wait before they replace the old ones in one statement.</summary>
    internal static readonly EntitySchema AnalysisWork = Analysis with { Name = "_ciclo_verbatim_work" };

    public static IEnumerable<string> Create(Dialects.SqlDialect d)
    {
        yield return d.CreateTable(Analysis);
        yield return d.CreateTable(Themes);
        yield return d.CreateTable(ThemeTerms);
    }
}
