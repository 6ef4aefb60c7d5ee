using EvalHarness.Core.Metrics;

namespace EvalHarness.Core.Tests.Metrics;

public class MeanAndGroupTests
{
    private const double Tolerance = 1e-12;

    // Group "a": 1,0,1,1 → mean 0.75, SD √(0.75/3) = 0.5, SE 0.25.
    // Group "b": 0,1     → mean 0.5,  SD √(0.5/1),      SE 0.5.
    private static readonly double[] GroupA = [1, 0, 1, 1];
    private static readonly double[] GroupB = [0, 1];

    [Fact]
    public void Mean_and_standard_error_use_the_sample_standard_deviation()
    {
        var metric = MeanStatistics.Of("acc", GroupA);

        Assert.Equal(0.75, metric.Value, Tolerance);
        Assert.Equal(0.5, MeanStatistics.SampleStdDev(GroupA), Tolerance);
        Assert.Equal(0.25, metric.StdErr, Tolerance);
        Assert.Equal(4, metric.N);
    }

    [Fact]
    public void A_single_sample_has_no_standard_error_and_none_is_an_error()
    {
        Assert.True(double.IsNaN(MeanStatistics.Of("acc", [1.0]).StdErr));
        Assert.Throws<ArgumentException>(() => MeanStatistics.Of("acc", []));
    }

    [Fact]
    public void Pooled_standard_error_against_a_hand_computation()
    {
        // Σ(nᵢ−1)·SEᵢ²·nᵢ = 3·0.0625·4 + 1·0.25·2 = 1.25; / (6 − 2) = 0.3125; / 6; √ = 0.2282177…
        var pooled = GroupAggregation.PooledSampleStdErr([0.25, 0.5], [4, 2]);

        Assert.Equal(Math.Sqrt(1.25 / 4 / 6), pooled, Tolerance);
        Assert.Equal(0.22821773229381923, pooled, Tolerance);
    }

    [Fact]
    public void Micro_average_weights_by_size_with_pooled_error()
    {
        var micro = GroupAggregation.Micro("acc", [MeanStatistics.Of("acc", GroupA), MeanStatistics.Of("acc", GroupB)]);

        Assert.Equal(4.0 / 6.0, micro.Value, Tolerance);
        Assert.Equal(0.22821773229381923, micro.StdErr, Tolerance);
        Assert.Equal(6, micro.N);
    }

    [Fact]
    public void Pooled_error_is_close_to_but_not_the_error_over_all_samples()
    {
        // lm-eval says the pooled formula "empirically seems to match" the SE over the concatenation; it is near.
        var direct = MeanStatistics.Of("acc", [.. GroupA, .. GroupB]);

        // Σ(x − 2/3)² = 4·(1/9) + 2·(4/9) = 12/9; SD² = (12/9)/5; SE = √(SD²/6) = 0.2108…
        Assert.Equal(Math.Sqrt(12.0 / 9.0 / 5 / 6), direct.StdErr, Tolerance);
        Assert.InRange(direct.StdErr, 0.20, 0.22);
    }

    [Fact]
    public void Macro_average_is_unweighted_with_independent_errors()
    {
        var macro = GroupAggregation.Macro("acc", [MeanStatistics.Of("acc", GroupA), MeanStatistics.Of("acc", GroupB)]);

        Assert.Equal(0.625, macro.Value, Tolerance);
        Assert.Equal(Math.Sqrt(0.0625 + 0.25) / 2, macro.StdErr, Tolerance);
    }

    [Fact]
    public void Weighted_sum_propagates_variances()
    {
        var weighted = GroupAggregation.Weighted("composite",
        [
            (new MetricValue("x", 0.8, 0.03, 100), 0.25),
            (new MetricValue("y", 0.4, 0.04, 50), 0.75),
        ]);

        Assert.Equal(0.25 * 0.8 + 0.75 * 0.4, weighted.Value, Tolerance);
        Assert.Equal(Math.Sqrt(0.0625 * 0.0009 + 0.5625 * 0.0016), weighted.StdErr, Tolerance);
        Assert.Equal(150, weighted.N);
    }

    [Fact]
    public void A_one_sample_group_adds_size_but_no_variance_to_the_pool()
    {
        var withSingleton = GroupAggregation.Micro("acc",
            [MeanStatistics.Of("acc", GroupA), MeanStatistics.Of("acc", GroupB), MeanStatistics.Of("acc", [1.0])]);

        // Σ(nᵢ−1)·SEᵢ²·nᵢ = 1.25 as before; Σn − k = 7 − 3 = 4; Σn = 7.
        Assert.Equal(Math.Sqrt(1.25 / 4 / 7), withSingleton.StdErr, Tolerance);
        Assert.Equal(5.0 / 7.0, withSingleton.Value, Tolerance);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => GroupAggregation.PooledSampleStdErr([0.1], [1, 2]));
    }

    [Fact]
    public void Breakdown_by_key()
    {
        var samples = GroupA.Select(v => ("anatomy", v)).Concat(GroupB.Select(v => ("virology", v))).ToArray();

        var breakdown = MetricBreakdown.By("acc", samples, s => s.Item1, s => s.v);

        Assert.Equal(["anatomy", "virology"], breakdown.Groups.Keys.ToArray());
        Assert.Equal(0.75, breakdown.Groups["anatomy"].Value, Tolerance);
        Assert.Equal(2, breakdown.Groups["virology"].N);
        Assert.Equal(4.0 / 6.0, breakdown.Overall.Value, Tolerance);
        Assert.Equal(breakdown.Overall.Value, breakdown.Micro.Value, Tolerance);
        Assert.Equal(0.22821773229381923, breakdown.Micro.StdErr, Tolerance);
        Assert.Equal(0.625, breakdown.Macro.Value, Tolerance);
    }

    [Fact]
    public void Metric_value_prints_invariantly()
    {
        Assert.Equal("acc = 0.7500 ± 0.2500 (n=4)", MeanStatistics.Of("acc", GroupA).ToString());
    }
}
