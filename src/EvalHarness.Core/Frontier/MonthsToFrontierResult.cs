namespace EvalHarness.Core.Frontier;

/// <summary>All variants for one score, plus the inputs they were computed from.</summary>
public sealed record MonthsToFrontierResult(
    double Score,
    double StandardError,
    DateOnly Released,
    DateOnly Today,
    MonthsEstimate Threshold,
    MonthsEstimate Interpolated,
    MonthsEstimate Trend,
    MonthsEstimate AsOfToday)
{
    public IReadOnlyList<MonthsEstimate> All => [Threshold, Interpolated, Trend, AsOfToday];
}
