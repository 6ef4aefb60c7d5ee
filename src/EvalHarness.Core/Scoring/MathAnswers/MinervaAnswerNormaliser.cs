using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.MathAnswers;

/// <summary>
/// A port of lm-eval's minerva_math <c>normalize_final_answer</c> (Lewkowycz et al. 2022, appendix D):
/// keeps the right-hand side of an equation, drops unit words and <c>\text{}</c> wrappers, expands
/// <c>\fracab</c> / <c>\sqrta</c> shorthand and removes thousands separators from plain integers.
/// </summary>
public static partial class MinervaAnswerNormaliser
{
    private static readonly (string Before, string After)[] Substitutions =
    [
        ("an ", ""), ("a ", ""), (".$", "$"), ("\\$", ""), ("\\ ", ""), (" ", ""), ("mbox", "text"),
        (",\\text{and}", ","), ("\\text{and}", ","), ("\\text{m}", "\\text{}"),
    ];

    private static readonly string[] RemovedExpressions =
    [
        "square", "ways", "integers", "dollars", "mph", "inches", "ft", "hours", "km", "units", "\\ldots", "sue",
        "points", "feet", "minutes", "digits", "cents", "degrees", "cm", "gm", "pounds", "meters", "meals", "edges",
        "students", "childrentickets", "multiples", "\\text{s}", "\\text{.}", "\\text{\ns}", "\\text{}^2",
        "\\text{}^3", "\\text{\n}", "\\text{}", "\\mathrm{th}", "^\\circ", "^{\\circ}", "\\;", ",\\!", "{,}", "\"",
        "\\dots",
    ];

    public static string Normalise(string finalAnswer)
    {
        var s = finalAnswer.Split('=')[^1];
        foreach (var (before, after) in Substitutions)
        {
            s = s.Replace(before, after, StringComparison.Ordinal);
        }

        foreach (var expression in RemovedExpressions)
        {
            s = s.Replace(expression, "", StringComparison.Ordinal);
        }

        // Python's re.sub replacement "$\\3$" is a literal $, group 3, a literal $.
        s = MathDelimited().Replace(s, "$$${3}$$");
        s = TextWrapper().Replace(s, "${2}");
        s = BoldWrapper().Replace(s, "${2}");
        s = OverlineWrapper().Replace(s, "${2}");
        s = BoxedWrapper().Replace(s, "${2}");
        s = FracShorthand().Replace(s, "frac{${2}}{${3}}");
        s = SqrtShorthand().Replace(s, "sqrt{${2}}");
        s = s.Replace("$", "", StringComparison.Ordinal);

        var withoutCommas = s.Replace(",", "", StringComparison.Ordinal);
        if (withoutCommas.Length > 0 && withoutCommas.All(char.IsDigit))
        {
            s = withoutCommas;
        }

        return s;
    }

    [GeneratedRegex(@"(.*?)(\$)(.*?)(\$)(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex MathDelimited();

    [GeneratedRegex(@"(\\text\{)(.*?)(\})", RegexOptions.CultureInvariant)]
    private static partial Regex TextWrapper();

    [GeneratedRegex(@"(\\textbf\{)(.*?)(\})", RegexOptions.CultureInvariant)]
    private static partial Regex BoldWrapper();

    [GeneratedRegex(@"(\\overline\{)(.*?)(\})", RegexOptions.CultureInvariant)]
    private static partial Regex OverlineWrapper();

    [GeneratedRegex(@"(\\boxed\{)(.*)(\})", RegexOptions.CultureInvariant)]
    private static partial Regex BoxedWrapper();

    [GeneratedRegex(@"(frac)([^{])(.)", RegexOptions.CultureInvariant)]
    private static partial Regex FracShorthand();

    [GeneratedRegex(@"(sqrt)([^{])", RegexOptions.CultureInvariant)]
    private static partial Regex SqrtShorthand();
}
