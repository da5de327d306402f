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


    public static List<(string Name, double Value)> Extract(IReadOnlyList<CommentToken> tokens, string language, LexiconReading reading)
    {
        var features = new List<(string, double)>(tokens.Count * 3 + 16);
        var prefix = language + "|";
        var stems = new string[tokens.Count];
        var negatedFused = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var forms = tokens[i].Forms;
            if (forms.IsArabic && forms.ArabicNegated is { } rest && rest.Length >= 3)
            {
                stems[i] = CommentTokenizer.Shared.Forms(rest).ArabicStem ?? rest;
                negatedFused[i] = true;
            }
            else
            {
                stems[i] = Stem(forms, language);
            }
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
            features.Add((prefix + "w:" + stems[i], 1));
            if (negated[i] || negatedFused[i])
            {
                features.Add((prefix + "n:" + stems[i], 1));
            }

            if (reading.LastContrast >= 0 && i > reading.LastContrast && SameSentence(tokens, reading.LastContrast, i))
            {
                features.Add((prefix + "c:" + stems[i], 1));
            }

            if (i > 0 && !tokens[i].StartsClause)
            {
                features.Add((prefix + "b:" + stems[i - 1] + "_" + stems[i], 1));
            }
        }

        var result = reading.Result;
        var label = result.Label switch { "positive" => "+", "negative" => "-", _ => "0" };
        foreach (var p in new[] { "", prefix })
        {
            features.Add((p + "bias", 1));
            features.Add((p + "lex", result.Score));
            features.Add((p + "lex:" + label, 1));
            features.Add((p + "praise", Saturate(reading.Praise)));
            features.Add((p + "blame", Saturate(reading.Blame)));
            if (reading.LastContrast >= 0)
            {
                features.Add((p + "tail", Saturate(reading.Tail)));
                features.Add((p + "head", Saturate(reading.Head)));
                features.Add((p + "tail:" + Sign(reading.Tail), 1));
            }

            if (reading.Mixed)
            {
                features.Add((p + "mixed", 1));
            }

            if (reading.Ironic)
            {
                features.Add((p + "ironic", 1));
            }

            if (reading.Wish)
            {
                features.Add((p + "wish", 1));
            }
        }

        return features;
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

    private static string Sign(double value) => value > 0.05 ? "+" : value < -0.05 ? "-" : "0";

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
