using System.Text.Json;
using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

/// <summary><c>evalharness score ifeval</c> with the repository's task file and a local copy of the data.</summary>
public sealed class ScoreIfEvalCommandTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Score_ifeval_prints_the_four_accuracies_and_writes_per_prompt_verdicts()
    {
        Directory.CreateDirectory(_dir.File("data"));
        File.WriteAllLines(_dir.File("data/input_data.jsonl"),
        [
            """{"key": 1, "prompt": "No commas, and quote it.", "instruction_id_list": ["punctuation:no_comma", "startend:quotation"], "kwargs": [{}, {}]}""",
            """{"key": 2, "prompt": "No commas.", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}""",
        ]);
        // Prompt 1 follows one of two instructions, prompt 2 its only one: prompt level 1/2, instruction level 2/3.
        File.WriteAllLines(_dir.File("responses.jsonl"),
        [
            """{"task_id": "2", "response": "Fine"}""",
            """{"prompt": "No commas, and quote it.", "response": "\"Yes, sure\""}""",
        ]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["score", "ifeval", "--responses", _dir.File("responses.jsonl"), "--data-dir", _dir.File("data"), "--out", _dir.File("out")], stdout, stderr);

        Assert.True(code == ExitCodes.Success, stderr.ToString());
        var output = stdout.ToString();
        Assert.Contains("prompt_level_strict_acc", output);
        Assert.Contains("inst_level_loose_acc", output);
        Assert.Contains("0.6667", output);
        using var results = JsonDocument.Parse(File.ReadAllText(_dir.File("out/ifeval.results.json")));
        var metrics = results.RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        Assert.Equal(0.5, metrics["prompt_level_strict_acc"], 12);
        Assert.Equal(2.0 / 3, metrics["inst_level_strict_acc"], 12);
        Assert.Equal("instruction_following", results.RootElement.GetProperty("category").GetString());
        var first = JsonDocument.Parse(File.ReadAllLines(_dir.File("out/ifeval.samples.jsonl"))[1]).RootElement; // responses-file order
        Assert.Equal("[false,true]", first.GetProperty("extracted_answer").GetString());
        Assert.Equal(2.0, first.GetProperty("score_weights").GetProperty("inst_level_strict_acc").GetDouble());
        var strict = File.ReadAllLines(_dir.File("out/eval_results_strict.jsonl")); // dataset order, as the reference
        Assert.Equal(2, strict.Length);
        Assert.Equal("""{"follow_all_instructions":false,"follow_instruction_list":[false,true],"instruction_id_list":["punctuation:no_comma","startend:quotation"],"prompt":"No commas, and quote it.","response":"\"Yes, sure\""}""", strict[0]);
        Assert.True(File.Exists(_dir.File("out/eval_results_loose.jsonl")));
    }
}
