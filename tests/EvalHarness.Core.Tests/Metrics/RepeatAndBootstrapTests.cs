using EvalHarness.Core.Metrics;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Tests.Metrics;

public class RepeatAndBootstrapTests
{
    [Fact]
    public void Repeats_give_mean_and_spread_across_runs()
    {
        // Items × repeats: run 1 = (1,0,0) → 1/3, run 2 = (1,1,0) → 2/3.
        IReadOnlyList<IReadOnlyList<double>> scores = [[1, 1], [0, 1], [0, 0]];

        var stats = RepeatStatistics.Compute("acc", scores);

        Assert.Equal(2, stats.PerRepeat.Count);
        Assert.Equal(1.0 / 3.0, stats.PerRepeat[0].Value, 1e-12);
        Assert.Equal(0.5, stats.Mean, 1e-12);
        Assert.Equal(Math.Sqrt(1.0 / 18.0), stats.StdDevAcrossRepeats, 1e-12);
        Assert.Equal(1.0 / 6.0, stats.StdErrAcrossRepeats, 1e-12);
        Assert.Equal(0.5, stats.ItemAveraged.Value, 1e-12);
        Assert.Equal(0.5 / Math.Sqrt(3), stats.ItemAveraged.StdErr, 1e-12);
    }

    [Fact]
    public void Ragged_repeats_are_rejected()
    {
        IReadOnlyList<IReadOnlyList<double>> ragged = [[1, 0], [1]];

        Assert.Throws<ArgumentException>(() => RepeatStatistics.Compute("acc", ragged));
    }

    [Fact]
    public void Bootstrap_of_the_mean_approaches_the_analytic_error()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();
        // The bootstrap SE of a mean estimates the population-SD form: SD·√((n−1)/n)/√n.
        var analytic = MeanStatistics.StdErrOfMean(values) * Math.Sqrt(399.0 / 400.0);

        var bootstrap = BootstrapStdErr.Estimate(values, xs => MeanStatistics.Mean(xs), iterations: 2000);

        Assert.InRange(bootstrap / analytic, 0.93, 1.07);
    }

    [Fact]
    public void Bootstrap_is_deterministic_for_a_seed()
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
        static double Median(IReadOnlyList<double> xs) => xs.Order().ElementAt(xs.Count / 2);

        var first = BootstrapStdErr.Of("median", values, Median, seed: 42);
        var again = BootstrapStdErr.Of("median", values, Median, seed: 42);
        var other = BootstrapStdErr.Of("median", values, Median, seed: 43);

        Assert.Equal(4.0, first.Value);
        Assert.Equal(first, again);
        Assert.NotEqual(first.StdErr, other.StdErr);
        Assert.True(first.StdErr > 0);
    }

    [Fact]
    public void Bootstrap_of_a_constant_has_zero_error()
    {
        Assert.Equal(0.0, BootstrapStdErr.Estimate([2.0, 2.0, 2.0], xs => MeanStatistics.Mean(xs)));
    }

    [Fact]
    public void Score_summary_counts_flagged_samples()
    {
        var scorer = StandardScorers.Gsm8k(ThinkingMarkers.Think);
        var target = ScoringTarget.Of("#### 4");
        SampleScore[] scores =
        [
            scorer.Score(target, new GeneratedOutput("#### 4")),
            scorer.Score(target, new GeneratedOutput("it is 4")),
            scorer.Score(target, new GeneratedOutput("#### 4 and", Truncated: true)),
            scorer.Score(target, new GeneratedOutput("<think>hmm", Truncated: true)),
        ];

        var summary = ScoreSummary.From(scores);

        Assert.Equal(4, summary.Samples);
        Assert.Equal(2, summary.Truncated);
        Assert.Equal(1, summary.ThinkingUnterminated);
        Assert.Equal(2, summary.NoAnswerFound); // "it is 4" and the empty answer after unclosed thinking
        Assert.Equal(0.25, summary[StandardScorers.StrictMatch].Value, 1e-12);
        Assert.Equal(0.5, summary[StandardScorers.FlexibleExtract].Value, 1e-12);
    }
}
