namespace EvalHarness.Core.Frontier;

/// <summary>
/// An ordinary-least-squares line through the frontier's record points, f(score) = a + b·day, with f the
/// identity (linear) or ln (log). Inverting it gives the (fractional) day the trend reached a score.
/// Time is centred on the mean day to keep the arithmetic well conditioned.
/// </summary>
internal sealed record FrontierTrend(double MeanDay, double Intercept, double SlopePerDay, TrendScale Scale, double MinScore, double MaxScore)
{
    /// <summary>The fitted trend, or null (with the reason) when it is undefined.</summary>
    public static FrontierTrend? Fit(IReadOnlyList<FrontierPoint> records, TrendScale scale, out string reason)
    {
        reason = "";
        if (records.Select(r => r.Released).Distinct().Count() < 2)
        {
            reason = "the frontier has fewer than two record dates, so no line can be fitted";
            return null;
        }
        if (scale == TrendScale.Log && records.Any(r => r.Score <= 0))
        {
            reason = "a log-scale trend needs positive frontier scores";
            return null;
        }
        var xs = records.Select(r => (double)r.Released.DayNumber).ToArray();
        var ys = records.Select(r => Transform(r.Score, scale)).ToArray();
        var meanX = xs.Average();
        var meanY = ys.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
        }
        var slope = sxy / sxx;
        if (!(slope > 0))
        {
            reason = "the fitted frontier does not rise over time";
            return null;
        }
        return new FrontierTrend(meanX, meanY, slope, scale, records.Min(r => r.Score), records.Max(r => r.Score));
    }

    /// <summary>The fractional day number at which the line reaches <paramref name="score"/>; NaN when undefined.</summary>
    public double DayReaching(double score) =>
        Scale == TrendScale.Log && score <= 0 ? double.NaN : MeanDay + (Transform(score, Scale) - Intercept) / SlopePerDay;

    public bool Extrapolates(double score) => score < MinScore || score > MaxScore;

    private static double Transform(double score, TrendScale scale) => scale == TrendScale.Log ? Math.Log(score) : score;
}
