using Ciclo.Verbatims;

namespace Ciclo.Tests.Verbatims;

/// <summary>The rules of the analysis, one by one: language and its confidence, Italian elisions
/// and missing accents, Arabic normalisation and dialect, negation, themes.</summary>
public sealed class VerbatimAnalyzerTests
{
    private static readonly VerbatimAnalyzer Analyzer = new(ThemeSet.BuiltIn);

    [Theory]
    [InlineData("The support team answered within the hour and fixed our import.", "en")]
    [InlineData("Il supporto risponde sempre in giornata, perche sono competenti.", "it")]
    [InlineData("الدعم الفني ممتاز والرد سريع", "ar")]
    [InlineData("Le support est très réactif et nous sommes contents du produit.", "other")]
    public void The_language_is_identified_with_confidence(string text, string language)
    {
        var result = Analyzer.Analyze(text);
        Assert.Equal(language, result.Language);
        Assert.False(result.LanguageGiven);
        Assert.True(result.LanguageConfidence >= (language == "other" ? 0.3 : 0.8), $"{result.LanguageConfidence}");
    }

    [Fact]
    public void A_lone_ok_has_a_low_confidence_and_a_given_language_is_kept()
    {
        Assert.True(Analyzer.Analyze("ok").LanguageConfidence < 0.3);
        var given = Analyzer.Analyze("ok", "it-IT");
        Assert.Equal("it", given.Language);
        Assert.Equal(1, given.LanguageConfidence);
        Assert.True(given.LanguageGiven);
    }

    [Fact]
    public void A_mixed_answer_takes_the_language_of_most_of_its_letters_with_less_confidence()
    {
        var mixed = Analyzer.Analyze("الـ dashboard ممتاز والتقارير دقيقة جداً");
        Assert.Equal("ar", mixed.Language);
        Assert.True(mixed.LanguageConfidence < Analyzer.Analyze("لوحة المعلومات ممتازة والتقارير دقيقة جداً").LanguageConfidence);
        Assert.Contains("reporting", mixed.Themes);
    }

    [Theory]
    [InlineData("It is not easy to use.", "negative")]
    [InlineData("Easy to use.", "positive")]
    [InlineData("Not bad at all, no problems so far.", "positive")]
    [InlineData("Non è per niente intuitivo.", "negative")]
    [InlineData("Non e facile da configurare", "negative")]
    [InlineData("Mai avuto problemi, funziona benissimo", "positive")]
    [InlineData("البرنامج زين", "positive")]
    [InlineData("البرنامج مو زين", "negative")]
    [InlineData("التطبيق حلو", "positive")]
    [InlineData("الدعم مش كويس", "negative")]
    [InlineData("ماعجبني البرنامج", "negative")]
    [InlineData("Great support, if you enjoy waiting two weeks for an answer.", "negative")]
    [InlineData("Pricing is fair but the invoices are hard to read.", "negative")]
    public void Negation_dialect_and_sarcasm_are_read(string text, string sentiment)
    {
        var result = Analyzer.Analyze(text);
        Assert.True(sentiment == result.Sentiment, $"{text}: {result.Sentiment} {result.SentimentScore}");
        Assert.InRange(result.SentimentScore, -1, 1);
    }

    [Theory]
    [InlineData("L'assistenza è stata rapidissima", "support")]
    [InlineData("lassistenza non risponde", "support")]
    [InlineData("Il costo dell'offerta è troppo alto", "price")]
    [InlineData("La fatturazione è sbagliata", "billing")]
    [InlineData("الفَواتيـــر فيها أخطاء", "billing")]
    [InlineData("مدير الحساب ما يرد", "account_management")]
    [InlineData("The Salesforce integration keeps breaking", "integrations")]
    [InlineData("Very intuitve interface", "ease_of_use")]
    public void Themes_are_found_through_elisions_accents_diacritics_and_typos(string text, string theme) =>
        Assert.Contains(theme, Analyzer.Analyze(text).Themes);

    [Fact]
    public void A_comment_can_have_no_theme_or_several()
    {
        Assert.Empty(Analyzer.Analyze("Great team, keep it up!").Themes);
        Assert.Equal(["price", "support"], Analyzer.Analyze("Too expensive, and support never answers.").Themes);
    }

    [Fact]
    public void A_promoter_who_complains_disagrees()
    {
        var complaint = Analyzer.Analyze("Terrible support, nobody answers our tickets.");
        Assert.True(complaint.Disagrees("promoter"));
        Assert.False(complaint.Disagrees("detractor"));
    }

    /// <summary>The readying an import of surveys runs beside its reading goes through each language's
    /// own path (identified, with its themes), and analyses beside it on other threads read as alone.</summary>
    [Fact]
    public void Preparing_reads_a_sample_in_each_language_and_leaves_analyses_unchanged()
    {
        string[] comments =
        [
            "Too expensive, and support never answers.", "Il supporto risponde sempre in giornata.",
            "الدعم الفني ممتاز والرد سريع", "The reports are slow to load.", "ok",
        ];
        var alone = comments.Select(c => Analyzer.Analyze(c)).ToList();
        var beside = new CommentAnalysis[comments.Length * 50];
        IReadOnlyList<CommentAnalysis>? samples = null;
        Parallel.Invoke(
            () => samples = VerbatimAnalyzer.Prepare(),
            () => Parallel.For(0, beside.Length, i => beside[i] = Analyzer.Analyze(comments[i % comments.Length])));

        Assert.Equal(["en", "it", "ar"], samples!.Select(a => a.Language));
        Assert.All(samples!, a => Assert.Equal(["support", "reporting"], a.Themes));
        for (var i = 0; i < beside.Length; i++)
        {
            var expected = alone[i % comments.Length];
            Assert.Equal(expected with { Themes = [] }, beside[i] with { Themes = [] });
            Assert.Equal(expected.Themes, beside[i].Themes);
        }
    }
}
