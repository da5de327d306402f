using System.Globalization;
using System.Text.RegularExpressions;

namespace Ciclo.Import;

/// <summary>
/// How one culture writes numbers and dates in a file (for example it-IT: <c>1.234,56</c> and
/// <c>15/03/2024</c>), and their translation into the ISO forms of DATA.md. A value that is not
/// well formed in the culture translates to null (and is rejected with its type's reason); a
/// value already in ISO form is accepted only where it cannot be misread (dates and timestamps).
/// </summary>
public sealed partial class ValueCulture
{
    private readonly Regex _decimal;
    private readonly Regex _integer;
    private readonly Regex _date;
    private readonly DateOrder _order;

    private enum DateOrder { DayFirst, MonthFirst, YearFirst }

    private ValueCulture(CultureInfo culture)
    {
        Name = culture.Name;
        var n = culture.NumberFormat;
        DecimalSeparator = n.NumberDecimalSeparator;
        GroupSeparator = n.NumberGroupSeparator;
        var groups = Regex.Escape(GroupSeparator);
        if (GroupSeparator.Trim().Length == 0)
        {
            groups = "[ \u00A0\u202F]"; // any kind of space
        }
        else if (GroupSeparator is "\u2019" or "'")
        {
            groups = "['\u2019]";
        }

        var dec = Regex.Escape(DecimalSeparator);
        _decimal = new Regex($@"^([+\-\u2212]?)(\d{{1,3}}(?:{groups}\d{{3}})+|\d+)(?:{dec}(\d+))?$", RegexOptions.CultureInvariant);
        _integer = new Regex($@"^([+\-\u2212]?)(\d{{1,3}}(?:{groups}\d{{3}})+|\d+)$", RegexOptions.CultureInvariant);
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        int d = pattern.IndexOf('d', StringComparison.Ordinal), m = pattern.IndexOf('M', StringComparison.Ordinal), y = pattern.IndexOf('y', StringComparison.Ordinal);
        _order = y >= 0 && y < d && y < m ? DateOrder.YearFirst : m >= 0 && m < d ? DateOrder.MonthFirst : DateOrder.DayFirst;
        _date = _order == DateOrder.YearFirst
            ? new Regex(@"^(\d{4})([./\-])(\d{1,2})\2(\d{1,2})", RegexOptions.CultureInvariant)
            : new Regex(@"^(\d{1,2})([./\-])(\d{1,2})\2(\d{4})", RegexOptions.CultureInvariant);
    }

    /// <summary>A number or date as cultures other than ISO write them: 1.234,56 · 12,5 · 1 234 · 15/03/2024 · 15.03.2024 09:30.</summary>
    public const string LocalFormPattern = @"[+-]?(\d{1,3}([., ]\d{3})+([.,]\d+)?|\d+,\d+)|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}( .*)?";

    public string Name { get; }

    public string DecimalSeparator { get; }

    public string GroupSeparator { get; }

    /// <summary>How the culture writes the date pattern, e.g. DD/MM/YYYY.</summary>
    public string DatePattern => _order switch
    {
        DateOrder.DayFirst => "DD/MM/YYYY",
        DateOrder.MonthFirst => "MM/DD/YYYY",
        _ => "YYYY/MM/DD",
    };

    /// <summary>A number as the culture writes it: "1.234,56".</summary>
    public string NumberExample => 1234.56m.ToString("N2", CultureInfo.GetCultureInfo(Name));

    /// <summary>An example of a number and a date in the culture: "1.234,56 · 15/03/2024".</summary>
    public string Example =>
        NumberExample + " · " + _order switch
        {
            DateOrder.DayFirst => "15/03/2024",
            DateOrder.MonthFirst => "03/15/2024",
            _ => "2024/03/15",
        };

    /// <summary>A culture by its name (it-IT, de-DE, en-US, ...).</summary>
    public static ValueCulture Parse(string name)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
            if (culture.Equals(CultureInfo.InvariantCulture) || culture.IsNeutralCulture)
            {
                throw new ImportOptionException("BadCulture", name);
            }

            return new ValueCulture(culture);
        }
        catch (CultureNotFoundException)
        {
            throw new ImportOptionException("BadCulture", name);
        }
    }

    /// <summary>The value in the ISO form of its type; null when it is not well formed in the culture.</summary>
    public string? ToIso(ColumnType type, string value) => type switch
    {
        ColumnType.Decimal => Number(_decimal, value),
        ColumnType.Integer => Number(_integer, value),
        ColumnType.Date => Date(value, out var rest) is { } iso && rest.Length == 0 ? iso : null,
        ColumnType.Timestamp => Timestamp(value),
        _ => value,
    };

    private static string? Number(Regex regex, string value)
    {
        var m = regex.Match(value);
        if (!m.Success)
        {
            return null;
        }

        var sign = m.Groups[1].Value.Length == 0 ? string.Empty : m.Groups[1].Value == "+" ? "+" : "-";
        var digits = new string(m.Groups[2].Value.Where(char.IsAsciiDigit).ToArray());
        return m.Groups.Count > 3 && m.Groups[3].Success ? sign + digits + "." + m.Groups[3].Value : sign + digits;
    }

    private string? Date(string value, out string rest)
    {
        rest = string.Empty;
        var iso = IsoDate().Match(value);
        if (iso.Success)
        {
            rest = value[iso.Length..];
            return iso.Value;
        }

        var m = _date.Match(value);
        if (!m.Success)
        {
            return null;
        }

        rest = value[m.Length..];
        var (year, month, day) = _order switch
        {
            DateOrder.DayFirst => (m.Groups[4].Value, m.Groups[3].Value, m.Groups[1].Value),
            DateOrder.MonthFirst => (m.Groups[4].Value, m.Groups[1].Value, m.Groups[3].Value),
            _ => (m.Groups[1].Value, m.Groups[3].Value, m.Groups[4].Value),
        };
        return year + "-" + month.PadLeft(2, '0') + "-" + day.PadLeft(2, '0');
    }

    private string? Timestamp(string value)
    {
        if (Date(value, out var rest) is not { } date)
        {
            return null;
        }

        var m = Time().Match(rest);
        if (!m.Success)
        {
            return null;
        }

        var seconds = m.Groups[3].Success ? ":" + m.Groups[3].Value + (m.Groups[4].Success ? "." + m.Groups[4].Value : string.Empty) : string.Empty;
        return date + "T" + m.Groups[1].Value.PadLeft(2, '0') + ":" + m.Groups[2].Value + seconds + m.Groups[5].Value;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[T ]\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Time();
}
