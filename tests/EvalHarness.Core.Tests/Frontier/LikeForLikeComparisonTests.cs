using EvalHarness.Core.Frontier;

namespace EvalHarness.Core.Tests.Frontier;

public class LikeForLikeComparisonTests
{
    // Ref covers everything; A lacks reason_a; B lacks code_b.
    private static readonly FrontierTable Table = FrontierTable.Parse(FrontierYaml.Table(
        FrontierYaml.Model("Ref", "2025-06-01", ("code_a", 0.8), ("code_b", 0.6), ("know_a", 0.9), ("reason_a", 0.7)),
        FrontierYaml.Model("A", "2025-01-01", ("code_a", 0.5), ("code_b", 0.5), ("know_a", 0.6)),
        FrontierYaml.Model("B", "2025-03-01", ("code_a", 0.7), ("know_a", 0.8), ("reason_a", 0.6))));

    private static Dictionary<string, Measurement> Local(params string[] ids) =>
        ids.ToDictionary(id => id, _ => new Measurement(0.5, 0.02));

    [Fact]
    public void Frontier_is_recomputed_over_exactly_the_local_benchmarks()
    {
        var result = LikeForLikeComparison.Build(Table, Local("code_a", "know_a"));
        // Ref = (0.8 + 0.9)/2 = 0.85; A = (0.5 + 0.6)/2 = 0.55; B = (0.7 + 0.8)/2 = 0.75
        Assert.Equal(["code_a", "know_a"], result.BenchmarkIds);
        Assert.Equal(0.85, result.ReferenceComposite.Value, 12);
        var index = result.Frontier.ToDictionary(f => f.Model.Name, f => f.Index);
        Assert.Equal(100, index["Ref"], 10);
        Assert.Equal(0.55 / 0.85 * 100, index["A"], 10);
        Assert.Equal(0.75 / 0.85 * 100, index["B"], 10);
        Assert.Empty(result.Excluded);

        // Local 0.5 ± 0.02 on both: composite 0.5 ± sqrt(2·0.02²)/2, index /0.85 × 100
        Assert.Equal(0.5 / 0.85 * 100, result.LocalIndex.Value, 10);
        Assert.Equal(Math.Sqrt(2 * 0.0004) / 2 / 0.85 * 100, result.LocalIndex.StandardError, 10);
    }

    [Fact]
    public void Model_missing_a_compared_benchmark_is_excluded_and_reported()
    {
        var result = LikeForLikeComparison.Build(Table, Local("code_a", "code_b", "know_a"));
        // Ref = ((0.8+0.6)/2 + 0.9)/2 = 0.8; A = (0.5 + 0.6)/2 = 0.55
        Assert.Equal(["Ref", "A"], result.Frontier.Select(f => f.Model.Name));
        Assert.Equal(0.55 / 0.8 * 100, result.Frontier[1].Index, 10);
        var excluded = Assert.Single(result.Excluded);
        Assert.Equal("B", excluded.Model);
        Assert.Equal(["code_b"], excluded.MissingBenchmarks);

        var reasoning = LikeForLikeComparison.Build(Table, Local("reason_a"));
        Assert.Equal(["A"], reasoning.Excluded.Select(e => e.Model));
    }

    [Fact]
    public void Same_model_gives_a_different_index_over_different_benchmark_sets()
    {
        var narrow = LikeForLikeComparison.Build(Table, Local("code_a"));
        var wide = LikeForLikeComparison.Build(Table, Local("code_a", "know_a"));
        Assert.Equal(0.5 / 0.8 * 100, narrow.Frontier.Single(f => f.Model.Name == "A").Index, 10);
        Assert.Equal(0.55 / 0.85 * 100, wide.Frontier.Single(f => f.Model.Name == "A").Index, 10);
    }

    [Fact]
    public void Named_models_can_be_left_out()
    {
        var result = LikeForLikeComparison.Build(Table, Local("code_a"), excludeModels: ["b"]);
        Assert.Equal(["Ref", "A"], result.FrontierPoints.Select(p => p.Model));
    }

    [Fact]
    public void Category_scheme_override_changes_the_composites()
    {
        var scheme = Table.Scheme.WithCategoryWeights(new Dictionary<string, double> { ["knowledge"] = 3 });
        var result = LikeForLikeComparison.Build(Table, Local("code_a", "know_a"), scheme);
        Assert.Equal((0.8 + 3 * 0.9) / 4, result.ReferenceComposite.Value, 12);
    }

    [Fact]
    public void Benchmarks_without_frontier_coverage_are_a_clear_error()
    {
        var noReasoningReference = FrontierTable.Parse(FrontierYaml.Table(
            FrontierYaml.Model("Ref", "2025-06-01", ("code_a", 0.8)),
            FrontierYaml.Model("A", "2025-01-01", ("code_a", 0.5))));
        var error = Assert.Throws<UserInputException>(() => LikeForLikeComparison.Build(noReasoningReference, Local("code_a", "reason_a")));
        Assert.Contains("the reference model 'Ref' has no frontier score for reason_a", error.Message);
        Assert.Contains("no frontier model in the table covers all of them", error.Message);
        Assert.Contains("compare over benchmarks the reference model has (code_a)", error.Fix);
    }

    [Fact]
    public void Real_table_GPT5_is_100_over_the_AA_benchmarks()
    {
        var table = FrontierTable.Load(FrontierYaml.RealTablePath);
        var aaBenchmarks = new[] { "mmlu_pro", "gpqa_diamond", "livecodebench", "scicode", "aime2025" };
        Assert.Equal(aaBenchmarks.Order(), table.BenchmarksWithReferenceScores().Order());
        var local = aaBenchmarks.ToDictionary(id => id, id => new Measurement(table.Model("GPT-5 (high)").Scores[id].Value, 0.01));

        var result = LikeForLikeComparison.Build(table, local);
        Assert.Equal(100, result.LocalIndex.Value, 12);
        Assert.Equal(100, result.Frontier.Single(f => f.Model.Name == "GPT-5 (high)").Index, 12);
        // GPT-5 over the AA five: coding (0.846+0.429)/2, knowledge 0.871, reasoning (0.854+0.943)/2 → 2.407/3
        Assert.Equal(2.407 / 3, result.ReferenceComposite.Value, 12);
        // 14 AA rows cover all five benchmarks; o3-mini (no AIME 2025) and the rows without AA cells drop out.
        Assert.Equal(14, result.Frontier.Count);
        Assert.Contains(result.Excluded, e => e.Model == "o3-mini" && e.MissingBenchmarks.SequenceEqual(["aime2025"]));
    }

    [Fact]
    public void Real_table_excluding_AIME_brings_o3_mini_back()
    {
        var table = FrontierTable.Load(FrontierYaml.RealTablePath);
        var local = new[] { "mmlu_pro", "gpqa_diamond", "livecodebench", "scicode" }.ToDictionary(id => id, _ => new Measurement(0.7));
        var result = LikeForLikeComparison.Build(table, local);
        Assert.Contains(result.Frontier, f => f.Model.Name == "o3-mini");
        Assert.Equal(15, result.Frontier.Count);
    }
}
