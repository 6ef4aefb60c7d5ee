namespace EvalHarness.Core.Scoring.MathAnswers;

/// <summary>
/// Whether a model's final answer equals the reference for MATH-style problems. Three tests, any one enough:
/// <list type="number">
/// <item>lm-eval hendrycks_math <c>is_equiv</c>: <see cref="HendrycksMathNormaliser"/> on both, string equality.</item>
/// <item>The same after lm-eval minerva_math <c>normalize_final_answer</c> as well (drops <c>\text{…}</c> wrappers,
/// unit words, <c>x = </c> prefixes): so <c>\text{(C)}</c> matches <c>(C)</c> and <c>5\text{ cm}</c> matches <c>5</c>.</item>
/// <item>Both normalised answers are plain numbers (integer, decimal, <c>a/b</c>, <c>\frac{a}{b}</c>) with the same
/// exact rational value: <c>18.0</c> = <c>18</c>, <c>0.25</c> = <c>\frac14</c>.</item>
/// </list>
/// Tests 2 and 3 make us slightly more lenient than lm-eval's hendrycks_math (which has only test 1) and stop short
/// of minerva_math's sympy equivalence (no symbolic algebra here): <c>\frac{\sqrt2}{2}</c> vs <c>\frac{1}{\sqrt2}</c>
/// counts as different.
/// </summary>
public static class MathEquivalence
{
    public static bool AreEquivalent(string predicted, string target)
    {
        if (HendrycksMathNormaliser.IsEquivalent(predicted, target))
        {
            return true;
        }

        var a = Canonical(predicted);
        var b = Canonical(target);
        if (a.Length > 0 && a == b)
        {
            return true;
        }

        return ExactRational.TryParse(a, out var x) && ExactRational.TryParse(b, out var y) && x == y;
    }

    /// <summary>hendrycks strip_string, then minerva normalisation, then strip_string again (minerva re-expands frac shorthand).</summary>
    public static string Canonical(string answer)
    {
        var stripped = HendrycksMathNormaliser.TryStrip(answer) ?? answer;
        var normalised = MinervaAnswerNormaliser.Normalise(stripped);
        return HendrycksMathNormaliser.TryStrip(normalised) ?? normalised;
    }
}
