using EvalHarness.Core.Frontier;

namespace EvalHarness.Core.Tests.Frontier;

/// <summary>Composite and SE propagation, checked against values worked out by hand in the comments.</summary>
public class CompositeCalculatorTests
{
    private static readonly CategoryScheme Scheme = new(
        [
            new BenchmarkDefinition("code_a", "Code A", "coding"),
            new BenchmarkDefinition("code_b", "Code B", "coding"),
            new BenchmarkDefinition("know_a", "Know A", "knowledge"),
            new BenchmarkDefinition("reason_a", "Reason A", "reasoning"),
        ],
        new Dictionary<string, double> { ["coding"] = 1, ["knowledge"] = 1, ["reasoning"] = 1 });

    private static readonly Dictionary<string, Measurement> Scores = new()
    {
        ["code_a"] = new(0.6, 0.03),
        ["code_b"] = new(0.4, 0.04),
        ["know_a"] = new(0.8, 0.02),
        ["reason_a"] = new(0.5, 0.05),
    };

    [Fact]
    public void Category_is_the_mean_and_its_SE_the_root_of_summed_weighted_variances()
    {
        var composite = new CompositeCalculator(Scheme).Compute(Scores);
        var coding = composite.Categories.Single(c => c.Category == "coding");
        // (0.6 + 0.4) / 2 = 0.5;  sqrt(0.25·0.03² + 0.25·0.04²) = sqrt(0.000625) = 0.025
        Assert.Equal(0.5, coding.Value, 12);
        Assert.Equal(0.025, coding.StandardError, 12);
        Assert.Equal(["code_a", "code_b"], coding.BenchmarkIds);
    }

    [Fact]
    public void Composite_is_the_mean_of_categories_with_propagated_SE()
    {
        var composite = new CompositeCalculator(Scheme).Compute(Scores);
        // (0.5 + 0.8 + 0.5) / 3 = 0.6;  sqrt(0.025² + 0.02² + 0.05²) / 3 = sqrt(0.003525) / 3
        Assert.Equal(0.6, composite.Value, 12);
        Assert.Equal(Math.Sqrt(0.003525) / 3, composite.StandardError, 12);
        Assert.Equal(["code_a", "code_b", "know_a", "reason_a"], composite.BenchmarkIds);
    }

    [Fact]
    public void Category_weights_are_configurable()
    {
        var weighted = Scheme.WithCategoryWeights(new Dictionary<string, double> { ["reasoning"] = 2 });
        var composite = new CompositeCalculator(weighted).Compute(Scores);
        // (0.5 + 0.8 + 2·0.5) / 4 = 0.575;  sqrt(0.025² + 0.02² + 4·0.05²) / 4 = sqrt(0.011025) / 4 = 0.105 / 4
        Assert.Equal(0.575, composite.Value, 12);
        Assert.Equal(0.02625, composite.StandardError, 12);
        Assert.Equal(1, Scheme.CategoryWeights["reasoning"]); // the original is unchanged
    }

    [Fact]
    public void Benchmark_weights_are_configurable()
    {
        var weighted = Scheme.WithBenchmarkWeights(new Dictionary<string, double> { ["code_a"] = 3 });
        var coding = new CompositeCalculator(weighted).Compute(Scores).Categories.Single(c => c.Category == "coding");
        // 0.75·0.6 + 0.25·0.4 = 0.55;  sqrt(0.75²·0.03² + 0.25²·0.04²) = sqrt(0.00060625)
        Assert.Equal(0.55, coding.Value, 12);
        Assert.Equal(Math.Sqrt(0.00060625), coding.StandardError, 12);
    }

    [Fact]
    public void Only_covered_categories_take_part()
    {
        var composite = new CompositeCalculator(Scheme).Compute(Scores, ["know_a", "code_a"]);
        // coding = 0.6 ± 0.03, knowledge = 0.8 ± 0.02, reasoning absent: 0.7 ± sqrt(0.0013) / 2
        Assert.Equal(["code_a", "know_a"], composite.BenchmarkIds); // scheme order, whatever the request order
        Assert.Equal(2, composite.Categories.Count);
        Assert.Equal(0.7, composite.Value, 12);
        Assert.Equal(Math.Sqrt(0.0013) / 2, composite.StandardError, 12);
    }

    [Fact]
    public void Index_scales_value_and_SE_to_the_reference()
    {
        var calculator = new CompositeCalculator(Scheme);
        var local = calculator.Compute(Scores);
        var reference = calculator.Compute(Scores.ToDictionary(p => p.Key, p => new Measurement(p.Value.Value * 1.25)));
        var index = local.IndexAgainst(reference);
        // 0.6 / 0.75 × 100 = 80;  SE = (sqrt(0.003525)/3) / 0.75 × 100
        Assert.Equal(80, index.Value, 10);
        Assert.Equal(Math.Sqrt(0.003525) / 3 / 0.75 * 100, index.StandardError, 10);
    }

    [Fact]
    public void Index_SE_includes_a_reference_SE_by_the_delta_method()
    {
        var calculator = new CompositeCalculator(Scheme);
        var local = calculator.Compute(new Dictionary<string, Measurement> { ["know_a"] = new(0.6, 0.03) });
        var reference = calculator.Compute(new Dictionary<string, Measurement> { ["know_a"] = new(0.8, 0.04) });
        var index = local.IndexAgainst(reference);
        // 75 × sqrt((0.03/0.6)² + (0.04/0.8)²) = 75 × sqrt(0.005)
        Assert.Equal(75, index.Value, 10);
        Assert.Equal(75 * Math.Sqrt(0.005), index.StandardError, 10);
    }

    [Fact]
    public void Index_refuses_composites_over_different_benchmarks()
    {
        var calculator = new CompositeCalculator(Scheme);
        var a = calculator.Compute(Scores, ["code_a"]);
        var b = calculator.Compute(Scores, ["code_a", "know_a"]);
        Assert.Throws<ArgumentException>(() => a.IndexAgainst(b));
    }

    [Fact]
    public void Missing_unknown_or_no_benchmarks_are_clear_errors()
    {
        var calculator = new CompositeCalculator(Scheme);
        var missing = Assert.Throws<UserInputException>(() => calculator.Compute(Scores, ["code_a", "know_b"]));
        Assert.Contains("'know_b' is not part of the frontier composite", missing.Message);

        var partial = new Dictionary<string, Measurement> { ["code_a"] = new(0.5) };
        Assert.Contains("no score for know_a", Assert.Throws<UserInputException>(() => calculator.Compute(partial, ["code_a", "know_a"])).Message);
        Assert.Contains("at least one benchmark", Assert.Throws<UserInputException>(() => calculator.Compute(new Dictionary<string, Measurement>())).Message);
    }

    [Fact]
    public void Zero_weight_categories_drop_out_but_not_all_of_them()
    {
        var scheme = Scheme.WithCategoryWeights(new Dictionary<string, double> { ["coding"] = 0 });
        var calculator = new CompositeCalculator(scheme);
        Assert.Equal(0.65, calculator.Compute(Scores).Value, 12); // (0.8 + 0.5) / 2
        Assert.Throws<UserInputException>(() => calculator.Compute(Scores, ["code_a"]));
    }

    [Fact]
    public void Measurement_rejects_negative_or_non_finite_inputs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Measurement(0.5, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Measurement(double.NaN));
    }
}
