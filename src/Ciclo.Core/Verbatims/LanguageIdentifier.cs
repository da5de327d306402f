namespace Ciclo.Verbatims;

/// <summary>
/// Tells a comment's language: Arabic by its script; English from Italian by function words and
/// character trigram profiles (naive Bayes over the trigrams of each word); other Latin-script
/// languages by their own function words; any other script is "other". Confidence grows with the
/// evidence: a lone "ok" or a product name says almost nothing, a mixed answer shares it.
/// </summary>
public sealed class LanguageIdentifier
{
    private readonly HashSet<string> _neutral;
    private readonly Dictionary<string, HashSet<string>> _stopwords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _trigrams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _unseen = new(StringComparer.Ordinal);

    private LanguageIdentifier()
    {
        using var doc = LexiconResources.Json("languages.json");
        var root = doc.RootElement;
        _neutral = root.GetProperty("neutral").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        foreach (var lang in root.GetProperty("stopwords").EnumerateObject())
        {
            _stopwords[lang.Name] = lang.Value.EnumerateArray().Select(e => CommentTokenizer.Fold(e.GetString()!)).ToHashSet(StringComparer.Ordinal);
        }

        foreach (var sample in root.GetProperty("samples").EnumerateObject())
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var words = CommentTokenizer.Shared.Tokenize(sample.Value.GetString()!).Select(t => t.Forms.Norm)
                .Concat(_stopwords[sample.Name]);
            var total = 0;
            foreach (var word in words)
            {
                foreach (var g in Trigrams(word))
                {
                    counts[g] = counts.GetValueOrDefault(g) + 1;
                    total++;
                }
            }

            var denominator = total + 3000.0;
            _trigrams[sample.Name] = counts.ToDictionary(c => c.Key, c => Math.Log((c.Value + 1) / denominator), StringComparer.Ordinal);
            _unseen[sample.Name] = Math.Log(1 / denominator);
        }
    }

    public static LanguageIdentifier Shared { get; } = new();

    public LanguageGuess Identify(string text, IReadOnlyList<CommentToken> tokens)
    {
        int arabic = 0, latin = 0, other = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (Scripts.IsArabicLetter(c))
            {
                arabic++;
            }
            else if (Scripts.IsLatinLetter(c))
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        var letters = arabic + latin + other;
        if (letters == 0)
        {
            return new LanguageGuess("other", 0);
        }

        var arabicWords = tokens.Count(t => t.Forms.IsArabic);
        if (arabic >= latin && arabic >= other)
        {
            return new LanguageGuess("ar", Round(Evidence(arabicWords) * arabic / letters));
        }

        if (other > latin)
        {
            return new LanguageGuess("other", Round(0.5 * other / letters));
        }

        return Latin(tokens.Where(t => !t.Forms.IsArabic).Select(t => t.Forms.Norm).ToList(), (double)latin / letters);
    }

    private LanguageGuess Latin(List<string> words, double share)
    {
        var content = words.Where(w => !_neutral.Contains(w) && !w.All(char.IsAsciiDigit)).ToList();
        if (content.Count == 0)
        {
            return new LanguageGuess("en", Round(0.1 * share));
        }

        var hits = _stopwords.ToDictionary(s => s.Key, s => content.Count(s.Value.Contains), StringComparer.Ordinal);
        var english = hits["en"];
        var italian = hits["it"];
        var foreign = hits.Where(h => h.Key is not ("en" or "it")).Max(h => h.Value);
        if (foreign >= 2 && foreign > Math.Max(english, italian))
        {
            return new LanguageGuess("other", Round(Evidence(foreign) * share * foreign / (foreign + english + italian)));
        }

        double logit = 0;
        foreach (var word in content)
        {
            logit += (Likelihood("it", word) - Likelihood("en", word)) / Math.Max(1, word.Length - 1);
        }

        logit = (logit * 1.5) + (2.0 * (italian - english));
        var pItalian = 1 / (1 + Math.Exp(-logit));
        var (code, p) = pItalian >= 0.5 ? ("it", pItalian) : ("en", 1 - pItalian);
        return new LanguageGuess(code, Round(p * Evidence(content.Count) * share));
    }

    /// <summary>A function word of English or Italian ("the", "della", "molto").</summary>
    public bool IsFunctionWord(string norm) => _stopwords["en"].Contains(norm) || _stopwords["it"].Contains(norm);

    private double Likelihood(string lang, string word)
    {
        var table = _trigrams[lang];
        var unseen = _unseen[lang];
        double sum = 0;
        foreach (var g in Trigrams(word))
        {
            sum += table.TryGetValue(g, out var lp) ? lp : unseen;
        }

        return sum;
    }

    private static IEnumerable<string> Trigrams(string word)
    {
        var padded = "_" + word + "_";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }

    /// <summary>How much n words of evidence weigh: 0.5 for one, 0.75 for two, near 1 from five.</summary>
    private static double Evidence(int words) => 1 - Math.Pow(0.5, Math.Max(0, words));

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
