using EvalHarness.Core.Metrics;

namespace EvalHarness.Core.Tests.Metrics;

public sealed class RatioStatisticsTests
{
    // Four prompts with 3, 1, 2 and 4 instructions, of which 2, 1, 0 and 4 were followed.
    private static readonly double[] Shares = [2.0 / 3, 1.0, 0.0, 1.0];
    private static readonly double[] Counts = [3, 1, 2, 4];

    [Fact]
    public void Ratio_of_sums_and_its_clustered_standard_error_match_the_hand_computation()
    {
        var metric = RatioStatistics.Of("inst", Shares, Counts);

        // r = (2+1+0+4) / (3+1+2+4) = 0.7, not the mean of shares (0.6667).
        Assert.Equal(0.7, metric.Value, 12);
        // Residuals wᵢ(vᵢ − r): 2−2.1, 1−0.7, 0−1.4, 4−2.8 = −0.1, 0.3, −1.4, 1.2; Σd² = 3.5.
        // SE = √(n/(n−1) · Σd²) / Σw = √(4/3 · 3.5) / 10.
        Assert.Equal(Math.Sqrt(4.0 / 3 * 3.5) / 10, metric.StdErr, 12);
        Assert.Equal(4, metric.N);
    }

    [Fact]
    public void Unit_weights_reduce_to_the_plain_mean_and_its_standard_error()
    {
        double[] values = [1, 0, 1, 1, 0];
        var ratio = RatioStatistics.Of("acc", values, [1, 1, 1, 1, 1]);
        var mean = MeanStatistics.Of("acc", values);

        Assert.Equal(mean.Value, ratio.Value, 12);
        Assert.Equal(mean.StdErr, ratio.StdErr, 12);
        Assert.Equal(mean, RatioStatistics.MeanOrRatio("acc", values, [1, 1, 1, 1, 1]));
    }

    [Fact]
    public void Equal_weights_give_the_mean_whatever_their_size_and_unequal_ones_do_not()
    {
        var scaled = RatioStatistics.Of("inst", Shares, [5, 5, 5, 5]);
        var mean = MeanStatistics.Of("inst", Shares);

        Assert.Equal(mean.Value, scaled.Value, 12);
        Assert.Equal(mean.StdErr, scaled.StdErr, 12);
        Assert.NotEqual(mean.Value, RatioStatistics.MeanOrRatio("inst", Shares, Counts).Value, 6);
    }

    [Fact]
    public void Standard_error_agrees_with_the_cluster_robust_variance_of_the_unit_level_mean()
    {
        // Expand to instruction-level 0/1 outcomes with their prompt as cluster and compute the CR1-style variance
        // of the pooled mean directly: Var = n/(n−1) · Σ_clusters (Σ_units (yᵤ − ȳ))² / N².
        var units = new List<(int Cluster, double Outcome)>();
        int[] followed = [2, 1, 0, 4];
        for (var c = 0; c < Counts.Length; c++)
        {
            for (var u = 0; u < Counts[c]; u++) units.Add((c, u < followed[c] ? 1.0 : 0.0));
        }
        var pooled = units.Average(u => u.Outcome);
        var clusterSums = units.GroupBy(u => u.Cluster).Select(g => g.Sum(u => u.Outcome - pooled)).ToArray();
        var n = clusterSums.Length;
        var expected = Math.Sqrt(n / (n - 1.0) * clusterSums.Sum(s => s * s)) / units.Count;

        var metric = RatioStatistics.Of("inst", Shares, Counts);

        Assert.Equal(pooled, metric.Value, 12);
        Assert.Equal(expected, metric.StdErr, 12);
    }

    [Fact]
    public void One_sample_has_no_standard_error_and_bad_weights_are_rejected()
    {
        Assert.True(double.IsNaN(RatioStatistics.Of("inst", [0.5], [2]).StdErr));
        Assert.Throws<ArgumentException>(() => RatioStatistics.Of("inst", [0.5, 1], [2]));
        Assert.Throws<ArgumentException>(() => RatioStatistics.Of("inst", [0.5, 1], [2, -1]));
        Assert.Throws<ArgumentException>(() => RatioStatistics.Of("inst", [0.5, 1], [0, 0]));
        Assert.Throws<ArgumentException>(() => RatioStatistics.Of("inst", [], []));
    }

    [Fact]
    public void Weighted_breakdown_uses_ratios_per_group_and_the_overall_ratio_as_micro()
    {
        var samples = Shares.Select((v, i) => (Group: i < 2 ? "a" : "b", Value: v, Weight: Counts[i])).ToArray();

        var breakdown = MetricBreakdown.By("inst", samples, s => s.Group, s => s.Value, s => s.Weight);

        Assert.Equal(3.0 / 4, breakdown.Groups["a"].Value, 12);   // (2+1)/(3+1)
        Assert.Equal(4.0 / 6, breakdown.Groups["b"].Value, 12);   // (0+4)/(2+4)
        Assert.Equal(0.7, breakdown.Micro.Value, 12);
        Assert.Equal(breakdown.Overall, breakdown.Micro);
        Assert.Equal((3.0 / 4 + 4.0 / 6) / 2, breakdown.Macro.Value, 12);
    }
}
