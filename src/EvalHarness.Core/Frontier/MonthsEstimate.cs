using System.Globalization;

namespace EvalHarness.Core.Frontier;

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
