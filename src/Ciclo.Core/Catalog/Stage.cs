namespace Ciclo.Catalog;

/// <summary>The five stages of the customer lifecycle, in funnel order.</summary>
public enum Stage { Attract, Capture, Nurture, Convert, Expand }
