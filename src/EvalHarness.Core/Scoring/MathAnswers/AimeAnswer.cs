namespace EvalHarness.Core.Scoring.MathAnswers;

/// <summary>
/// AIME answers are integers 0–999, often written with leading zeros ("033"). An answer counts when its
/// normalised form (see <see cref="MathEquivalence.Canonical"/>) is exactly an integer in range equal to the
/// reference; <c>33.0</c> is accepted as 33, <c>33.5</c> and <c>1000</c> are not answers.
/// </summary>
public static class AimeAnswer
{
    public static int? TryParse(string answer)
    {
        var canonical = MathEquivalence.Canonical(answer);
        if (!ExactRational.TryParse(canonical, out var value) || !value.IsInteger)
        {
            return null;
        }

        return value.Numerator >= 0 && value.Numerator <= 999 ? (int)value.Numerator : null;
    }

    public static bool AreEquivalent(string predicted, string target)
    {
        var p = TryParse(predicted);
        return p is not null && p == TryParse(target);
    }
}
