using System.Globalization;

namespace Ciclo.Tests.Support;

/// <summary>A value read from any engine as text that compares alike across engines.</summary>
public static class ValueText
{
    /// <summary>An instant as UTC to the second (an engine's timestamp without a zone is UTC),
    /// any other value as invariant text, NULL as ␀.</summary>
    public static string Utc(object? value) => value switch
    {
        DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        DateTime t => (t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        null or DBNull => "\u2400",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "\u2400",
    };
}
