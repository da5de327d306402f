namespace Ciclo.Verbatims;

/// <summary>
/// The features the sentiment classifier reads from one comment, per processing language: each word's
/// stem (KStem for English, Italian light stem, Arabic light stem; numbers as "#"), the stem again
/// marked when a negation covers it (lexicon negators and fused Arabic negations: ماعجبني) or when it
/// follows the last contrast word of its sentence ("but", ma, لكن: that clause decides a mixed
/// answer), pairs of adjacent stems within a clause, and the lexicon's reading: its score and label,
/// praise and blame, the polarity before and after the contrast, mixed, ironic and wish flags. The
/// lexicon features are also given without the language, so the three languages share what they
/// have in common.
/// </summary>
public static class SentimentFeatures
{
    private static readonly string[] ReadingKeys = ["bias", "lex", "lex:+", "lex:-", "lex:0", "praise", "blame", "tail", "head", "tail:+", "tail:-", "tail:0", "mixed", "ironic", "wish"];

    /// <summary>The names of the lexicon's features, shared ("") and per language ("en|" …), made once.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> ReadingNames = new[] { "", "en|", "it|", "ar|" }
        .ToDictionary(p => p, p => ReadingKeys.ToDictionary(k => k, k => p + k, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether a feature name, without its language, is one of the lexicon's reading.</summary>
    public static bool IsReading(string name) => ReadingKeys.Contains(name, StringComparer.Ordinal);

    public static List<(string Name, double Value)> Extract(IReadOnlyList<CommentToken> tokens, string language, LexiconReading reading)
    {
        var features = new List<(string, double)>(tokens.Count * 3 + 16);
        var prefix = language + "|";
        var slot = language switch { "en" => 0, "it" => 1, _ => 2 };
        var names = new string[tokens.Count][];
        var negatedFused = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var forms = tokens[i].Forms;
            if (forms.IsArabic && forms.ArabicNegated is { } rest && rest.Length >= 3)
            {
                forms = CommentTokenizer.Shared.Forms(rest);
                negatedFused[i] = true;
            }

            names[i] = forms.SentimentFeatureNames[slot] ??= Names(forms, language, prefix);
        }

        var negated = new bool[tokens.Count];
        foreach (var (from, to) in reading.Negated)
        {
            for (var k = from; k <= to && k < tokens.Count; k++)
            {
                negated[k] = true;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            features.Add((names[i][0], 1));
            if (negated[i] || negatedFused[i])
            {
                features.Add((names[i][1], 1));
            }

            if (reading.LastContrast >= 0 && i > reading.LastContrast && SameSentence(tokens, reading.LastContrast, i))
            {
                features.Add((names[i][2], 1));
            }

            if (i > 0 && !tokens[i].StartsClause)
            {
                features.Add((string.Concat(prefix, "b:", names[i - 1][3], "_", names[i][3]), 1));
            }
        }

        var result = reading.Result;
        var label = result.Label switch { "positive" => "lex:+", "negative" => "lex:-", _ => "lex:0" };
        foreach (var p in new[] { "", prefix })
        {
            var n = ReadingNames.TryGetValue(p, out var known) ? known : ReadingKeys.ToDictionary(k => k, k => p + k, StringComparer.Ordinal);
            features.Add((n["bias"], 1));
            features.Add((n["lex"], result.Score));
            features.Add((n[label], 1));
            features.Add((n["praise"], Saturate(reading.Praise)));
            features.Add((n["blame"], Saturate(reading.Blame)));
            if (reading.LastContrast >= 0)
            {
                features.Add((n["tail"], Saturate(reading.Tail)));
                features.Add((n["head"], Saturate(reading.Head)));
                features.Add((n[TailSign(reading.Tail)], 1));
            }

            if (reading.Mixed)
            {
                features.Add((n["mixed"], 1));
            }

            if (reading.Ironic)
            {
                features.Add((n["ironic"], 1));
            }

            if (reading.Wish)
            {
                features.Add((n["wish"], 1));
            }
        }

        return features;
    }

    /// <summary>A word's feature names in one language: word, negated word, word after a contrast, and its stem.</summary>
    private static string[] Names(TokenForms forms, string language, string prefix)
    {
        var stem = Stem(forms, language);
        return [prefix + "w:" + stem, prefix + "n:" + stem, prefix + "c:" + stem, stem];
    }

    private static string Stem(TokenForms forms, string language)
    {
        if (forms.Norm.All(char.IsAsciiDigit))
        {
            return "#";
        }

        return forms.IsArabic ? forms.ArabicStem ?? forms.Norm
            : language == "it" ? forms.Italian ?? forms.Norm
            : forms.EnglishLight ?? forms.Norm;
    }

    private static double Saturate(double value) => value / (Math.Abs(value) + 1);

    private static string TailSign(double value) => value > 0.05 ? "tail:+" : value < -0.05 ? "tail:-" : "tail:0";

    private static bool SameSentence(IReadOnlyList<CommentToken> tokens, int a, int b)
    {
        for (var k = Math.Min(a, b) + 1; k <= Math.Max(a, b); k++)
        {
            if (tokens[k].StartsSentence)
            {
                return false;
            }
        }

        return true;
    }
}
