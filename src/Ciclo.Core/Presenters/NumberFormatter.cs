using System.Globalization;
using System.Text;
using Ciclo.Catalog;
using Ciclo.Localization;
using Ciclo.Time;

namespace Ciclo.Presenters;

/// <summary>Formats values for people in a language's pinned culture: grouping and decimal
/// separators, percent signs, month names, and Arabic-Indic digits for Arabic.</summary>
public sealed class NumberFormatter(string lang, string currency)
{
    private readonly CultureInfo _culture = Text.Culture(lang);

    public string Value(double? value, Unit unit) => value is not { } v
        ? "—"
        : Digits(unit switch
        {
            Unit.Count => v.ToString("N0", _culture),
            Unit.Ratio => v.ToString("P1", _culture),
            Unit.Currency => v.ToString("N2", _culture) + " " + currency,
            Unit.Score => v.ToString("N1", _culture),
            Unit.Days => v.ToString("N1", _culture),
            _ => v.ToString(_culture),
        });

    public string Number(double value, string format) => Digits(value.ToString(format, _culture));

    /// <summary>A day with the month spelled out, so no reader confuses day and month.</summary>
    public string Date(DateOnly day) => Digits(day.ToString(lang switch
    {
        "en" => "MMM d, yyyy",
        "it" => "d MMM yyyy",
        _ => "d MMMM yyyy",
    }, _culture));

    public string Period(Period period) => period.Grain == Grain.Month
        ? Digits(period.Start.ToString("MMM yyyy", _culture))
        : Digits(period.Label);

    /// <summary>Arabic-Indic digits for Arabic; other languages keep ASCII digits.</summary>
    public string Digits(string text)
    {
        if (lang != "ar")
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c);
        }

        return sb.ToString();
    }
}
