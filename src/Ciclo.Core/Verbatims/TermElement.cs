namespace Ciclo.Verbatims;

/// <summary>One word of a lexicon term: what to compare (<see cref="Value"/>: a stem, a prefix or a
/// normalised word) in a language ("any" for names that are the same in every language), and the
/// normalised word as written, for typo-tolerant matching.</summary>
public sealed record TermElement(string Language, string Value, TermKind Kind, string Surface)
{
    public bool Matches(TokenForms t)
    {
        if (Kind == TermKind.Any)
        {
            return true;
        }

        if (t.IsArabic != (Language == "ar"))
        {
            return false;
        }

        return Kind switch
        {
            TermKind.Prefix => t.Norm.StartsWith(Value, StringComparison.Ordinal)
                               || (t.Stem(Language)?.StartsWith(Value, StringComparison.Ordinal) ?? false)
                               || (t.ArabicAlternative?.StartsWith(Value, StringComparison.Ordinal) ?? false),
            TermKind.Exact => t.Norm == Value,
            _ => Language switch
            {
                "en" => t.English == Value || t.Norm == Value,
                "en~" => t.EnglishLight == Value || t.Norm == Value,
                "it" => t.Italian == Value || t.ItalianUnelided == Value || t.Norm == Value,
                "ar" => t.ArabicStem == Value || t.Norm == Value || t.ArabicAlternative == Value,
                _ => t.Norm == Value,
            },
        };
    }
}
