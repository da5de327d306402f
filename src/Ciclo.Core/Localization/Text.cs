using System.Globalization;
using System.Resources;

namespace Ciclo.Localization;

/// <summary>Every message a person reads, in English, Italian and Arabic (Messages*.resx).</summary>
public static class Text
{
    private static readonly ResourceManager Resources = new("Ciclo.Localization.Messages", typeof(Text).Assembly);

    public static readonly string[] Languages = ["en", "it", "ar"];

    /// <summary>The pinned culture of a language: en-US, it-IT, or ar-SA on the Gregorian calendar
    /// (periods are Gregorian; Saudi Arabia's default calendar is Umm al-Qura).</summary>
    public static CultureInfo Culture(string lang)
    {
        switch (lang)
        {
            case "it":
                return CultureInfo.GetCultureInfo("it-IT");
            case "ar":
                var ar = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
                ar.DateTimeFormat.Calendar = new GregorianCalendar();
                return CultureInfo.ReadOnly(ar);
            default:
                return CultureInfo.GetCultureInfo("en-US");
        }
    }

    public static bool IsRightToLeft(string lang) => lang == "ar";

    public static string Get(string lang, string key) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(lang)) ?? key;

    public static string Format(string lang, string key, params object?[] args) =>
        string.Format(Culture(lang), Get(lang, key), args);

    public static string Normalize(string? lang) => lang?.ToLowerInvariant() switch
    {
        null or "" => "en",
        var l when Languages.Contains(l) => l,
        var l when l.Length > 2 && Languages.Contains(l[..2]) => l[..2],
        _ => throw new ArgumentException(lang, nameof(lang)),
    };
}
