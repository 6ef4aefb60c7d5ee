using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>One word of Punkt's tokenisation with the annotations of the two passes.</summary>
internal sealed class PunktToken
{
    private static readonly Regex Numeric = new(@"^-?[\.,]?\d[\d,\.-]*\.?$", RegexOptions.CultureInvariant);
    private static readonly Regex EllipsisPattern = new(@"^\.\.+$", RegexOptions.CultureInvariant);

    public PunktToken(string text)
    {
        Text = text;
        Type = Numeric.IsMatch(text) ? "##number##" : PythonText.Lower(text);
        PeriodFinal = text.EndsWith('.');
    }

    public string Text { get; }

    /// <summary>Lowercased token, or ##number## for numbers.</summary>
    public string Type { get; }

    public bool PeriodFinal { get; }
    public bool SentenceBreak { get; set; }
    public bool Abbreviation { get; set; }
    public bool Ellipsis { get; set; }

    public string TypeNoPeriod => Type.Length > 1 && Type[^1] == '.' ? Type[..^1] : Type;

    public string TypeNoSentencePeriod => SentenceBreak ? TypeNoPeriod : Type;

    public bool FirstUpper => PythonText.IsUpperChar(Text, 0);

    public bool FirstLower => PythonText.IsLowerChar(Text, 0);

    public bool IsEllipsis => EllipsisPattern.IsMatch(Text);

    /// <summary>A letter (Python [^\W\d]) followed by a period and nothing else.</summary>
    public bool IsInitial =>
        Text.Length >= 2 && Text[^1] == '.' && Rune.TryGetRuneAt(Text, 0, out var rune) && rune.Utf16SequenceLength == Text.Length - 1
        && PythonText.IsWordRune(rune) && !Rune.IsDigit(rune);
}
