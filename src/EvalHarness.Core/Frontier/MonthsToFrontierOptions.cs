namespace EvalHarness.Core.Frontier;

/// <summary>Whether the trend line is fitted to the frontier score itself or to its logarithm.</summary>
public enum TrendScale
{
    /// <summary>score = a + b·t. Default: the index is a bounded, roughly linear-in-time percentage scale.</summary>
    Linear,

    /// <summary>ln(score) = a + b·t, i.e. constant relative growth per day. Needs positive scores.</summary>
    Log,
}

/// <summary>Options of <see cref="MonthsToFrontier.Compute(double, double, DateOnly, IReadOnlyList{FrontierPoint}, DateOnly, MonthsToFrontierOptions?)"/>.</summary>
/// <param name="ConfidenceZ">z of the interval on months; 1.96 gives the 95% interval the results report.</param>
public sealed record MonthsToFrontierOptions(TrendScale TrendScale = TrendScale.Linear, double ConfidenceZ = 1.96)
{
    public static MonthsToFrontierOptions Default { get; } = new();
}
