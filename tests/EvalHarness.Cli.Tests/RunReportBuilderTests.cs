using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Metrics;
using EvalHarness.Core.Prompts;

namespace EvalHarness.Cli.Tests;

public sealed class RunReportBuilderTests
{
    private static TaskResult Result(string task, string scorer, Dictionary<string, MetricValue> groups, string metric = "string_match_all") =>
        new(task, "information_retrieval",
            new EvaluationProtocol(1, 0, false, "raw:0", ThinkingMode.Default, null, "generate", " ", null, scorer, "", "generated:ruler", null, "test"),
            [new MetricValue(metric, 0.5, 0.1, 4)],
            new Dictionary<string, IReadOnlyDictionary<string, MetricValue>> { [metric] = groups }, 4, 0, 0, 0, TimeSpan.Zero, []);

    [Fact]
    public void RULER_tasks_grouped_by_length_become_length_curves_in_token_order_and_others_do_not()
    {
        var ruler = Result("ruler", "ruler-all", new()
        {
            ["8192"] = new MetricValue("string_match_all", 0.25, 0.1, 2),
            ["4096"] = new MetricValue("string_match_all", 0.75, 0.1, 2),
        });
        var mmlu = Result("mmlu", "mc-loglikelihood", new() { ["anatomy"] = new MetricValue("acc", 0.5, 0.1, 2) }, "acc");

        var curves = RunReportBuilder.LengthCurves([ruler, mmlu]);

        var curve = Assert.Single(curves);
        Assert.Equal("ruler", curve.Key);
        Assert.Equal([4096, 8192], curve.Value.Select(p => p.ContextLength));
        Assert.Equal([0.75, 0.25], curve.Value.Select(p => p.Score));
    }
}
