using Ciclo.Reports;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.It;

namespace Ciclo.Verbatims;

/// <summary>
/// Words and adjacent word pairs (by stem, shown in their commonest spelling) that are much more
/// frequent among detractors than promoters, and the reverse. Each comment counts once per term;
/// lift is the ratio of the shares of comments, smoothed by half a comment so that a term absent
/// from one group does not get an infinite lift; a term needs <c>minCount</c> comments of its
/// group and a lift of at least 2. Function words (Lucene's stop sets) are left out, negations kept
/// inside pairs ("not easy").
/// </summary>
public static class EmergingTermFinder
{
    private const double MinLift = 2;
    private const int Top = 10;

    private static readonly Lazy<HashSet<string>> Negators = new(() =>
    [
        "not", "no", "never", "don't", "doesn't", "didn't", "isn't", "can't", "won't", "non", "mai", "nessun", "nessuno", "niente", "senza",
        "لا", "ما", "لم", "لن", "ليس", "مش", "مو", "غير", "بدون",
    ]);

    public static EmergingTerms Find(IEnumerable<Verbatim> comments, int minCount)
    {
        var counts = new Dictionary<string, Tally>(StringComparer.Ordinal);
        int detractors = 0, promoters = 0;
        foreach (var v in comments)
        {
            if (v.Category == "passive")
            {
                continue;
            }

            var isDetractor = v.Category == "detractor";
            if (isDetractor)
            {
                detractors++;
            }
            else
            {
                promoters++;
            }

            foreach (var (key, kind, spelling) in Terms(v.Comment, v.Language ?? "en"))
            {
                var tally = counts.TryGetValue(key, out var t) ? t : counts[key] = new Tally(kind);
                tally.Spellings[spelling] = tally.Spellings.GetValueOrDefault(spelling) + 1;
                if (isDetractor)
                {
                    tally.Detractors++;
                }
                else
                {
                    tally.Promoters++;
                }
            }
        }

        var scored = counts.Select(c =>
        {
            var dShare = (c.Value.Detractors + 0.5) / (detractors + 1.0);
            var pShare = (c.Value.Promoters + 0.5) / (promoters + 1.0);
            var spelling = c.Value.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
            return (Term: spelling, c.Value.Kind, c.Value.Detractors, c.Value.Promoters, DLift: dShare / pShare, PLift: pShare / dShare);
        }).ToList();
        List<EmergingTerm> Pick(bool forDetractors) => scored
            .Where(s => (forDetractors ? s.Detractors : s.Promoters) >= minCount && (forDetractors ? s.DLift : s.PLift) >= MinLift)
            .OrderByDescending(s => forDetractors ? s.DLift : s.PLift).ThenByDescending(s => forDetractors ? s.Detractors : s.Promoters)
            .ThenBy(s => s.Term, StringComparer.Ordinal)
            .Take(Top)
            .Select(s => new EmergingTerm(s.Term, s.Kind, s.Detractors, s.Promoters, Math.Round(forDetractors ? s.DLift : s.PLift, 2)))
            .ToList();
        return new EmergingTerms(minCount, detractors, promoters, Pick(true), Pick(false));
    }

    /// <summary>The distinct words and pairs of one comment: (key, word|pair, spelling).</summary>
    internal static HashSet<(string Key, string Kind, string Spelling)> Terms(string comment, string language)
    {
        var tokens = CommentTokenizer.Shared.Tokenize(comment);
        var terms = new HashSet<(string, string, string)>();
        (string Key, string Spelling)? previous = null;
        foreach (var token in tokens)
        {
            var forms = token.Forms;
            if (token.StartsClause)
            {
                previous = null;
            }

            var negator = Negators.Value.Contains(forms.Norm);
            if (!negator && !IsContent(forms))
            {
                previous = null;
                continue;
            }

            var key = (forms.IsArabic ? forms.ArabicStem : language == "it" ? forms.Italian : forms.English) ?? forms.Norm;
            if (!negator)
            {
                terms.Add(("w:" + key, "word", forms.Norm));
            }

            if (previous is { } p)
            {
                terms.Add(("p:" + p.Key + " " + key, "pair", p.Spelling + " " + forms.Norm));
            }

            previous = (key, forms.Norm);
        }

        return terms;
    }

    private sealed class Tally(string kind)
    {
        public string Kind { get; } = kind;

        public int Detractors { get; set; }

        public int Promoters { get; set; }

        public Dictionary<string, int> Spellings { get; } = new(StringComparer.Ordinal);
    }

    private static bool IsContent(TokenForms forms)
    {
        if (forms.Norm.Length < (forms.IsArabic ? 2 : 3) || forms.Norm.Any(char.IsDigit))
        {
            return false;
        }

        return !(EnglishAnalyzer.DefaultStopSet.Contains(forms.Norm) || ItalianAnalyzer.DefaultStopSet.Contains(forms.Norm)
                 || ArabicAnalyzer.DefaultStopSet.Contains(forms.Norm) || LanguageIdentifier.Shared.IsFunctionWord(forms.Norm));
    }
}
