namespace Ciclo.Verbatims;

/// <summary>A comment's language (en, it, ar or other) and how sure the guess is, from 0 to 1
/// (1 when the survey said it).</summary>
public readonly record struct LanguageGuess(string Code, double Confidence);
