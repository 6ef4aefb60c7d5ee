namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>The reference's two relations: "less than" (actual &lt; threshold) and "at least" (actual ≥ threshold).</summary>
public enum ComparisonRelation
{
    LessThan,
    AtLeast,
}

internal static class ComparisonRelations
{
    /// <summary>Parses the exact strings the reference accepts; anything else is rejected as it is there.</summary>
    public static ComparisonRelation Parse(string? text, string argumentName) => text switch
    {
        "less than" => ComparisonRelation.LessThan,
        "at least" => ComparisonRelation.AtLeast,
        _ => throw new ArgumentException(
            $"The supported relation for comparison must be in ('less than', 'at least'), but '{text}' is given for '{argumentName}'."),
    };

    public static bool Holds(this ComparisonRelation relation, int actual, int threshold) =>
        relation == ComparisonRelation.LessThan ? actual < threshold : actual >= threshold;
}
