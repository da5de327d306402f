namespace Ciclo.Verbatims;

/// <summary>A term found in a comment: the words from <see cref="Start"/>, <see cref="Length"/> long.</summary>
public readonly record struct TermMatch<T>(int Start, int Length, TermPattern<T> Pattern)
{
    public int End => Start + Length;
}
