namespace Ciclo.Import;

/// <summary>The cross-column rules DATA.md gives some entities. Each is checked in SQL by the
/// validation step; <see cref="Column"/> is the column the rejection names.</summary>
public enum RowRuleKind
{
    /// <summary>amount may be negative only when kind is refund.</summary>
    NegativeOnlyForRefund,
    /// <summary>clicks must not exceed impressions.</summary>
    ClicksNotAboveImpressions,
    /// <summary>customer_id is required when converted_on is set.</summary>
    CustomerRequiredWhenConverted,
    /// <summary>lost_on and converted_on cannot both be set.</summary>
    LostNotWithConverted,
}

public sealed record RowRule(RowRuleKind Kind, string Column);
