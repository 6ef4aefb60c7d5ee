using EvalHarness.Core.Frontier;
using EvalHarness.Core.Runs;
using EvalHarness.Core.Tests.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Runs;

/// <summary>Category scores and the frontier standing computed from a run's task results.</summary>
public sealed class RunScoresTests
{
    [Fact]
    public void A_category_is_the_weighted_mean_of_its_tasks_with_independent_errors()
    {
        using var dir = TestPaths.NewTempDirectory();
        var spec = TaskFixtures.WriteQaTask(dir.Path);
        var plan = new[]
        {
            RunFixtures.Planned(spec with { Name = "a" }, "reasoning", weight: 1),
            RunFixtures.Planned(spec with { Name = "b" }, "reasoning", weight: 3),
            RunFixtures.Planned(spec with { Name = "c" }, "knowledge"),
        };
        var results = new[] { RunFixtures.Result("a", "reasoning", 0.2, 0.04), RunFixtures.Result("b", "reasoning", 0.6, 0.02), RunFixtures.Result("c", "knowledge", 0.5, 0.05) };

        var categories = RunCategoryScore.Of(plan.Select(p => p.Entry).ToArray(), results);

        Assert.Equal(["knowledge", "reasoning"], categories.Select(c => c.Category));
        var reasoning = categories[1];
        Assert.Equal((0.2 + 3 * 0.6) / 4, reasoning.Value, 12);
        Assert.Equal(Math.Sqrt(0.04 * 0.04 + 9 * 0.02 * 0.02) / 4, reasoning.StdErr, 12);
        Assert.Equal(["a", "b"], reasoning.Tasks);
        Assert.Equal(0.05, categories[0].StdErr, 12);
    }

    [Fact]
    public void Tasks_tied_to_frontier_benchmarks_are_compared_like_for_like_with_months_to_frontier()
    {
        using var dir = TestPaths.NewTempDirectory();
        var spec = TaskFixtures.WriteQaTask(dir.Path);
        var table = FrontierTable.Load(Path.Combine(TestPaths.RepositoryRoot, "models", "frontier.yaml"));
        var plan = new[]
        {
            RunFixtures.Planned(spec with { Name = "mmlu_pro" }, "knowledge", "mmlu_pro"),
            RunFixtures.Planned(spec with { Name = "gpqa_diamond" }, "reasoning", "gpqa_diamond"),
            RunFixtures.Planned(spec with { Name = "smoke" }, "reasoning"),
        };
        var results = new[]
        {
            RunFixtures.Result("mmlu_pro", "knowledge", 0.80, 0.01), RunFixtures.Result("gpqa_diamond", "reasoning", 0.70, 0.03),
            RunFixtures.Result("smoke", "reasoning", 0.1, 0.1),
        };

        var standing = FrontierStanding.Compute(table, plan.Select(p => p.Entry).ToArray(), results, new DateOnly(2025, 7, 15), new DateOnly(2026, 11, 23));

        Assert.Null(standing.Note);
        Assert.Equal(["gpqa_diamond", "mmlu_pro"], standing.LocalScores.Keys);
        var expected = LikeForLikeComparison.Build(table, standing.LocalScores);
        Assert.Equal(expected.LocalIndex, standing.Comparison!.LocalIndex);
        Assert.Equal(MonthsToFrontier.Compute(expected, new DateOnly(2025, 7, 15), new DateOnly(2026, 11, 23)).Threshold, standing.Months!.Threshold);
    }

    [Fact]
    public void Without_any_frontier_benchmark_the_standing_says_why_it_is_not_computed()
    {
        using var dir = TestPaths.NewTempDirectory();
        var spec = TaskFixtures.WriteQaTask(dir.Path);
        var table = FrontierTable.Load(Path.Combine(TestPaths.RepositoryRoot, "models", "frontier.yaml"));

        var standing = FrontierStanding.Compute(table, [RunFixtures.Planned(spec, "reasoning").Entry], [RunFixtures.Result(spec.Name, "reasoning", 0.5, 0.1)],
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1));

        Assert.Null(standing.Comparison);
        Assert.Null(standing.Months);
        Assert.StartsWith("this run covers no benchmark of the frontier composite (tasks run: tiny_qa;", standing.Note);
    }
}
