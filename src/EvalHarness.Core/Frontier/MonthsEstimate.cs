using System.Globalization;

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

/// <summary>How far the frontier data actually pins the answer down.</summary>
public enum FrontierCensoring
{
    /// <summary>The frontier is known to have crossed S at the reported date.</summary>
    None,

    /// <summary>No frontier model reaches S: the score is at or beyond the frontier, months = 0.</summary>
    AboveFrontier,

    /// <summary>The earliest model in the table already reaches S: the true lag may be longer (a lower bound).</summary>
    BelowTable,

    /// <summary>Trend only: S lies outside the range of the fitted points, so the line is extrapolated.</summary>
    Extrapolated,

    /// <summary>Trend only: the fit is undefined (fewer than two record dates, a flat or falling frontier, log of ≤ 0).</summary>
    Unavailable,
}

/// <summary>A [low, high] interval of months (NaN bounds when the variant is unavailable).</summary>
public readonly record struct MonthsInterval(double Low, double High);

/// <summary>
/// One variant's answer. <see cref="Months"/> is unrounded and never negative (a score the frontier had not
/// reached by the release date is 0 months behind); <see cref="Display"/> rounds to one decimal as published.
/// </summary>
/// <param name="FrontierReachedOn">When the frontier first reached S under this variant (nearest day); null when it never did.</param>
/// <param name="MatchedModel">The frontier model whose release sets the date (Threshold/AsOfToday; the upper bracket for Interpolated).</param>
/// <param name="Ci95">Months evaluated at S ± 1.96·SE (an interval, since months fall as S rises).</param>
public sealed record MonthsEstimate(
    MonthsVariant Variant,
    double Months,
    DateOnly? FrontierReachedOn,
    string? MatchedModel,
    FrontierCensoring Censoring,
    MonthsInterval Ci95,
    string Note)
{
    public bool IsAvailable => !double.IsNaN(Months);

    /// <summary>Months rounded to one decimal, half away from zero (the published presentation).</summary>
    public double MonthsRounded => RoundForDisplay(Months);

    public string Display => IsAvailable ? MonthsRounded.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    public static double RoundForDisplay(double months) => Math.Round(months, 1, MidpointRounding.AwayFromZero);
}

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
