namespace Ciclo.Verbatims;

/// <summary>What a refresh did: comments analysed (new or changed), results removed (the comment
/// is gone), and comments whose stored results were still good.</summary>
public readonly record struct AnalysisRefresh(int Analysed, int Removed, int Unchanged);
