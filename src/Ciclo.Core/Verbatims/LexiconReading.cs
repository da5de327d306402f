namespace Ciclo.Verbatims;

/// <summary>What the sentiment lexicon and its rules make of one comment: the lexicon's result, the
/// weight of praise and of blame, the sum of polar words outside and after the last contrast word
/// ("but", ma, لكن: Tail; -1 when there is none: LastContrast), whether the rules read it as mixed or
/// ironic, whether it voices a wish, and the word ranges a negation covers (from, to inclusive).</summary>
public sealed record LexiconReading(SentimentResult Result, double Praise, double Blame, double Head, double Tail,
    int LastContrast, bool Mixed, bool Ironic, bool Wish, IReadOnlyList<(int From, int To)> Negated);
