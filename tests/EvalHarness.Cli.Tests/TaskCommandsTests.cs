using System.Text.Json;
using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

/// <summary>tasks list/show, score (no model) and eval (the real stories260K model) through the real parser.</summary>
public sealed class TaskCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteQaTask()
    {
        Directory.CreateDirectory(_dir.File("data"));
        File.WriteAllText(_dir.File("data/test.jsonl"),
            "{\"question\": \"Once upon a time\", \"answer\": \"#### 4\"}\n{\"question\": \"There was a cat\", \"answer\": \"#### 7\"}\n{\"question\": \"Lily\", \"answer\": \"#### 1\"}\n");
        File.WriteAllText(_dir.File("qa.yaml"), """
            name: qa
            category: reasoning
            dataset: { source: local, location: data, splits: { test: { files: test.jsonl } } }
            eval_split: test
            fields: { target: "{answer|after:#### }" }
            prompt: { text: "{question}" }
            request: { kind: generate, max_new_tokens: 8, stop: ["."] }
            scoring: { scorer: gsm8k }
            """);
        return _dir.File("qa.yaml");
    }

    private string WriteChoiceTask()
    {
        Directory.CreateDirectory(_dir.File("data"));
        File.WriteAllText(_dir.File("data/mc.csv"), "q,a,b\nOnce upon a,time,dog\nShe liked to,play,seventeen\n");
        File.WriteAllText(_dir.File("mc.yaml"), """
            name: mc
            category: knowledge
            dataset: { source: local, location: data, splits: { test: { files: mc.csv } } }
            eval_split: test
            fields: { target: "0", choices: ["{a}", "{b}"] }
            prompt: { text: "{q}" }
            request: { kind: loglikelihood }
            scoring: { scorer: mc-loglikelihood, metrics: [acc, acc_norm] }
            """);
        return _dir.File("mc.yaml");
    }

    [Fact]
    public async Task Tasks_list_shows_every_task_of_the_repository()
    {
        var (code, output, _) = await Run("tasks", "list");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var task in new[] { "mmlu", "mmlu_cot", "mmlu_pro", "gpqa_diamond", "arc_challenge", "gsm8k", "math500", "aime2025", "bbh" })
        {
            Assert.Contains(task, output);
        }
    }

    [Fact]
    public async Task Tasks_show_prints_the_protocol_and_unknown_names_are_user_errors()
    {
        var (code, output, _) = await Run("tasks", "show", "gsm8k");
        var (badCode, _, error) = await Run("tasks", "show", "gsm9k");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("few-shot: 5", output);
        Assert.Contains("scoring:  gsm8k", output);
        Assert.Equal(ExitCodes.UserError, badCode);
        Assert.Contains("no task named 'gsm9k'", error);
    }

    [Fact]
    public async Task Score_grades_saved_responses_and_writes_verdicts()
    {
        var task = WriteQaTask();
        File.WriteAllText(_dir.File("responses.jsonl"),
            "{\"task_id\": \"test/0\", \"response\": \"so #### 4\"}\n{\"task_id\": \"test/1\", \"response\": \"it is 8\"}\n");

        var (code, output, error) = await Run("score", task, "--responses", _dir.File("responses.jsonl"), "--out", _dir.File("out"));

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("exact_match,strict-match", output);
        Assert.Contains("0.5000", output);
        var verdicts = File.ReadAllLines(_dir.File("out/qa.samples.jsonl"));
        Assert.Equal(2, verdicts.Length);
        Assert.Equal(1.0, JsonDocument.Parse(verdicts[0]).RootElement.GetProperty("scores").GetProperty("exact_match,strict-match").GetDouble());
    }

    [Fact]
    public async Task Score_with_a_bad_responses_line_is_a_user_error()
    {
        var task = WriteQaTask();
        File.WriteAllText(_dir.File("responses.jsonl"), "{\"task_id\": \"test/0\"}\n");

        var (code, _, error) = await Run("score", task, "--responses", _dir.File("responses.jsonl"), "--out", _dir.File("out"));

        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("responses.jsonl:1", error);
    }

    [Fact]
    public async Task Eval_runs_the_real_tiny_model_on_generative_and_loglikelihood_tasks()
    {
        var model = TestPaths.RequireShared("models", "stories260K.gguf");
        var tasks = WriteQaTask() + "," + WriteChoiceTask();

        var (code, output, error) = await Run("eval", "--model", model, "--device", "cpu", "--tasks", tasks, "--limit", "2", "--out", _dir.File("out"));

        if (error.Contains("native llama.cpp runtime", StringComparison.Ordinal) || error.Contains("npm", StringComparison.Ordinal))
        {
            Assert.Skip($"llama.cpp runtime unavailable: {error}");
        }
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("acc_norm", output);
        Assert.Contains("exact_match,flexible-extract", output);
        var qa = File.ReadAllLines(_dir.File("out/qa.samples.jsonl"));
        Assert.Equal(2, qa.Length);
        var first = JsonDocument.Parse(qa[0]).RootElement;
        Assert.Equal("Once upon a time", first.GetProperty("prompt").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("response").GetString()));
        var mc = JsonDocument.Parse(File.ReadAllLines(_dir.File("out/mc.samples.jsonl"))[0]).RootElement;
        Assert.Equal(2, mc.GetProperty("choice_log_likelihoods").GetArrayLength());
        Assert.True(mc.GetProperty("choice_log_likelihoods")[0].GetDouble() < 0);
        var results = JsonDocument.Parse(File.ReadAllText(_dir.File("out/mc.results.json"))).RootElement;
        Assert.Equal(2, results.GetProperty("samples").GetInt32());
    }
}
