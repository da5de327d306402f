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
        if (s.Repeated > 0)
        {
            sb.Append(rtl).Append(Text.Format(lang, "ImportRepeated", N(s.Repeated))).Append('\n');
        }

        if (s.UnknownColumns.Count > 0)
        {
            sb.Append(rtl).Append(Text.Format(lang, "ImportUnknownColumns", string.Join(", ", s.UnknownColumns))).Append('\n');
        }

        if (s.Rejected > 0)
        {
            sb.Append(rtl).Append(Text.Get(lang, "ImportSeeQuarantine")).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>"line 7, column score: above the maximum 10" in the user's language.</summary>
    public static string Reason(Rejection r, string lang) => Text.Format(lang, "Reason_" + r.Reason, r.Detail ?? string.Empty);
}
