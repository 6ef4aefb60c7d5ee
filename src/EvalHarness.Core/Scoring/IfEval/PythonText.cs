using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Python 3 <c>str</c> semantics the reference checkers rely on (strip, isupper, islower, lower, the Unicode
/// <c>\w</c> class). .NET's own versions differ in small ways that change IFEval verdicts (for example .NET's
/// <c>\w</c> contains combining marks, Python's does not, so Hindi words are split differently), so the checkers
/// use these instead of <c>string.Trim</c> or <c>Regex</c> <c>\w</c>.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace</c> for one char: .NET whitespace plus the four information separators.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');

    /// <summary>Python's <c>str.strip()</c> with no argument.</summary>
    public static string Strip(string value)
    {
        int start = 0, end = value.Length;
        while (start < end && IsSpace(value[start])) start++;
        while (end > start && IsSpace(value[end - 1])) end--;
        return value[start..end];
    }

    /// <summary>Python's <c>str.strip(chars)</c>.</summary>
    public static string Strip(string value, string chars) => LeftStrip(RightStrip(value, chars), chars);

    public static string LeftStrip(string value, string chars)
    {
        int start = 0;
        while (start < value.Length && chars.Contains(value[start])) start++;
        return value[start..];
    }

    public static string RightStrip(string value, string chars)
    {
        int end = value.Length;
        while (end > 0 && chars.Contains(value[end - 1])) end--;
        return value[..end];
    }

    /// <summary>Python's <c>str.split()</c> with no argument: runs of whitespace separate, no empty pieces.</summary>
    public static List<string> SplitOnWhitespace(string value)
    {
        var pieces = new List<string>();
        int i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && IsSpace(value[i])) i++;
            int start = i;
            while (i < value.Length && !IsSpace(value[i])) i++;
            if (i > start) pieces.Add(value[start..i]);
        }
        return pieces;
    }

    /// <summary>Python's <c>str.lower()</c> (simple case mapping; the rare multi-char mappings are not applied).</summary>
    public static string Lower(string value) => value.ToLowerInvariant();

    /// <summary>Python's <c>str.isupper()</c>: at least one cased character and no lowercase or titlecase one.</summary>
    public static bool IsUpper(string value) => CaseProfile(value) is (true, false);

    /// <summary>Python's <c>str.islower()</c>: at least one cased character and no uppercase or titlecase one.</summary>
    public static bool IsLower(string value)
    {
        bool cased = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsUpperRune(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.TitlecaseLetter) return false;
            if (IsLowerRune(rune)) cased = true;
        }
        return cased;
    }

    private static (bool Cased, bool HasLowerOrTitle) CaseProfile(string value)
    {
        bool cased = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsLowerRune(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.TitlecaseLetter) return (cased, true);
            if (IsUpperRune(rune)) cased = true;
        }
        return (cased, false);
    }

    /// <summary>Unicode "Uppercase" (Lu plus the circled capitals and Roman numerals Python also counts).</summary>
    public static bool IsUpperRune(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.UppercaseLetter
        || (rune.Value >= 0x2160 && rune.Value <= 0x216F) || (rune.Value >= 0x24B6 && rune.Value <= 0x24CF);

    /// <summary>Unicode "Lowercase" (Ll plus ª º, modifier letters and the lowercase Roman numerals/circled letters).</summary>
    public static bool IsLowerRune(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.LowercaseLetter
        || rune.Value is 0xAA or 0xBA
        || (rune.Value >= 0x2B0 && rune.Value <= 0x2B8) || (rune.Value >= 0x2C0 && rune.Value <= 0x2C1)
        || (rune.Value >= 0x2E0 && rune.Value <= 0x2E4)
        || (rune.Value >= 0x2170 && rune.Value <= 0x217F) || (rune.Value >= 0x24D0 && rune.Value <= 0x24E9);

    /// <summary>
    /// Python's Unicode <c>\w</c>: letters (L*), numbers (Nd, Nl, No) and the underscore. Unlike .NET it excludes
    /// combining marks (Mn, Mc) and connector punctuation other than '_'.
    /// </summary>
    public static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>Python's <c>str.isupper()</c> for a single character.</summary>
    public static bool IsUpperChar(string value, int index) =>
        Rune.TryGetRuneAt(value, index, out var rune) && IsUpperRune(rune);

    public static bool IsLowerChar(string value, int index) =>
        Rune.TryGetRuneAt(value, index, out var rune) && IsLowerRune(rune);
}
