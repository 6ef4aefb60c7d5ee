using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Offline stand-in for langdetect (the n-gram Naive Bayes detector the reference calls), returning the same
/// ISO 639-1 codes (zh-cn for Chinese). It works in two steps:
/// 1. Script: like langdetect it drops URLs and e-mail addresses, ignores digits and punctuation, and ignores Latin
///    letters when they are fewer than half the non-Latin ones; the script with most letters wins. Scripts used by a
///    single langdetect language decide at once (Bengali → bn, Gujarati → gu, Gurmukhi → pa, Kannada → kn,
///    Tamil → ta, Telugu → te, Malayalam → ml, Thai → th, Hangul → ko, Greek → el, Hebrew → he, kana → ja).
/// 2. Language within a shared script (Latin, Devanagari, Arabic, Cyrillic): Vietnamese by its letters, the rest by
///    hits on frequent function words (<see cref="LanguageStopWords"/>), Urdu and Persian also by their letters.
/// Differences from langdetect: no randomness (langdetect is unseeded in the reference), languages outside the
/// word lists are reported as their script's default (en, hi, ar, ru), and short or unusual texts that
/// langdetect resolves from letter n-grams may be assigned differently. All-capital English text is detected as
/// English here; langdetect only sees word-initial capitals of such text and usually, not always, says "en".
/// </summary>
public sealed class LanguageDetector
{
    public static LanguageDetector Default { get; } = new();

    private static readonly Regex Url = new(@"https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}", RegexOptions.CultureInvariant);
    private static readonly Regex Mail = new(@"[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}", RegexOptions.CultureInvariant);

    /// <summary>The detected language code, or null when the text has no letters (langdetect raises then).</summary>
    public string? Detect(string text)
    {
        text = Mail.Replace(Url.Replace(text, " "), " ");
        var counts = new Dictionary<Script, int>();
        foreach (var rune in text.EnumerateRunes())
        {
            var script = ScriptOf(rune);
            if (script != Script.None) counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        int latin = counts.GetValueOrDefault(Script.Latin);
        int nonLatin = counts.Where(pair => pair.Key != Script.Latin).Sum(pair => pair.Value);
        if (latin * 2 < nonLatin) counts.Remove(Script.Latin);
        if (counts.Count == 0) return null;

        var dominant = counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).First().Key;
        var lowered = PythonText.Lower(text);
        return dominant switch
        {
            Script.Latin => DetectLatin(lowered),
            Script.Devanagari => ByFunctionWords(lowered, LanguageStopWords.Devanagari, "hi"),
            Script.Arabic => DetectArabic(lowered),
            Script.Cyrillic => ByFunctionWords(lowered, LanguageStopWords.Cyrillic, "ru"),
            Script.Han => counts.GetValueOrDefault(Script.Kana) * 10 >= counts[Script.Han] ? "ja" : "zh-cn",
            _ => SingleLanguageScripts[dominant],
        };
    }

    private static readonly Dictionary<Script, string> SingleLanguageScripts = new()
    {
        [Script.Bengali] = "bn", [Script.Gujarati] = "gu", [Script.Gurmukhi] = "pa", [Script.Kannada] = "kn",
        [Script.Tamil] = "ta", [Script.Telugu] = "te", [Script.Malayalam] = "ml", [Script.Thai] = "th",
        [Script.Hangul] = "ko", [Script.Greek] = "el", [Script.Hebrew] = "he", [Script.Kana] = "ja",
    };

    private static string DetectLatin(string lowered)
    {
        int vietnamese = 0, letters = 0;
        foreach (var c in lowered)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is 'ơ' or 'ư' or 'đ' or 'ă' || (c >= '\u1EA0' && c <= '\u1EF9')) vietnamese++;
        }
        if (letters > 0 && vietnamese * 20 >= letters) return "vi";
        return ByFunctionWords(lowered, LanguageStopWords.Latin, "en");
    }

    private static string DetectArabic(string lowered)
    {
        int urduLetters = lowered.Count(c => c is '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06D2' or '\u06C1' or '\u06BE');
        int persianLetters = lowered.Count(c => c is '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06A9' or '\u06CC');
        int arabicLetters = lowered.Count(c => c is '\u0629' or '\u064A' or '\u0643' or '\u0649');
        var scores = FunctionWordHits(lowered, LanguageStopWords.Arabic);
        scores["ur"] += urduLetters / 4.0;
        scores["fa"] += Math.Max(0, persianLetters - urduLetters) / 8.0;
        scores["ar"] += arabicLetters / 8.0;
        return Best(scores, "ar");
    }

    private static string ByFunctionWords(string lowered, IReadOnlyDictionary<string, HashSet<string>> lists, string fallback) =>
        Best(FunctionWordHits(lowered, lists), fallback);

    private static Dictionary<string, double> FunctionWordHits(string lowered, IReadOnlyDictionary<string, HashSet<string>> lists)
    {
        var scores = lists.Keys.ToDictionary(language => language, _ => 0.0);
        foreach (var word in Words(lowered))
        {
            foreach (var (language, words) in lists)
            {
                if (words.Contains(word)) scores[language] += 1;
            }
        }
        return scores;
    }

    private static string Best(Dictionary<string, double> scores, string fallback)
    {
        var best = scores.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key == fallback ? 0 : 1).First();
        return best.Value > 0 ? best.Key : fallback;
    }

    /// <summary>Runs of letters and combining marks (Indic vowel signs belong to the word).</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetter(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == '\u200C' || c == '\u200D')
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0) yield return word.ToString();
            word.Clear();
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private enum Script
    {
        None, Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu,
        Kannada, Malayalam, Thai, Hangul, Kana, Han,
    }

    private static Script ScriptOf(Rune rune)
    {
        int v = rune.Value;
        if (!Rune.IsLetter(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)) return Script.None;
        return v switch
        {
            < 0x250 => v < 0x80 || v >= 0xC0 ? Script.Latin : Script.None,
            >= 0x1E00 and <= 0x1EFF => Script.Latin,
            >= 0x370 and <= 0x3FF => Script.Greek,
            >= 0x400 and <= 0x52F => Script.Cyrillic,
            >= 0x590 and <= 0x5FF => Script.Hebrew,
            >= 0x600 and <= 0x6FF or >= 0x750 and <= 0x77F or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => Script.Arabic,
            >= 0x900 and <= 0x97F => Script.Devanagari,
            >= 0x980 and <= 0x9FF => Script.Bengali,
            >= 0xA00 and <= 0xA7F => Script.Gurmukhi,
            >= 0xA80 and <= 0xAFF => Script.Gujarati,
            >= 0xB80 and <= 0xBFF => Script.Tamil,
            >= 0xC00 and <= 0xC7F => Script.Telugu,
            >= 0xC80 and <= 0xCFF => Script.Kannada,
            >= 0xD00 and <= 0xD7F => Script.Malayalam,
            >= 0xE00 and <= 0xE7F => Script.Thai,
            >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F => Script.Hangul,
            >= 0x3040 and <= 0x30FF => Script.Kana,
            >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF => Script.Han,
            _ => Script.None,
        };
    }
}
