namespace EvalHarness.Core.Metrics;

/// <summary>
/// A metric whose units are nested in samples (IFEval: instructions inside prompts). Each sample i contributes a
/// value vᵢ — the mean over its wᵢ units — and the weight wᵢ. The estimate is the ratio of sums
/// <code>
///   r = Σ wᵢ·vᵢ / Σ wᵢ          (e.g. instructions followed / instructions, over all prompts)
/// </code>
/// not the mean of the per-sample vᵢ. Units of one sample are not independent (one response follows or breaks
/// several instructions together), so the standard error treats samples as the independent clusters: the
/// ratio estimator's linearised (delta-method) variance, i.e. the cluster-robust variance of the pooled unit mean,
/// with the n/(n−1) small-sample factor:
/// <code>
///   dᵢ = wᵢ·(vᵢ − r)            (residual of sample i's unit total: yᵢ − r·wᵢ with yᵢ = wᵢ·vᵢ)
///   SE(r) = √( n/(n−1) · Σ dᵢ² ) / Σ wᵢ  =  √( Σ dᵢ² / (n·(n−1)) ) / w̄
/// </code>
/// With every wᵢ = 1 this is exactly lm-eval's mean_stderr (sample standard deviation over √n), which is why
/// <see cref="MeanOrRatio"/> can hand unweighted metrics to <see cref="MeanStatistics"/> without changing a digit.
/// N is the number of samples (clusters), not of units.
/// </summary>
public static class RatioStatistics
{
    public static MetricValue Of(string name, IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        MeanStatistics.RequireSome(values);
        if (weights.Count != values.Count)
        {
            throw new ArgumentException($"One weight per value is needed ({values.Count} values, {weights.Count} weights).", nameof(weights));
        }

        var totalWeight = 0.0;
        var weightedSum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new ArgumentException($"Weights must be finite and non-negative; sample {i} has {weights[i]}.", nameof(weights));
            }

            totalWeight += weights[i];
            weightedSum += weights[i] * values[i];
        }

        if (totalWeight <= 0)
        {
            throw new ArgumentException($"Metric '{name}' has zero total weight: no units to average over.", nameof(weights));
        }

        var ratio = weightedSum / totalWeight;
        return new MetricValue(name, ratio, StdErr(values, weights, ratio, totalWeight), values.Count);
    }

    /// <summary>The plain mean (<see cref="MeanStatistics"/>) when every weight is 1, else the ratio of sums.</summary>
    public static MetricValue MeanOrRatio(string name, IReadOnlyList<double> values, IReadOnlyList<double> weights) =>
        weights.All(w => w == 1.0) ? MeanStatistics.Of(name, values) : Of(name, values, weights);

    private static double StdErr(IReadOnlyList<double> values, IReadOnlyList<double> weights, double ratio, double totalWeight)
    {
        var n = values.Count;
        if (n < 2)
        {
            return double.NaN;
        }

        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var residual = weights[i] * (values[i] - ratio);
            squares += residual * residual;
        }

        return Math.Sqrt(squares * n / (n - 1)) / totalWeight;
    }
}
