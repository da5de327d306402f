namespace Ciclo.Influence;

/// <summary>Who takes the credit for an influenced revenue row: the latest engagement in the
/// window (last, the default), the earliest (first), or every distinct campaign with an
/// engagement in the window, equally (linear).</summary>
public enum AttributionModel { Last, First, Linear }
