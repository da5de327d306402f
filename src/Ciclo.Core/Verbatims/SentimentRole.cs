namespace Ciclo.Verbatims;

/// <summary>What a sentiment lexicon term does: carries polarity, or changes the polarity of others.
/// Sarcasm markers ("thanks for nothing") turn praise into blame on their own; irony markers
/// ("as usual", "once again") only when the comment also blames. Excess ("too", troppo) makes the
/// next word a complaint ("too strict") and intensifies a word that already is one.</summary>
public enum SentimentRole
{
    Polar,
    Negator,
    Intensifier,
    Diminisher,
    Contrast,
    Concessive,
    Wish,
    Sarcasm,
    Irony,
    Excess,
}
