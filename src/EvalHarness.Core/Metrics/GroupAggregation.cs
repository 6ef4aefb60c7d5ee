namespace EvalHarness.Core.Metrics;

/// <summary>
/// Combining per-group metrics (MMLU subjects, suite categories) into one.
/// <list type="bullet">
/// <item><see cref="Micro"/>: weighted by group size, SE pooled as lm-eval's <c>pooled_sample_stderr</c>
/// (REFERENCE §3): √(Σ(nᵢ−1)·SEᵢ²·nᵢ / (Σnᵢ − k) / Σnᵢ). This is lm-eval's group aggregation
/// (<c>weight_by_size: true</c>) and the MMLU headline.</item>
/// <item><see cref="Macro"/>: the unweighted mean of group values, SE from independent groups √(ΣSEᵢ²)/k.
/// (lm-eval applies the pooled formula even when not weighting by size; for an unweighted mean that
/// formula does not describe the estimator, so we use the independent-variance one.)</item>
/// <item><see cref="Weighted"/>: Σwᵢvᵢ with SE √(Σwᵢ²SEᵢ²), groups independent (composite scores).</item>
/// </list>
/// </summary>
public static class GroupAggregation
{
    public static double PooledSampleStdErr(IReadOnlyList<double> stdErrs, IReadOnlyList<int> sizes)
    {
        if (stdErrs.Count != sizes.Count)
        {
            throw new ArgumentException("One standard error per group size is needed.", nameof(sizes));
        }

        MeanStatistics.RequireSome(sizes);
        var total = 0.0;
        var pooled = 0.0;
        for (var i = 0; i < sizes.Count; i++)
        {
            // A one-sample group has no SE (NaN) but also zero weight (n−1 = 0): its limit contributes nothing.
            if (sizes[i] > 1)
            {
                pooled += (sizes[i] - 1) * stdErrs[i] * stdErrs[i] * sizes[i];
            }

            total += sizes[i];
        }

        var pooledVariance = pooled / (total - sizes.Count);
        return Math.Sqrt(pooledVariance / total);
    }

    public static MetricValue Micro(string name, IReadOnlyList<MetricValue> groups)
    {
        MeanStatistics.RequireSome(groups);
        var total = groups.Sum(g => (double)g.N);
        var value = groups.Sum(g => g.Value * g.N) / total;
        var stdErr = PooledSampleStdErr(groups.Select(g => g.StdErr).ToArray(), groups.Select(g => g.N).ToArray());
        return new MetricValue(name, value, stdErr, (int)total);
    }

    public static MetricValue Macro(string name, IReadOnlyList<MetricValue> groups)
    {
        MeanStatistics.RequireSome(groups);
        var weight = 1.0 / groups.Count;
        return Weighted(name, groups.Select(g => (g, weight)).ToArray());
    }

    public static MetricValue Weighted(string name, IReadOnlyList<(MetricValue Metric, double Weight)> parts)
    {
        MeanStatistics.RequireSome(parts);
        var value = parts.Sum(p => p.Weight * p.Metric.Value);
        var variance = parts.Sum(p => p.Weight * p.Weight * p.Metric.StdErr * p.Metric.StdErr);
        return new MetricValue(name, value, Math.Sqrt(variance), parts.Sum(p => p.Metric.N));
    }
}
