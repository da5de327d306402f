namespace Ciclo.Verbatims;

/// <summary>
/// Lexicon sentiment with the rules that matter in survey answers: a negator flips the next
/// three words of its clause ("not easy" is negative, "no problems" half as positive as "problems" is negative); intensifiers
/// and diminishers scale the next polar word; after "but" (ma, لكن, بس) a clause weighs more and
/// before it less, a concessive clause ("although", anche se, مع أن) less; a wish (would, vorrei,
/// ياريت) damps its clause and, opening a clause that blames nothing, is a mild reservation against
/// praise; praise and blame of similar weight make a mixed answer, neutral, and so does praise
/// followed by "but" and only a negation or a need ("looks nice but I can't drill down"); a sarcasm marker next to blame turns the praise into blame. Latin
/// words are read with the comment's language, and with the other Latin lexicon where that one
/// knows nothing (mixed answers), false friends excepted; Arabic words with the Arabic lexicon,
/// fused negations (ماعجبني) included. The sum is squashed to [-1, 1].
/// </summary>
public sealed class SentimentScorer(SentimentLexicon lexicon)
{
    private const int NegationScope = 3;
    private const double Squash = 4;
    private const double Threshold = 0.2;
    private const double NegativeBias = 1.15;
    private const double MixedRatio = 0.25;
    private const double SuggestionWeight = -0.6;

    public static SentimentScorer Shared { get; } = new(SentimentLexicon.Shared);

    public SentimentResult Score(string text, IReadOnlyList<CommentToken> tokens, string language) => Read(text, tokens, language).Result;

    /// <summary>The lexicon's reading of a comment: its result and the structure behind it (negation
    /// scopes, contrast, praise and blame before and after it), which the classifier takes as features.</summary>
    public LexiconReading Read(string text, IReadOnlyList<CommentToken> tokens, string language)
    {
        var matches = Applicable(lexicon.Matcher.FindAll(tokens), tokens, language);
        matches = TermMatcher<SentimentTerm>.Longest(matches, m => m.Pattern.Language == language ? 1 : 0);
        var covered = new bool[tokens.Count];
        var items = new List<(int Token, double Value)>();
        var negatedUntil = -1;
        var intensity = 1.0;
        var intensityUntil = -1;
        var contrasts = new List<int>();
        var concessives = new List<int>();
        var wishes = new List<int>();
        var negators = new List<int>();
        var negated = new List<(int From, int To)>();
        var sarcasm = false;
        var irony = false;
        var polarSpans = new HashSet<(int, int)>();
        foreach (var m in matches)
        {
            for (var k = m.Start; k < m.End; k++)
            {
                covered[k] = true;
            }

            var term = m.Pattern.Payload;
            switch (term.Role)
            {
                case SentimentRole.Negator:
                    negators.Add(m.Start);
                    negatedUntil = ScopeEnd(tokens, m.End - 1, NegationScope);
                    negated.Add((m.End, negatedUntil));
                    break;
                case SentimentRole.Intensifier:
                    (intensity, intensityUntil) = (1.5, ScopeEnd(tokens, m.End - 1, 2));
                    break;
                case SentimentRole.Diminisher:
                    (intensity, intensityUntil) = (0.5, ScopeEnd(tokens, m.End - 1, 2));
                    break;
                case SentimentRole.Contrast:
                    contrasts.Add(m.Start);
                    break;
                case SentimentRole.Concessive:
                    concessives.Add(m.Start);
                    break;
                case SentimentRole.Wish:
                    wishes.Add(m.Start);
                    break;
                case SentimentRole.Sarcasm:
                    sarcasm = true;
                    break;
                case SentimentRole.Irony:
                    irony = true;
                    break;
                case SentimentRole.Excess:
                    (intensity, intensityUntil) = (1.5, ScopeEnd(tokens, m.End - 1, 1));
                    if (intensityUntil > m.End - 1 && !matches.Any(o => o.Start == m.End && o.Pattern.Payload.Role == SentimentRole.Polar))
                    {
                        items.Add((m.End, -1.5));
                    }

                    break;
                case SentimentRole.Polar:
                    if (!polarSpans.Add((m.Start, m.Length)))
                    {
                        break;
                    }

                    var value = term.Weight;
                    if (m.Start <= intensityUntil)
                    {
                        value *= intensity;
                        intensityUntil = -1;
                    }

                    if (m.Start <= negatedUntil)
                    {
                        value *= value > 0 ? -0.8 : -0.5;
                    }

                    if (value != 0)
                    {
                        items.Add((m.Start, value));
                    }

                    break;
            }
        }

        FusedNegations(tokens, covered, items);
        var suggestions = Suggestions(tokens, wishes, items);
        var values = new double[items.Count];
        double praise = 0, blamed = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (token, value) = items[i];
            foreach (var w in wishes)
            {
                if (SameClause(tokens, w, token))
                {
                    value *= 0.3;
                }
            }

            if (value > 0)
            {
                praise += value;
            }
            else
            {
                blamed -= value;
            }

            foreach (var c in contrasts)
            {
                if (SameSentence(tokens, c, token))
                {
                    value *= token < c ? 0.5 : 1.5;
                }
            }

            foreach (var c in concessives)
            {
                if (token >= c && SameClause(tokens, c, token))
                {
                    value *= 0.5;
                }
            }

            values[i] = value;
        }

        blamed += suggestions * -SuggestionWeight;

        // "Good, but I can't …" / "… but it takes a few messages": after the "but" nothing polar, only a
        // negation or a need: a reservation, read as mixed.
        var reserved = contrasts.Any(c => items.Any(x => x.Token < c && x.Value > 0 && SameSentence(tokens, c, x.Token))
            && !items.Any(x => x.Token > c && SameSentence(tokens, c, x.Token))
            && negators.Concat(wishes).Any(n => n > c && SameSentence(tokens, c, n)));

        double raw = 0;
        foreach (var e in lexicon.PositiveEmoji.Where(e => text.Contains(e, StringComparison.Ordinal)))
        {
            raw += 1.5;
        }

        foreach (var e in lexicon.NegativeEmoji.Where(e => text.Contains(e, StringComparison.Ordinal)))
        {
            raw -= 1.5;
        }

        sarcasm |= lexicon.SarcasmEmoji.Any(e => text.Contains(e, StringComparison.Ordinal));
        var blame = values.Any(v => v < 0);
        var ironic = sarcasm || (irony && blame);
        foreach (var v in values)
        {
            raw += v < 0 ? v * NegativeBias : ironic ? -v : v;
        }

        if (sarcasm && values.Length == 0)
        {
            raw -= 1.5;
        }

        // Praise and blame of similar weight make a mixed, neutral answer, whichever comes last.
        var mixed = !ironic && ((praise > 0 && blamed > 0 && Math.Min(praise, blamed) / Math.Max(praise, blamed) >= MixedRatio) || reserved);
        var score = Math.Round(raw / Math.Sqrt((raw * raw) + Squash) * (mixed ? 0.2 : 1), 3, MidpointRounding.AwayFromZero);
        var result = new SentimentResult(score >= Threshold ? "positive" : score <= -Threshold ? "negative" : "neutral", score);
        var lastContrast = contrasts.Count == 0 ? -1 : contrasts.Max();
        double head = 0, tail = 0;
        foreach (var (token, value) in items)
        {
            if (lastContrast >= 0 && token > lastContrast && SameSentence(tokens, lastContrast, token))
            {
                tail += value;
            }
            else
            {
                head += value;
            }
        }

        return new LexiconReading(result, praise, blamed, head, tail, lastContrast, mixed, ironic, wishes.Count > 0, negated);
    }

    /// <summary>Terms of the comment's language; terms of the other Latin lexicon only on words the
    /// comment's language does not use as function words or false friends.</summary>
    private List<TermMatch<SentimentTerm>> Applicable(List<TermMatch<SentimentTerm>> all, IReadOnlyList<CommentToken> tokens, string language)
    {
        if (language == "ar")
        {
            return all;
        }

        var friends = lexicon.FalseFriends.GetValueOrDefault(language) ?? [];
        var primarySpans = all.Where(m => m.Pattern.Language == language).Select(m => (m.Start, m.Length)).ToHashSet();
        return all.Where(m => m.Pattern.Language == language || m.Pattern.Language == "ar"
            || (!primarySpans.Contains((m.Start, m.Length)) && !friends.Contains(tokens[m.Start].Forms.Norm))).ToList();
    }

    private void FusedNegations(IReadOnlyList<CommentToken> tokens, bool[] covered, List<(int Token, double Value)> items)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (covered[i] || tokens[i].Forms.ArabicNegated is not { } rest)
            {
                continue;
            }

            var forms = CommentTokenizer.Shared.Forms(rest);
            var polar = lexicon.Matcher.Starting(forms).FirstOrDefault(p => p.Elements.Count == 1 && p.Payload.Role == SentimentRole.Polar);
            if (polar is not null)
            {
                var value = polar.Payload.Weight;
                items.Add((i, value * (value > 0 ? -0.8 : -0.5)));
            }
        }
    }

    /// <summary>Wishes or suggestions ("needs", "would be nice", servirebbe, محتاج) whose clause blames
    /// nothing: mild reservations that weigh against praise in the mixed test but add no blame.</summary>
    private static int Suggestions(IReadOnlyList<CommentToken> tokens, List<int> wishes, List<(int Token, double Value)> items) =>
        wishes.Count(w => OpensClause(tokens, w) && !items.Any(x => x.Value < 0 && SameClause(tokens, w, x.Token)));

    /// <summary>Whether a word is among the first two of its clause ("needs better …", "we would need …"),
    /// not inside a relative clause ("everything we need").</summary>
    private static bool OpensClause(IReadOnlyList<CommentToken> tokens, int at) =>
        tokens[at].StartsClause || at == 0 || tokens[at - 1].StartsClause || at == 1;

    private static int ScopeEnd(IReadOnlyList<CommentToken> tokens, int from, int words)
    {
        var end = from;
        for (var k = from + 1; k < tokens.Count && k <= from + words; k++)
        {
            if (tokens[k].StartsClause)
            {
                break;
            }

            end = k;
        }

        return end;
    }

    private static bool SameClause(IReadOnlyList<CommentToken> tokens, int a, int b)
    {
        var (lo, hi) = a <= b ? (a, b) : (b, a);
        for (var k = lo + 1; k <= hi; k++)
        {
            if (tokens[k].StartsClause)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameSentence(IReadOnlyList<CommentToken> tokens, int a, int b)
    {
        var (lo, hi) = a <= b ? (a, b) : (b, a);
        for (var k = lo + 1; k <= hi; k++)
        {
            if (tokens[k].StartsSentence)
            {
                return false;
            }
        }

        return true;
    }
}
