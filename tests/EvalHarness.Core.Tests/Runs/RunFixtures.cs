using System.Text.Json.Nodes;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Metrics;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Runs;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Filters;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Tests.Runs;

/// <summary>Hand-made task results and plans for the run-level arithmetic.</summary>
internal static class RunFixtures
{
    public static EvaluationProtocol Protocol { get; } = new(1, 0, false, "raw:0", ThinkingMode.Default, null, "generate", " ", null, "gsm8k", "", "local:x", null, "test");

    public static TaskResult Result(string task, string category, double value, double stdErr, int n = 100) =>
        new(task, category, Protocol, [new MetricValue("acc", value, stdErr, n)], new Dictionary<string, IReadOnlyDictionary<string, MetricValue>>(),
            n, 0, 0, 0, TimeSpan.Zero, []);

    /// <summary>A plan entry whose data is never read by the code under test (only its entry and name are).</summary>
    public static PlannedTask Planned(TaskSpec spec, string category, string? benchmark = null, double weight = 1) =>
        new(new SuiteTask(spec.Name, category, benchmark, weight, null), new TaskData(spec, new ResolvedDataset("/", "local:/", null), [], []));

    public static SampleRecord Record(string task, string id, double score) => new(task, id, null, $"prompt {id}", ["s1"], [], "4",
        $"answer {id}", null, score == 1 ? "4" : "5", new Dictionary<string, double> { ["acc"] = score }, false, "None", null);

    public static SampleScore Score(double value) => new([new MetricScore("acc", value, value == 1 ? "4" : "5", AnswerFlags.None)],
        value == 1 ? AnswerFlags.None : AnswerFlags.NoMatch | AnswerFlags.Truncated, "thought");

    public static Sample Sample(string id) => new(id, null, new DatasetRecord("f", 1, 0, new JsonObject(), null), [], -1, "4");
}
