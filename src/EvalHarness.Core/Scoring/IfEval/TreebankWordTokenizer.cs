using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// nltk's <c>word_tokenize</c>: Punkt sentences, each split by the NLTK (improved Treebank) word tokenizer —
/// quotes, brackets and most punctuation become their own tokens, clitics split off ("DON'T" → "DO", "N'T";
/// "CANNOT" → "CAN", "NOT"), hyphenated words stay whole. Used by change_case:capital_word_frequency.
/// </summary>
public static class TreebankWordTokenizer
{
    private static readonly (Regex Pattern, string Replacement)[] StartingQuotes =
    [
        (Rx("([«“‘„]|[`]+)"), " $1 "),
        (Rx("^\""), "``"),
        (Rx("(``)"), " $1 "),
        (Rx("([ \\(\\[{<])(\"|'{2})"), "$1 `` "),
        (Rx(@"(?i)(?<!\w)(')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)"), "$1 "),
    ];

    private static readonly (Regex Pattern, string Replacement)[] Punctuation =
    [
        (Rx("([^\\.])(\\.)([\\]\\)}>\"'»”’ ]*)\\s*$"), "$1 $2 $3 "),
        (Rx("([:,])([^\\d])"), " $1 $2"),
        (Rx("([:,])$"), " $1 "),
        (Rx("\\.{2,}"), " $0 "),
        (Rx("[;@#$%&]"), " $0 "),
        (Rx("[\\u2012-\\u2015]"), " $0 "),
        (Rx("([^\\.])(\\.)([\\]\\)}>\"']*)\\s*$"), "$1 $2$3 "),
        (Rx("[?!]"), " $0 "),
        (Rx("([^'])' "), "$1 ' "),
        (Rx("[*]"), " $0 "),
    ];

    private static readonly (Regex Pattern, string Replacement) ParensBrackets = (Rx("[\\]\\[\\(\\)\\{\\}\\<\\>]"), " $0 ");
    private static readonly (Regex Pattern, string Replacement) DoubleDashes = (Rx("--"), " -- ");

    private static readonly (Regex Pattern, string Replacement)[] EndingQuotes =
    [
        (Rx("([»”’])"), " $1 "),
        (Rx("''"), " '' "),
        (Rx("\""), " '' "),
        (Rx("\\s+"), " "),
        (Rx("([^' ])('[sS]|'[mM]|'[dD]|') "), "$1 $2 "),
        (Rx("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), "$1 $2 "),
    ];

    private static readonly Regex[] Contractions =
    [
        Rx(@"(?i)\b(can)(not)\b"), Rx(@"(?i)\b(d)('ye)\b"), Rx(@"(?i)\b(gim)(me)\b"), Rx(@"(?i)\b(gon)(na)\b"),
        Rx(@"(?i)\b(got)(ta)\b"), Rx(@"(?i)\b(lem)(me)\b"), Rx(@"(?i)\b(more)('n)\b"), Rx(@"(?i)\b(wan)(na)(?=\s)"),
        Rx(@"(?i) ('t)(is)\b"), Rx(@"(?i) ('t)(was)\b"),
    ];

    /// <summary>nltk.word_tokenize(text): sentence split first, then each sentence tokenized.</summary>
    public static IReadOnlyList<string> WordTokenize(string text) =>
        PunktSentenceTokenizer.English.Tokenize(text).SelectMany(Tokenize).ToList();

    /// <summary>The word tokenizer alone, on text assumed to be one sentence.</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        text = ApplyAll(StartingQuotes, text);
        text = ApplyAll(Punctuation, text);
        text = ParensBrackets.Pattern.Replace(text, ParensBrackets.Replacement);
        text = DoubleDashes.Pattern.Replace(text, DoubleDashes.Replacement);
        text = " " + text + " ";
        text = ApplyAll(EndingQuotes, text);
        foreach (var contraction in Contractions) text = contraction.Replace(text, " $1 $2 ");
        return PythonText.SplitOnWhitespace(text);
    }

    private static string ApplyAll((Regex Pattern, string Replacement)[] rules, string text)
    {
        foreach (var (pattern, replacement) in rules) text = pattern.Replace(text, replacement);
        return text;
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
}
