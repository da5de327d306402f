using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Ciclo.Verbatims;

/// <summary>
/// Splits a comment into words with Lucene.Net: the Unicode standard tokenizer, Italian elisions
/// removed (l'assistenza → assistenza, dell'offerta → offerta) and lower case; then each distinct
/// word is normalised and stemmed once (Lucene's ArabicNormalizer and ArabicStemmer,
/// ItalianLightStemmer, the Porter stemmer and KStem, ASCII folding) and cached. Thread-safe.
/// </summary>
public sealed class CommentTokenizer
{
    private const int CacheLimit = 200_000;
    private const string SentenceBreaks = ".!?…\n؟";
    private const string ClauseBreaks = ".,;:!?…()[]{}\"“”«»—–\n\r•،؛؟|/";

    private static readonly CharArraySet ItalianArticles = new(LuceneVersion.LUCENE_48,
        ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell", "nessun", "po"], true);

    private static readonly string[] ItalianElisionsWithoutApostrophe = ["dell", "nell", "dall", "sull", "all", "l"];

    private static readonly Analyzer KStem = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new KStemFilter(source));
    });

    private readonly ConcurrentDictionary<string, TokenForms> _cache = new(StringComparer.Ordinal);
    private readonly Analyzer _analyzer = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new ElisionFilter(source, ItalianArticles);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        return new TokenStreamComponents(source, stream);
    });

    public static CommentTokenizer Shared { get; } = new();

    public IReadOnlyList<CommentToken> Tokenize(string text)
    {
        var tokens = new List<CommentToken>();
        using var stream = _analyzer.GetTokenStream("comment", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var previousEnd = 0;
        while (stream.IncrementToken())
        {
            var surface = term.ToString();
            var start = offset.StartOffset;
            var sentence = tokens.Count == 0 || HasBreak(text, previousEnd, start, SentenceBreaks);
            var clause = sentence || HasBreak(text, previousEnd, start, ClauseBreaks);
            tokens.Add(new CommentToken(Forms(surface), start, offset.EndOffset, clause, sentence));
            previousEnd = offset.EndOffset;
        }

        stream.End();
        return tokens;
    }

    /// <summary>The forms of one word (already lower case), from the cache when seen before.</summary>
    public TokenForms Forms(string word)
    {
        if (_cache.TryGetValue(word, out var forms))
        {
            return forms;
        }

        if (_cache.Count > CacheLimit)
        {
            _cache.Clear();
        }

        forms = Compute(word);
        _cache.TryAdd(word, forms);
        return forms;
    }

    private static bool HasBreak(string text, int from, int to, string breaks)
    {
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (breaks.Contains(text[i], StringComparison.Ordinal) || (breaks == ClauseBreaks && text[i] == '-' && i > 0 && char.IsWhiteSpace(text[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static TokenForms Compute(string word)
    {
        word = word.Replace('\u2019', '\'').Replace('\u02BC', '\'');
        if (Scripts.IsArabicWord(word))
        {
            var norm = NormalizeArabic(word);
            var stem = StemArabic(norm);
            var alternative = norm.Length >= 4 && norm[0] is 'ب' or 'ح' or 'ه' && norm[1] is 'ي' or 'ت' or 'ن' or 'ا'
                ? StemArabic(norm[1..])
                : null;
            return new TokenForms(norm, true, null, null, null, null, stem, alternative, ArabicWithoutNegation(norm));
        }

        if (word.EndsWith("'s", StringComparison.Ordinal) && word.Length > 3)
        {
            word = word[..^2];
        }

        var folded = Fold(word);
        var english = StemEnglish(folded);
        var italian = StemItalian(folded);
        string? unelided = null;
        foreach (var prefix in ItalianElisionsWithoutApostrophe)
        {
            if (folded.Length > prefix.Length + 4 && folded.StartsWith(prefix, StringComparison.Ordinal) && IsVowel(folded[prefix.Length]))
            {
                unelided = StemItalian(folded[prefix.Length..]);
                break;
            }
        }

        return new TokenForms(folded, false, english, StemEnglishLight(folded), italian, unelided, null, null, null);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    internal static string Fold(string word)
    {
        var input = word.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    internal static string NormalizeArabic(string word)
    {
        // Letters stretched for emphasis (جداااا) count once; Persian kaf, yeh and heh count as Arabic.
        var chars = new char[word.Length];
        var n = 0;
        for (var i = 0; i < word.Length;)
        {
            var c = Arabic(word[i]);
            var run = 1;
            while (i + run < word.Length && Arabic(word[i + run]) == c)
            {
                run++;
            }

            for (var k = 0; k < (run >= 3 ? 1 : run); k++)
            {
                chars[n++] = c;
            }

            i += run;
        }

        var length = new ArabicNormalizer().Normalize(chars, n);
        return new string(chars, 0, length);
    }

    private static char Arabic(char c) => c switch { '\u06A9' => '\u0643', '\u06CC' => '\u064A', '\u06C1' or '\u06D5' => '\u0647', _ => c };

    private static string StemArabic(string norm)
    {
        var chars = norm.ToCharArray();
        var length = new ArabicStemmer().Stem(chars, chars.Length);
        return new string(chars, 0, length);
    }

    /// <summary>ماعجبني → عجبني, مايشتغلش → يشتغل, مبيشتغلش → بيشتغل: a negation fused to the word.</summary>
    private static string? ArabicWithoutNegation(string norm)
    {
        if (norm.Length >= 5 && norm.StartsWith("ما", StringComparison.Ordinal) && norm[2] != 'ل')
        {
            var rest = norm[2..];
            return rest.Length >= 4 && rest.EndsWith('ش') ? rest[..^1] : rest;
        }

        if (norm.Length >= 5 && norm[0] == 'م' && norm.EndsWith('ش'))
        {
            return norm[1..^1];
        }

        return null;
    }

    private static string StemItalian(string folded)
    {
        var chars = folded.ToCharArray();
        var length = new ItalianLightStemmer().Stem(chars, chars.Length);
        return new string(chars, 0, length);
    }

    /// <summary>Krovetz's dictionary stemmer (Lucene's KStemFilter): inflections only (loved → love,
    /// quickly → quick), never useful → use.</summary>
    private static string StemEnglishLight(string folded)
    {
        using var stream = KStem.GetTokenStream("word", new StringReader(folded));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stem = stream.IncrementToken() ? term.ToString() : folded;
        stream.End();
        return stem;
    }

    private static string StemEnglish(string folded)
    {
        var stemmer = new PorterStemmer();
        stemmer.SetCurrent(folded);
        stemmer.Stem();
        return stemmer.Current;
    }
}
