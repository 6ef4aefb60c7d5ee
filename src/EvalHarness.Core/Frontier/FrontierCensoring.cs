namespace EvalHarness.Core.Frontier;

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
