namespace Ciclo.Verbatims;

/// <summary>The forms of one distinct word, computed once and cached: the normalised surface
/// (lower case; Latin folded to ASCII, so "perché" is "perche" and "è" is "e"; Arabic without
/// diacritics or tatweel and with one alef, yaa and haa form), and its stem in each language
/// of its script (Porter for English, Italian light stemmer, Arabic light stemmer).</summary>
public sealed class TokenForms
{
    internal TokenForms(string norm, bool arabic, string? english, string? englishLight, string? italian, string? italianUnelided, string? arabicStem, string? arabicAlternative, string? arabicNegated)
    {
        Norm = norm;
        IsArabic = arabic;
        English = english;
        EnglishLight = englishLight;
        Italian = italian;
        ItalianUnelided = italianUnelided;
        ArabicStem = arabicStem;
        ArabicAlternative = arabicAlternative;
        ArabicNegated = arabicNegated;
    }

    public string Norm { get; }

    public bool IsArabic { get; }

    /// <summary>The Porter stem (Latin words only).</summary>
    public string? English { get; }

    /// <summary>The English light stem, inflections only (KStem; Latin words only): sentiment words are
    /// matched on it, since Porter's stems join words of unlike sense (useful / use, excellent / Excel).</summary>
    public string? EnglishLight { get; }

    /// <summary>The Italian light stem (Latin words only).</summary>
    public string? Italian { get; }

    /// <summary>The Italian stem of the word without a forgotten elision ("lassistenza" → assistenza), if it had one.</summary>
    public string? ItalianUnelided { get; }

    /// <summary>The Arabic light stem (Arabic words only).</summary>
    public string? ArabicStem { get; }

    /// <summary>For a dialect verb with the present or future prefix (بيعلق, حيشتغل): the stem without it.</summary>
    public string? ArabicAlternative { get; }

    /// <summary>For an Arabic word with a fused negation (ماعجبني, مايشتغلش): the word without it.</summary>
    public string? ArabicNegated { get; }

    /// <summary>The stem in one language, or null when the word is not of that language's script.</summary>
    public string? Stem(string language) => language switch
    {
        "en" => English,
        "en~" => EnglishLight,
        "it" => Italian,
        "ar" => ArabicStem,
        _ => Norm,
    };

    /// <summary>The names of the sentiment features of this word in the language of its comment
    /// (word, negated word, word after a contrast), computed once per language: filled by <see cref="SentimentFeatures"/>.</summary>
    internal string[]?[] SentimentFeatureNames { get; } = new string[]?[3];

    public override string ToString() => Norm;
}
