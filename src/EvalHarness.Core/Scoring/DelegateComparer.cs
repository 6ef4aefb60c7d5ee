using EvalHarness.Core.Scoring.MathAnswers;

namespace EvalHarness.Core.Scoring;

/// <summary>A comparer given by a function and a description (math equivalence, AIME integers, letters).</summary>
public sealed class DelegateComparer(string description, Func<string, string, bool> matches) : IAnswerComparer
{
    /// <summary>MATH-style equivalence: see <see cref="MathEquivalence"/>.</summary>
    public static DelegateComparer Math { get; } = new("math_equivalence", MathEquivalence.AreEquivalent);

    /// <summary>AIME: integers 0–999 compared by value, leading zeros ignored.</summary>
    public static DelegateComparer AimeInteger { get; } = new("aime_integer", AimeAnswer.AreEquivalent);

    /// <summary>
    /// Choice letters, trimmed, case-insensitive: "answer: c" counts as C. (simple-evals compares the captured
    /// letter case-sensitively although its pattern is <c>(?i)</c>, so it would score that answer wrong.)
    /// </summary>
    public static DelegateComparer Letter { get; } =
        new("letter", (a, b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase));

    public string Describe() => description;

    public bool Matches(string extracted, string reference) => matches(extracted, reference);
}
