using System.Globalization;
using System.Text;
using System.Text.Json;
using Ciclo.Verbatims;

namespace Ciclo.Tests.Verbatims;

/// <summary>Theme precision, recall and F1 (per theme, and micro-averaged over themes) and sentiment
/// and language accuracy of the analyser on the labelled corpus, per language, for one split.</summary>
public sealed class CorpusQuality
{
    private CorpusQuality(string split, Dictionary<string, LanguageScores> languages)
    {
        Split = split;
        Languages = languages;
    }

    public string Split { get; }

    public Dictionary<string, LanguageScores> Languages { get; }

    public sealed class LanguageScores
    {
        public int Comments { get; set; }

        public int SentimentCorrect { get; set; }

        public int LanguageCorrect { get; set; }

        public Dictionary<string, (int Tp, int Fp, int Fn)> Themes { get; } = new(StringComparer.Ordinal);

        public double SentimentAccuracy => (double)SentimentCorrect / Comments;

        public double LanguageAccuracy => (double)LanguageCorrect / Comments;

        public (double Precision, double Recall, double F1) Micro => Prf(Themes.Values.Sum(t => t.Tp), Themes.Values.Sum(t => t.Fp), Themes.Values.Sum(t => t.Fn));

        public static (double Precision, double Recall, double F1) Prf(int tp, int fp, int fn)
        {
            var p = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            var r = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
    }

    public static string CorpusPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "verbatims", "corpus.jsonl");

    /// <summary>The independent check set (tests/Ciclo.Tests/Fixtures/verbatims/check.jsonl), written
    /// before the sentiment rules were reworked and never used to tune them.</summary>
    public static string CheckPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "verbatims", "check.jsonl");

    /// <summary>Measures one split: "heldout", "dev" or "all" (of the corpus, or of another labelled file).</summary>
    public static CorpusQuality Measure(string split, string? path = null)
    {
        var analyzer = new VerbatimAnalyzer(ThemeSet.BuiltIn);
        var languages = new Dictionary<string, LanguageScores>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path ?? CorpusPath))
        {
            var row = JsonDocument.Parse(line).RootElement;
            if (split != "all" && row.GetProperty("split").GetString() != split)
            {
                continue;
            }

            var lang = row.GetProperty("lang").GetString()!;
            var scores = languages.TryGetValue(lang, out var s) ? s : languages[lang] = new LanguageScores();
            var result = analyzer.Analyze(row.GetProperty("text").GetString()!);
            var gold = row.GetProperty("themes").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
            scores.Comments++;
            scores.SentimentCorrect += result.Sentiment == row.GetProperty("sentiment").GetString() ? 1 : 0;
            scores.LanguageCorrect += result.Language == lang ? 1 : 0;
            foreach (var theme in BuiltInThemes.All.Select(t => t.Id))
            {
                var (tp, fp, fn) = scores.Themes.GetValueOrDefault(theme);
                var predicted = result.Themes.Contains(theme);
                var labelled = gold.Contains(theme);
                scores.Themes[theme] = (tp + (predicted && labelled ? 1 : 0), fp + (predicted && !labelled ? 1 : 0), fn + (!predicted && labelled ? 1 : 0));
            }
        }

        return new CorpusQuality(split, languages);
    }

    /// <summary>The summary table of docs/verbatims.md.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        foreach (var (lang, s) in Languages.OrderBy(l => Order(l.Key)))
        {
            var (p, r, f1) = s.Micro;
            sb.Append(CultureInfo.InvariantCulture, $"| {Split} | {lang} | {s.Comments} | {p:F3} | {r:F3} | {f1:F3} | {s.SentimentAccuracy:F3} | {s.LanguageAccuracy:F3} |\n");
        }

        return sb.ToString();
    }

    /// <summary>F1 of every theme in every language.</summary>
    public string PerTheme()
    {
        var sb = new StringBuilder();
        foreach (var theme in BuiltInThemes.All.Select(t => t.Id))
        {
            sb.Append("| ").Append(theme);
            foreach (var (_, s) in Languages.OrderBy(l => Order(l.Key)))
            {
                var (tp, fp, fn) = s.Themes[theme];
                var (p, r, f1) = LanguageScores.Prf(tp, fp, fn);
                sb.Append(CultureInfo.InvariantCulture, $" | {p:F2} / {r:F2} / {f1:F2} ({tp + fn})");
            }

            sb.Append(" |\n");
        }

        return sb.ToString();
    }

    private static int Order(string lang) => lang switch { "en" => 0, "it" => 1, _ => 2 };
}
