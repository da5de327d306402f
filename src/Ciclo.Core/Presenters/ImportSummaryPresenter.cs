using System.Text;
using Ciclo.Import;
using Ciclo.Localization;

namespace Ciclo.Presenters;

/// <summary>The import summary and the plain reason of each rejection, localized.</summary>
public static class ImportSummaryPresenter
{
    public static string Render(ImportSummary s, string lang)
    {
        var f = new NumberFormatter(lang, string.Empty);
        string N(long n) => f.Number(n, "N0");
        var sb = new StringBuilder();
        var rtl = Text.IsRightToLeft(lang) ? "\u200F" : string.Empty;
        sb.Append(rtl).Append(Text.Format(lang, "ImportSummary", s.File, s.Entity, N(s.Read), N(s.Inserted), N(s.Updated), N(s.Unchanged), N(s.Rejected))).Append('\n');
        if (s.Format is { } format)
        {
            sb.Append(rtl).Append(Format(format, lang)).Append('\n');
        }

        if (s.Repeated > 0)
        {
            sb.Append(rtl).Append(Text.Format(lang, "ImportRepeated", N(s.Repeated))).Append('\n');
        }

        if (s.UnknownColumns.Count > 0)
        {
            sb.Append(rtl).Append(Text.Format(lang, "ImportUnknownColumns", string.Join(", ", s.UnknownColumns))).Append('\n');
        }

        if (s.LocalFormsRejected > 0)
        {
            sb.Append(rtl).Append(Text.Format(lang, "ImportCultureHint", N(s.LocalFormsRejected))).Append('\n');
        }

        if (s.Rejected > 0)
        {
            sb.Append(rtl).Append(Text.Get(lang, "ImportSeeQuarantine")).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>How the file was read, e.g. "Read as CSV: UTF-8 BOM, separated by semicolon; numbers and dates: it-IT (1.234,56 · 15/03/2024)."</summary>
    public static string Format(SourceFormat f, string lang)
    {
        var culture = f.Culture is null ? Text.Get(lang, "CultureIso") : $"{f.Culture} ({ValueCulture.Parse(f.Culture).Example})";
        return f.Type switch
        {
            "csv" => Text.Format(lang, "ImportFormatCsv", f.Encoding, Delimiter(f, lang), culture),
            "jsonl" => Text.Format(lang, "ImportFormatJsonl", f.Encoding, culture),
            "xlsx" => Text.Format(lang, "ImportFormatXlsx", f.Sheet, culture),
            _ => Text.Format(lang, "ImportFormatParquet", culture),
        };
    }

    private static string Delimiter(SourceFormat f, string lang) => f.Delimiter switch
    {
        ',' => Text.Get(lang, "DelimiterComma"),
        ';' => Text.Get(lang, "DelimiterSemicolon"),
        '\t' => Text.Get(lang, "DelimiterTab"),
        '|' => Text.Get(lang, "DelimiterPipe"),
        var c => c?.ToString() ?? string.Empty,
    };

    /// <summary>"line 7, column score: above the maximum 10" in the user's language.</summary>
    public static string Reason(Rejection r, string lang) =>
        r is { Reason: "not_a_number", Detail: not null }
            ? Text.Format(lang, "Reason_not_a_number_in", r.Detail) // read in a declared culture
            : Text.Format(lang, "Reason_" + r.Reason, r.Detail ?? string.Empty);
}
