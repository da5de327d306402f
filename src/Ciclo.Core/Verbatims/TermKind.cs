namespace Ciclo.Verbatims;

/// <summary>How a lexicon word is matched: by stem (the default), as a prefix of the normalised
/// word (written with a final *), or as exactly the normalised word (written with a leading =,
/// for words whose stem is shared by an unrelated word, e.g. funzioni / funziona), or any one word
/// (written ?).</summary>
public enum TermKind
{
    Stem,
    Prefix,
    Exact,

    /// <summary>Any one word (written ?), inside a phrase only: "took ? weeks".</summary>
    Any,
}
