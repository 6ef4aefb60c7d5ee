using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Metrics;
using EvalHarness.Reports.Comparison;

namespace EvalHarness.Reports.Tests;

public class RunComparisonReportTests
{
    private static TaskResult Binary(string task, string idPrefix, params double[] scores) =>
        Fixtures.Task(task, "knowledge", scores.Select((s, i) => Fixtures.Record(task, $"{idPrefix}{i + 1}", s)).ToArray());

    [Fact]
    public void Paired_difference_on_the_same_sample_ids_matches_hand_computation()
    {
        var a = Binary("t", "q", 1, 0, 1, 1, 0);
        var b = Binary("t", "q", 1, 1, 1, 0, 1);
        var diff = MetricDifference.Of(a, b);

        // dᵢ = [0, 1, 0, −1, 1]: mean 0.2, Σ(dᵢ − 0.2)² = 2.8, variance 2.8 / 4 = 0.7, SE = √(0.7 / 5) = √0.14.
        Assert.True(diff.Paired);
        Assert.Equal(5, diff.PairedN);
        Assert.Equal(0.2, diff.Delta, 12);
        Assert.Equal(Math.Sqrt(0.14), diff.StdErr, 12);
        Assert.Equal(0.2 - 1.96 * Math.Sqrt(0.14), diff.CiLow, 12);
        Assert.Equal(0.2 + 1.96 * Math.Sqrt(0.14), diff.CiHigh, 12);
        Assert.False(diff.Significant);
    }

    [Fact]
    public void Different_sample_ids_fall_back_to_the_unpaired_rule()
    {
        var a = Binary("t", "a", 1, 0, 1, 1, 0);
        var b = Binary("t", "b", 1, 1, 1, 0, 1);
        var diff = MetricDifference.Of(a, b);

        // SE_A = √0.3 / √5 = √0.06, SE_B = √0.2 / √5 = √0.04: unpaired SE = √(0.06 + 0.04) = √0.1.
        Assert.False(diff.Paired);
        Assert.Equal(Math.Sqrt(0.1), diff.StdErr, 12);
        Assert.Equal(Math.Sqrt(0.06), a.Headline.StdErr, 12);
        Assert.Equal(Math.Sqrt(0.04), b.Headline.StdErr, 12);
    }

    [Fact]
    public void Records_without_the_headline_score_or_with_duplicates_are_not_paired()
    {
        var a = Binary("t", "q", 1, 0, 1);
        var duplicated = Fixtures.Task("t", "knowledge", [Fixtures.Record("t", "q1", 1), Fixtures.Record("t", "q1", 0), Fixtures.Record("t", "q3", 1)]);
        Assert.False(MetricDifference.Of(a, duplicated).Paired);
        var otherMetric = Fixtures.Task("t", "knowledge", [Fixtures.Record("t", "q1", 1, "em"), Fixtures.Record("t", "q2", 0, "em"), Fixtures.Record("t", "q3", 1, "em")], metric: "em");
        Assert.False(MetricDifference.Of(a, otherMetric).Paired);
    }

    [Fact]
    public void Task_table_shows_deltas_and_intervals_computed_by_hand()
    {
        var tasksA = new[] { Binary("paired", "q", 1, 0, 1, 1, 0), Fixtures.Task("mmlu_pro", "knowledge", new MetricValue("acc", 0.80, 0.01, 1200)), Binary("only_a", "x", 1, 0) };
        var tasksB = new[]
        {
            Binary("paired", "q", 1, 1, 1, 0, 1),
            Fixtures.Task("mmlu_pro", "knowledge", new MetricValue("acc", 0.85, 0.02, 1200), protocol: Fixtures.Protocol(fewShot: 5, revision: "def456")),
            Binary("only_b", "y", 0, 1),
        };
        var a = Fixtures.WithoutComposite() with { Tasks = tasksA };
        var b = Fixtures.WithoutComposite() with { Tasks = tasksB, Run = Fixtures.Run("run-b") };
        var markdown = RunComparisonReport.Render(a, b);
        var doc = MarkdownQueries.Parse(markdown);
        var table = MarkdownQueries.FirstTableAfter(doc, RunComparisonReport.Headings.Tasks);

        Assert.Equal(["Task", "Metric", "A", "B", "Δ (B − A)", "95% CI of Δ", "SE", "CI excludes 0", "Protocol differences"], table[0]);
        // Paired: 0.2 ± 1.96·√0.14 = 0.2 ± 0.73337.
        Assert.Equal(["paired", "acc", "0.6000 ± 0.2449", "0.8000 ± 0.2000", "+0.2000", "[-0.5334, 0.9334]", "paired (n=5)", "no", "—"], table[1]);
        // Unpaired: 0.05 ± 1.96·√(0.01² + 0.02²) = 0.05 ± 0.04383.
        Assert.Equal(["mmlu_pro", "acc", "0.8000 ± 0.0100", "0.8500 ± 0.0200", "+0.0500", "[0.0062, 0.0938]", "unpaired", "yes",
            "shots 0 → 5; dataset revision abc123 → def456"], table[2]);
        Assert.Equal(3, table.Count);
        Assert.Contains("Only in run A: only_a.", markdown);
        Assert.Contains("Only in run B: only_b.", markdown);
        Assert.Contains("Not compared: run A has no composite", markdown);
    }

    [Fact]
    public void Category_composite_and_index_deltas_are_unpaired_differences_of_what_core_computed()
    {
        var a = Fixtures.Full();
        var tasksB = Fixtures.Tasks().Select(t => t.Task == "mmlu_pro"
            ? Fixtures.Task("mmlu_pro", "knowledge", new MetricValue("acc", 0.83, 0.012, 1200))
            : t).ToArray();
        var b = Fixtures.Full(tasks: tasksB, runId: "run-b");
        var doc = MarkdownQueries.Parse(RunComparisonReport.Render(a, b));

        var categories = MarkdownQueries.FirstTableAfter(doc, RunComparisonReport.Headings.Categories);
        var knowledge = categories.Single(r => r[0] == "knowledge");
        var se = Math.Sqrt(0.01 * 0.01 + 0.012 * 0.012);
        Assert.Equal(["knowledge", "0.8000 ± 0.0100", "0.8300 ± 0.0120", "+0.0300", $"[{F4(0.03 - 1.96 * se)}, {F4(0.03 + 1.96 * se)}]", "yes"], knowledge);
        Assert.Equal("+0.0000", categories.Single(r => r[0] == "reasoning")[3]);

        var composite = MarkdownQueries.FirstTableAfter(doc, RunComparisonReport.Headings.Composite);
        var compositeRow = composite.Single(r => r[0] == "Composite (fraction)");
        Assert.Equal("+" + F4(b.Composite!.Value - a.Composite!.Value), compositeRow[3]);
        var indexRow = composite.Single(r => r[0].StartsWith("Frontier index"));
        var indexSe = Math.Sqrt(Math.Pow(a.Comparison!.LocalIndex.StandardError, 2) + Math.Pow(b.Comparison!.LocalIndex.StandardError, 2));
        var indexDelta = b.Comparison.LocalIndex.Value - a.Comparison.LocalIndex.Value;
        Assert.Equal("+" + indexDelta.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), indexRow[3]);
        Assert.Equal($"[{F1(indexDelta - 1.96 * indexSe)}, {F1(indexDelta + 1.96 * indexSe)}]", indexRow[4]);
        Assert.Contains(composite, r => r[0] == "Months to frontier (threshold)");
    }

    [Fact]
    public void Composites_over_different_benchmarks_are_not_differenced()
    {
        var a = Fixtures.Full();
        var b = Fixtures.Full(tasks: Fixtures.Tasks().Where(t => t.Task != "ifeval").ToArray(), runId: "run-b");
        var markdown = RunComparisonReport.Render(a, b);
        Assert.Contains("cover different benchmarks", markdown);
        var composite = MarkdownQueries.FirstTableAfter(MarkdownQueries.Parse(markdown), RunComparisonReport.Headings.Composite);
        Assert.DoesNotContain(composite, r => r[0] == "Composite (fraction)");
        Assert.Contains(composite, r => r[0].StartsWith("Frontier index"));
    }

    private static string F4(double v) => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);

    private static string F1(double v) => v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
