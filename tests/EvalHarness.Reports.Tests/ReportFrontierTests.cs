using EvalHarness.Core.Metrics;

namespace EvalHarness.Reports.Tests;

public class ReportFrontierTests
{
    [Fact]
    public void Fills_composite_comparison_and_months_exactly_as_the_direct_core_calls()
    {
        var expected = Fixtures.Full();
        var table = Fixtures.Table();
        var frontier = ReportFrontier.Compute(expected.Tasks, table, Fixtures.Released, Fixtures.Today);

        Assert.Equal(expected.Composite!.BenchmarkIds, frontier.Composite!.BenchmarkIds);
        Assert.Equal(expected.Composite.Value, frontier.Composite.Value, 12);
        Assert.Equal(["mmlu_pro", "gpqa_diamond", "livecodebench"], frontier.Comparison!.BenchmarkIds);
        Assert.Equal(expected.Comparison!.LocalIndex, frontier.Comparison.LocalIndex);
        Assert.Equal(expected.Months!.Threshold, frontier.Months!.Threshold);
        Assert.Null(frontier.NotComputedReason);

        var report = MarkdownReport.Render(frontier.ApplyTo(expected with { Composite = null, Comparison = null, Months = null }, table));
        Assert.Equal(MarkdownReport.Render(expected), report);
    }

    [Fact]
    public void No_known_benchmark_gives_no_composite_and_a_reason()
    {
        var tasks = new[] { Fixtures.Task("gsm8k", "reasoning", new MetricValue("acc", 0.5, 0.1, 20)) };
        var frontier = ReportFrontier.Compute(tasks, Fixtures.Table(), null, Fixtures.Today);
        Assert.Null(frontier.Composite);
        Assert.Null(frontier.Comparison);
        Assert.Null(frontier.Months);
        Assert.StartsWith("this run covers no benchmark of the frontier composite (tasks run: gsm8k;", frontier.NotComputedReason);
    }

    [Fact]
    public void Benchmarks_the_reference_lacks_give_a_composite_but_no_index()
    {
        var tasks = new[] { Fixtures.Task("ifeval", "instruction_following", new MetricValue("acc", 0.8, 0.02, 500)) };
        var frontier = ReportFrontier.Compute(tasks, Fixtures.Table(), null, Fixtures.Today);
        Assert.Equal(0.8, frontier.Composite!.Value, 12);
        Assert.Null(frontier.Comparison);
        Assert.Contains("has no frontier score for any benchmark this run covered (ifeval)", frontier.NotComputedReason);
    }

    [Fact]
    public void Unknown_release_date_measures_from_today_and_an_unestimated_se_is_named()
    {
        var tasks = new[] { Fixtures.Task("mmlu_pro", "knowledge", new MetricValue("acc", 0.8, double.NaN, 1)) };
        var frontier = ReportFrontier.Compute(tasks, Fixtures.Table(), null, Fixtures.Today);
        Assert.Equal(Fixtures.Today, frontier.Months!.Released);
        Assert.Equal(frontier.Months.AsOfToday.Months, frontier.Months.Threshold.Months);
        Assert.Equal("the SE of mmlu_pro could not be estimated and counts as 0.", frontier.NotComputedReason);
    }
}
