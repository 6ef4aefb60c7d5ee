using System.Text.Json;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Tasks;
using EvalHarness.Core.Tests.Evaluation;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.CodeTasks;

/// <summary>HumanEval+ and MBPP+ through the generic pipeline: saved responses (`evalharness score … --responses`) and the evaluator.</summary>
public sealed class EvalPlusTaskTests
{
    [Fact]
    public void Saved_responses_for_humaneval_plus_score_plus_and_base_separately()
    {
        CodeTaskData.RequireSandbox();
        var data = CodeTaskData.Load("humaneval_plus", "humanevalplus");
        Sample Problem(int n) => data.Samples.Single(s => s.Id == $"HumanEval/{n}");
        using var temp = TestPaths.NewTempDirectory();
        var path = Path.Combine(temp.Path, "responses.jsonl");
        var lines = new[]
        {
            // A base model's completion of the canonical body: passes both.
            Line("HumanEval/0", HumanEvalTaskTests.Canonical(Problem(0))),
            // A chat answer with the whole canonical function in markdown: passes both.
            Line("HumanEval/2", "Here you go:\n```python\n" + CodeTaskData.Text(Problem(2), "prompt") + HumanEvalTaskTests.Canonical(Problem(2)) + "```\n"),
            // Right on exactly the original (base) inputs, wrong on every other: base passes, plus fails.
            Line("HumanEval/4", RightOnlyOnBaseInputs(Problem(4))),
            // Wrong everywhere.
            Line("HumanEval/7", "    return []\n"),
        };
        File.WriteAllLines(path, lines);

        var result = SavedResponseScorer.Score(data, SavedResponseScorer.Read(path), new PromptOptions(), path);

        Assert.Equal(4, result.Samples);
        Assert.Equal("pass@1,plus", result.Headline.Name);
        Assert.Equal(0.5, result.Metrics.Single(m => m.Name == "pass@1,plus").Value, 12);
        Assert.Equal(0.75, result.Metrics.Single(m => m.Name == "pass@1,base").Value, 12);
        var four = result.SampleRecords.Single(r => r.SampleId == "HumanEval/4");
        Assert.Equal(1, four.Scores["pass@1,base"]);
        Assert.Equal(0, four.Scores["pass@1,plus"]);
        Assert.Equal("evalplus", result.Protocol.Scorer);
    }

    [Fact]
    public void Mbpp_plus_canonical_answers_pass_including_infinite_inputs_and_generator_helpers()
    {
        CodeTaskData.RequireSandbox();
        var all = CodeTaskData.Load("mbpp_plus", "mbppplus");
        // Mbpp/404's inputs contain Infinity; Mbpp/630's solution needs a generator helper that has no return.
        var chosen = all.Samples.Where(s => s.Id is "Mbpp/2" or "Mbpp/404" or "Mbpp/630").ToArray();
        Assert.Equal(3, chosen.Length);
        var data = all with { Samples = chosen };
        var backend = new ScriptedBackend(generate: request =>
        {
            var sample = chosen.Single(s => request.Prompt!.StartsWith(CodeTaskData.Text(s, "prompt").Trim(), StringComparison.Ordinal));
            // A base model writes the function after the docstring prompt, then starts an example (cut by the "\nassert" stop in a real run).
            return ScriptedBackend.Text(CodeTaskData.Text(sample, "canonical_solution") + "\n");
        });

        var result = new Evaluator(backend).Evaluate(data, new EvaluationOptions(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1.0, result.Metrics.Single(m => m.Name == "pass@1,plus").Value);
        Assert.Equal(1.0, result.Metrics.Single(m => m.Name == "pass@1,base").Value);
        Assert.Equal(["\n\"\"\"", "\nassert", "\nif __name__", "\ndef main(", "\nprint(", "<|endoftext|>", "<|endofmask|>", "</s>"],
            backend.GenerationRequests[0].Settings.StopSequences);
    }

    [Fact]
    public void Mbpp_reports_only_the_base_tests()
    {
        CodeTaskData.RequireSandbox();
        var all = CodeTaskData.Load("mbpp", "mbppplus");
        var data = all with { Samples = all.Samples.Where(s => s.Id == "Mbpp/2").ToArray() };
        var sample = data.Samples.Single();
        var backend = new ScriptedBackend(generate: _ => ScriptedBackend.Text(CodeTaskData.Text(sample, "canonical_solution")));

        var result = new Evaluator(backend).Evaluate(data, new EvaluationOptions(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["pass@1,base"], result.Metrics.Select(m => m.Name));
        Assert.Equal(1.0, result.Headline.Value);
        Assert.Equal("evalplus-base", result.Protocol.Scorer);
    }

    private static string Line(string taskId, string response) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["task_id"] = taskId, ["response"] = response });

    /// <summary>A chat answer: the canonical function under another name, and an entry point that answers None for any
    /// input not among the record's base inputs.</summary>
    private static string RightOnlyOnBaseInputs(Sample sample)
    {
        var entryPoint = CodeTaskData.Text(sample, "entry_point");
        var renamed = CodeTaskData.Text(sample, "prompt").Replace($"def {entryPoint}(", "def _eh_right(", StringComparison.Ordinal);
        var baseInputs = JsonSerializer.Serialize(sample.Record.Data["base_input"]!.ToJsonString());
        return "```python\n" + renamed + HumanEvalTaskTests.Canonical(sample) + $$"""


import json as _eh_json
_eh_base = _eh_json.loads({{baseInputs}})
def {{entryPoint}}(*args):
    return _eh_right(*args) if list(args) in _eh_base else None
```
""";
    }
}
