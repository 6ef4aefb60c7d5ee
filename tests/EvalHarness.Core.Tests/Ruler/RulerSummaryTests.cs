using EvalHarness.Core.Ruler;

namespace EvalHarness.Core.Tests.Ruler;

public sealed class RulerSummaryTests
{
    [Fact]
    public void Effective_length_is_the_longest_length_up_to_which_every_score_beats_the_threshold()
    {
        // Llama-3.1-8B-like curve: above 85.6 up to 32K, below from 64K.
        var scores = new Dictionary<int, double> { [4096] = 95.5, [8192] = 93.8, [16384] = 91.6, [32768] = 87.4, [65536] = 84.7, [131072] = 77.0 };

        Assert.Equal(32768, RulerSummary.EffectiveLength(scores));
        Assert.Equal(16384, RulerSummary.EffectiveLength(scores, threshold: 90));
        Assert.Null(RulerSummary.EffectiveLength(scores, threshold: 96));
    }

    [Fact]
    public void A_long_length_above_the_threshold_after_a_drop_does_not_count_and_equal_is_not_above()
    {
        var scores = new Dictionary<int, double> { [4096] = 90, [8192] = 85.6, [16384] = 88 };

        Assert.Equal(4096, RulerSummary.EffectiveLength(scores));
    }

    [Fact]
    public void Averages_match_rulers_definitions()
    {
        var scores = new Dictionary<int, double> { [8192] = 80, [4096] = 100, [16384] = 60 };

        Assert.Equal(80, RulerSummary.Average(scores), 10);
        Assert.Equal((100 * 1 + 80 * 2 + 60 * 3) / 6.0, RulerSummary.WeightedAverage(scores, increasing: true), 10);
        Assert.Equal((100 * 3 + 80 * 2 + 60 * 1) / 6.0, RulerSummary.WeightedAverage(scores, increasing: false), 10);
    }

    [Fact]
    public void Per_length_score_is_the_mean_over_tasks_of_each_tasks_mean_times_100()
    {
        var byLength = RulerSummary.ScoreByLength([
            ("niah_single_1", 4096, 1.0), ("niah_single_1", 4096, 1.0), ("cwe", 4096, 0.5),
            ("niah_single_1", 8192, 0.0),
        ]);

        Assert.Equal(75, byLength[4096], 10);
        Assert.Equal(0, byLength[8192], 10);
    }

    [Fact]
    public void Grid_has_one_cell_per_length_and_depth_and_cell_means_average_the_scores()
    {
        var generator = StandInTokenizer.Generator();
        var samples = NeedleGrid.Generate(generator, [2048, 4096], [0, 50, 100], samplesPerCell: 2, task: RulerTask.NiahSingle1);

        Assert.Equal(12, samples.Count);
        Assert.Equal(12, samples.Select(s => s.Id).Distinct().Count());
        var scores = samples.ToDictionary(s => s.Id, s => s.Depth == 100 ? 0.0 : s.Index == 0 ? 1.0 : 0.5);
        var cells = NeedleGrid.CellMeans(samples, scores);
        Assert.Equal(6, cells.Count);
        Assert.Equal(0.75, cells[(4096, 50)], 10);
        Assert.Equal(0.0, cells[(2048, 100)], 10);
    }
}
