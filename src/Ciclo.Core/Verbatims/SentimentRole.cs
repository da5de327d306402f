namespace Ciclo.Verbatims;

/// <summary>What a sentiment lexicon term does: carries polarity, or changes the polarity of others.
/// Sarcasm markers ("thanks for nothing") turn praise into blame on their own; irony markers
/// ("as usual", "once again") only when the comment also blames.</summary>
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
}
