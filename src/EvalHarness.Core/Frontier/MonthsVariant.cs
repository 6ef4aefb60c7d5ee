namespace EvalHarness.Core.Frontier;

/// <summary>The labelled ways of turning a score into "months behind the frontier".</summary>
public enum MonthsVariant
{
    /// <summary>The published rule: r − (earliest release of a model scoring ≥ S), in days / 30.</summary>
    Threshold,

    /// <summary>Like Threshold, but the frontier is assumed to rise linearly in time between its record points.</summary>
    Interpolated,

    /// <summary>A straight line fitted to the frontier's record points (linear or log scale) gives when it reached S.</summary>
    Trend,

    /// <summary>Threshold rule measured to today's date instead of the model's release date.</summary>
    AsOfToday,
}
