namespace Ciclo.Verbatims;

/// <summary>One word of a comment: its forms, where it is in the text, and whether punctuation
/// separates it from the word before (a clause boundary: negation does not cross it) or ends a
/// sentence before it (. ! ? or a line break).</summary>
public readonly record struct CommentToken(TokenForms Forms, int Start, int End, bool StartsClause, bool StartsSentence);
