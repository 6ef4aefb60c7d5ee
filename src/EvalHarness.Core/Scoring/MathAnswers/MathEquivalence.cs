namespace EvalHarness.Core.Scoring.MathAnswers;

/// <summary>
/// Whether a model's final answer equals the reference for MATH-style problems. Three tests, any one enough:
/// <list type="number">
/// <item>lm-eval hendrycks_math <c>is_equiv</c>: <see cref="HendrycksMathNormaliser"/> on both, string equality
/// (raw equality when normalising fails, as its <c>except Exception</c>).</item>
/// <item>The same after lm-eval minerva_math <c>normalize_final_answer</c> as well (drops <c>\text{…}</c> wrappers,
/// unit words): so <c>\text{(C)}</c> matches <c>(C)</c> and <c>15\mbox{ cm}^2</c> matches <c>15</c>.</item>
/// <item>Both normalised answers are plain numbers (integer, decimal, <c>a/b</c>, <c>\frac{a}{b}</c>) with the same
/// exact rational value: <c>18.0</c> = <c>18</c>, <c>0.25</c> = <c>\frac14</c>.</item>
/// </list>
/// Tests 2 and 3 make us slightly more lenient than lm-eval's hendrycks_math (which has only test 1) and stop short
/// of minerva_math's sympy equivalence (no symbolic algebra here): <c>\frac{\sqrt2}{2}</c> vs <c>\frac{1}{\sqrt2}</c>
/// counts as different.
/// </summary>
public static class MathEquivalence
{
    /// <summary>An answer's normal forms, computed once (a reference answer is compared with many outputs).</summary>
    public sealed record Forms(string Raw, string? HendrycksStripped, string Canonical, ExactRational? Value);

    public static Forms Prepare(string answer)
    {
        var canonical = Canonical(answer);
        return new Forms(
            answer,
            HendrycksMathNormaliser.TryStrip(answer),
            canonical,
            ExactRational.TryParse(canonical, out var value) ? value : null);
    }

    public static bool AreEquivalent(string predicted, string target) =>
        AreEquivalent(Prepare(predicted), Prepare(target));

    public static bool AreEquivalent(Forms predicted, Forms target)
    {
        var hendrycks = predicted.HendrycksStripped is null || target.HendrycksStripped is null
            ? string.Equals(predicted.Raw, target.Raw, StringComparison.Ordinal)
            : predicted.HendrycksStripped == target.HendrycksStripped;
        if (hendrycks)
        {
            return true;
        }

        if (predicted.Canonical.Length > 0 && predicted.Canonical == target.Canonical)
        {
            return true;
        }

        return predicted.Value is { } x && target.Value is { } y && x == y;
    }

    /// <summary>
    /// hendrycks strip_string, then minerva normalisation, then strip_string again (minerva re-expands frac
    /// shorthand). An answer that is still an equation after strip_string (which already drops short "x =" prefixes)
    /// skips minerva's step: its "keep what follows the last =" would turn "5x − 7y + 11z + 4 = 0" into "0".
    /// </summary>
    public static string Canonical(string answer)
    {
        var stripped = HendrycksMathNormaliser.TryStrip(answer) ?? answer;
        if (stripped.Contains('=', StringComparison.Ordinal))
        {
            return stripped;
        }

        var normalised = MinervaAnswerNormaliser.Normalise(stripped);
        return HendrycksMathNormaliser.TryStrip(normalised) ?? normalised;
    }
}
