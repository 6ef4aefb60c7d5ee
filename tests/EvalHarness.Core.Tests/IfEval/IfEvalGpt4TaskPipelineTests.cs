using System.Text.Json.Nodes;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Scoring.IfEval;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.IfEval;

/// <summary>
/// Google's example GPT-4 responses scored the way <c>evalharness score ifeval --responses FILE --data-dir DIR</c>
/// does (TaskCatalog → TaskData → SavedResponseScorer → ifeval scorer → TaskScoring.Aggregate), against the same
/// counts as <see cref="IfEvalGpt4AcceptanceTests"/>: 418 / 541 and 699 / 834 strict, 432 / 541 and 715 / 834 loose.
/// </summary>
public sealed class IfEvalGpt4TaskPipelineTests(ITestOutputHelper output)
{
    private const string ResponsesFile = "input_response_data_gpt4_20231107_145030.jsonl";

    [Fact]
    public void Gpt4_example_responses_through_the_task_pipeline_give_the_acceptance_numbers()
    {
        var inputPath = TestPaths.RequireShared("datasets", "ifeval", "input_data.jsonl");
        var responsesPath = TestPaths.RequireShared("datasets", "ifeval", ResponsesFile);
        using var temp = TestPaths.NewTempDirectory();
        WriteInputAsPublished(inputPath, Path.Combine(temp.Path, "input_data.jsonl"));

        var data = IfEvalTaskTests.LoadFrom(temp.Path);
        var result = SavedResponseScorer.Score(data, SavedResponseScorer.Read(responsesPath), new PromptOptions(), responsesPath);
        foreach (var metric in result.Metrics) output.WriteLine(metric.ToString());

        Assert.Equal(541, result.Samples);
        Assert.Equal(0, result.Truncated);
        Assert.All(result.Metrics, m => Assert.Equal(541, m.N));
        Assert.Equal(418.0 / 541, result.Metrics[0].Value, 12);
        Assert.Equal(699.0 / 834, result.Metrics[1].Value, 12);
        Assert.Equal(432.0 / 541, result.Metrics[2].Value, 12);
        Assert.Equal(715.0 / 834, result.Metrics[3].Value, 12);
        Assert.Equal(834, result.SampleRecords.Sum(r => r.ScoreWeights?["inst_level_strict_acc"] ?? 1)); // null: every weight 1 (one instruction)

        // Per prompt, the same verdicts as the reference-format evaluator on the same files.
        var report = new IfEvalEvaluator().EvaluateFiles(Path.Combine(temp.Path, "input_data.jsonl"), responsesPath);
        var strictByPrompt = report.Strict.ToDictionary(r => r.Prompt, r => r.FollowInstructionList);
        foreach (var record in result.SampleRecords)
        {
            var expected = "[" + string.Join(",", strictByPrompt[record.Prompt].Select(f => f ? "true" : "false")) + "]";
            Assert.Equal(expected, record.ExtractedAnswer);
        }

        // The reference-format files written for the task result are byte-identical to the evaluator's.
        var fromTask = IfEvalResultFiles.WriteFor(Path.Combine(temp.Path, "task"), data, result, ThinkingMode.Default)!.Value;
        new IfEvalEvaluator().EvaluateFiles(Path.Combine(temp.Path, "input_data.jsonl"), responsesPath, Path.Combine(temp.Path, "reference"));
        Assert.Equal(File.ReadAllText(Path.Combine(temp.Path, "reference", "eval_results_strict.jsonl")), File.ReadAllText(fromTask.Strict));
        Assert.Equal(File.ReadAllText(Path.Combine(temp.Path, "reference", "eval_results_loose.jsonl")), File.ReadAllText(fromTask.Loose));
    }

    /// <summary>
    /// The responses answer prompt 2785 as it was before upstream commit 26d8ccd ("at least one placeholder");
    /// restore that prompt, as the acceptance test does, so that every response matches a sample.
    /// </summary>
    private static void WriteInputAsPublished(string source, string destination)
    {
        var lines = File.ReadAllLines(source).Select(line =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            if (record["key"]!.GetValue<long>() != 2785) return line;
            record["prompt"] = record["prompt"]!.GetValue<string>().Replace("at least 3 placeholders", "at least one placeholder", StringComparison.Ordinal);
            record["kwargs"]![1]!["num_placeholders"] = 1;
            return record.ToJsonString();
        });
        File.WriteAllLines(destination, lines);
    }
}
