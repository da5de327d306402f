namespace Ciclo.Verbatims;

/// <summary>Which writing system a character belongs to: enough to tell Arabic from Latin text.</summary>
public static class Scripts
{
    public static bool IsArabic(char c) => c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F')
        or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    public static bool IsArabicLetter(char c) => IsArabic(c) && char.IsLetter(c);

    public static bool IsLatinLetter(char c) => char.IsLetter(c) && c <= '\u024F';

    public static bool IsArabicWord(string word)
    {
        foreach (var c in word)
        {
            if (IsArabicLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
