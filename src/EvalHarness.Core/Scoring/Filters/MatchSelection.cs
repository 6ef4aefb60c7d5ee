namespace EvalHarness.Core.Scoring.Filters;

/// <summary>
/// Which regex match to keep, as lm-eval's <c>group_select</c>: an index into the list of all matches,
/// negative counting from the end (0 = first, -1 = last).
/// </summary>
public readonly record struct MatchSelection(int Index)
{
    public static MatchSelection First => new(0);

    public static MatchSelection Last => new(-1);

    /// <summary>The chosen position in a list of <paramref name="count"/> matches, or null when out of range.</summary>
    public int? Resolve(int count)
    {
        var resolved = Index < 0 ? count + Index : Index;
        return resolved >= 0 && resolved < count ? resolved : null;
    }

    public override string ToString() => Index switch
    {
        0 => "first",
        -1 => "last",
        _ => Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
