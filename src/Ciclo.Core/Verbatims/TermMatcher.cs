using System.Collections.Concurrent;

namespace Ciclo.Verbatims;

/// <summary>Finds lexicon terms in a comment's words. Terms are indexed by their first word; the
/// terms a distinct word can start are computed once per word and cached, so a comment costs a
/// few dictionary look-ups per word whatever the size of the lexicon. A long Latin word that
/// starts no term is compared with the lexicon's long words: one typo (a letter missing, added,
/// changed or two swapped: "intuitve") still matches.</summary>
public sealed class TermMatcher<T>
{
    private readonly Dictionary<string, List<TermPattern<T>>> _byFirst = new(StringComparer.Ordinal);
    private const int TypoMinLength = 8;

    private readonly List<TermPattern<T>> _prefixFirst = [];
    private readonly List<TermPattern<T>> _longWords = [];
    private readonly ConcurrentDictionary<TokenForms, TermPattern<T>[]> _starts = new(ReferenceEqualityComparer.Instance);

    public TermMatcher(IEnumerable<TermPattern<T>> patterns)
    {
        foreach (var pattern in patterns)
        {
            var first = pattern.Elements[0];
            if (first.Kind == TermKind.Prefix)
            {
                _prefixFirst.Add(pattern);
                continue;
            }

            if (pattern.Elements.Count == 1 && first.Kind == TermKind.Stem && first.Language != "ar" && first.Language != "en~" && first.Surface.Length >= TypoMinLength)
            {
                _longWords.Add(pattern);
            }

            var key = (first.Kind == TermKind.Exact ? "=" : string.Empty) + first.Language + ":" + first.Value;
            if (!_byFirst.TryGetValue(key, out var list))
            {
                _byFirst[key] = list = [];
            }

            list.Add(pattern);
        }
    }

    /// <summary>Every occurrence of every term (overlapping ones included), in order of position.</summary>
    public List<TermMatch<T>> FindAll(IReadOnlyList<CommentToken> tokens)
    {
        var found = new List<TermMatch<T>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var pattern in Starting(tokens[i].Forms))
            {
                var n = pattern.Elements.Count;
                if (i + n > tokens.Count)
                {
                    continue;
                }

                var ok = true;
                for (var k = 1; k < n && ok; k++)
                {
                    ok = !tokens[i + k].StartsClause && pattern.Elements[k].Matches(tokens[i + k].Forms);
                }

                if (ok)
                {
                    found.Add(new TermMatch<T>(i, n, pattern));
                }
            }
        }

        return found;
    }

    /// <summary>The terms that the word can start.</summary>
    public TermPattern<T>[] Starting(TokenForms forms)
    {
        if (_starts.TryGetValue(forms, out var cached))
        {
            return cached;
        }

        if (_starts.Count > 200_000)
        {
            _starts.Clear();
        }

        var result = new List<TermPattern<T>>();
        void Add(string language, string? value)
        {
            if (value is not null && _byFirst.TryGetValue(language + ":" + value, out var list))
            {
                foreach (var p in list)
                {
                    if (!result.Contains(p))
                    {
                        result.Add(p);
                    }
                }
            }
        }

        if (forms.IsArabic)
        {
            Add("ar", forms.ArabicStem);
            Add("ar", forms.Norm);
            Add("ar", forms.ArabicAlternative);
            Add("=ar", forms.Norm);
        }
        else
        {
            Add("en", forms.English);
            Add("en", forms.Norm);
            Add("en~", forms.EnglishLight);
            Add("en~", forms.Norm);
            Add("=en~", forms.Norm);
            Add("it", forms.Italian);
            Add("it", forms.ItalianUnelided);
            Add("it", forms.Norm);
            Add("any", forms.Norm);
            Add("=en", forms.Norm);
            Add("=it", forms.Norm);
            Add("=any", forms.Norm);
        }

        foreach (var p in _prefixFirst)
        {
            if (p.Elements[0].Matches(forms) && !result.Contains(p))
            {
                result.Add(p);
            }
        }

        if (result.Count == 0 && !forms.IsArabic && forms.Norm.Length >= TypoMinLength)
        {
            foreach (var p in _longWords)
            {
                var surface = p.Elements[0].Surface;
                if (surface[0] == forms.Norm[0] && OneEditApart(surface, forms.Norm))
                {
                    result.Add(p);
                }
            }
        }

        var array = result.ToArray();
        _starts.TryAdd(forms, array);
        return array;
    }

    /// <summary>True when b is a with one letter missing, added, changed, or two neighbours swapped.</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
            {
                return true;
            }

            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }

        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>Keeps the longest terms where terms overlap (a phrase wins over its words); terms
    /// over exactly the same words are all kept. <paramref name="rank"/> breaks ties of length.</summary>
    public static List<TermMatch<T>> Longest(List<TermMatch<T>> matches, Func<TermMatch<T>, int>? rank = null)
    {
        var ordered = matches.OrderByDescending(m => m.Length).ThenByDescending(m => rank?.Invoke(m) ?? 0).ThenBy(m => m.Start).ToList();
        var kept = new List<TermMatch<T>>();
        foreach (var m in ordered)
        {
            var clash = false;
            foreach (var k in kept)
            {
                if (m.Start < k.End && k.Start < m.End && !(m.Start == k.Start && m.Length == k.Length))
                {
                    clash = true;
                    break;
                }
            }

            if (!clash)
            {
                kept.Add(m);
            }
        }

        kept.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return kept;
    }
}
