namespace Ciclo.Verbatims;

/// <summary>One word of a comment: its forms, where it is in the text, and whether punctuation
/// separates it from the word before (a clause boundary: negation does not cross it).</summary>
public readonly record struct CommentToken(TokenForms Forms, int Start, int End, bool StartsClause);
