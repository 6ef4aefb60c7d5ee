using EvalHarness.Core.Datasets;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Tasks;
using EvalHarness.Core.Tests.Prompts;
using EvalHarness.Core.Tests.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Evaluation;

public class EvaluatorTests
{
    private sealed class ListSink : IEvaluationSink
    {
        public List<SampleRecord> Records { get; } = [];
        public void OnSampleCompleted(SampleRecord record, SampleScore score) => Records.Add(record);
    }

    private static TaskData Data(TaskSpec task, string directory, int shots) =>
        TaskData.Load(task, new DatasetResolver(new DatasetAccessOptions { Offline = true }), null);

    [Fact]
    public void Generative_task_scores_each_sample_with_both_gsm8k_filters_and_flags_truncation()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        var backend = new ScriptedBackend(generate: request => request.Prompt!.Contains("2+2")
            ? ScriptedBackend.Text(" 2+2 makes 4.\n#### 4")          // strict and flexible right
            : request.Prompt!.Contains("3*3")
                ? ScriptedBackend.Text(" It is 9 I think")            // only flexible finds 9
                : ScriptedBackend.Text(" #### 9", FinishReason.Length)); // right text, but cut off: wrong
        var sink = new ListSink();

        var result = new Evaluator(backend).Evaluate(Data(task, temp.Path, 1), new EvaluationOptions(Prompt: new PromptOptions(FewShot: 1)), sink);

        Assert.Equal(1, backend.GenerateCalls);
        Assert.Equal(3, backend.GenerationRequests.Count);
        Assert.Equal(32, backend.GenerationRequests[0].Settings.MaxNewTokens);
        Assert.Equal(["Question:"], backend.GenerationRequests[0].Settings.StopSequences);
        Assert.Equal(3, result.Samples);
        Assert.Equal(1, result.Truncated);
        Assert.Equal("exact_match,strict-match", result.Headline.Name);
        Assert.Equal(1.0 / 3, result.Metrics[0].Value, 9);
        Assert.Equal(2.0 / 3, result.Metrics[1].Value, 9);
        Assert.Equal(Math.Sqrt(1.0 / 3 / 3), result.Metrics[0].StdErr, 9);
        Assert.Equal(3, sink.Records.Count);
        var q1 = result.SampleRecords.Single(r => r.SampleId == "q1");
        Assert.Equal("Question: What is 1+1?\nAnswer: 1+1=2\n#### 2\n\nQuestion: What is 2+2?\nAnswer:", q1.Prompt);
        Assert.Equal(["t1"], q1.ShotIds);
        Assert.Equal("4", q1.ExtractedAnswer);
        Assert.True(result.SampleRecords.Single(r => r.SampleId == "q3").Truncated);
        Assert.Equal(1, result.Protocol.FewShot);
        Assert.Equal(3, result.Protocol.TaskVersion);
        Assert.StartsWith("raw:", result.Protocol.TemplateHash);
        Assert.Equal(32, result.Protocol.Generation!.MaxNewTokens);
    }

    [Fact]
    public void Completed_samples_of_an_interrupted_run_are_not_sent_again_and_the_result_is_the_same()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        GenerationResult Answer(GenerationRequest request) => request.Prompt!.Contains("2+2") ? ScriptedBackend.Text(" #### 4") : ScriptedBackend.Text(" no idea");
        var whole = new Evaluator(new ScriptedBackend(generate: Answer)).Evaluate(Data(task, temp.Path, 0), new EvaluationOptions());
        var sink = new ListSink();
        var completed = whole.SampleRecords.Take(2).ToDictionary(r => r.SampleId,
            r => new CompletedSample(r, new TaskScoring(task, ThinkingMode.Off).Score(Data(task, temp.Path, 0).Samples.Single(s => s.Id == r.SampleId),
                GeneratedOutput.From(Answer(new GenerationRequest(r.Prompt, new SamplingSettings()))))));
        var backend = new ScriptedBackend(generate: Answer);

        var resumed = new Evaluator(backend).Evaluate(Data(task, temp.Path, 0), new EvaluationOptions(Completed: completed), sink);

        Assert.Single(backend.GenerationRequests);
        Assert.Equal(whole.SampleRecords[2].Prompt, backend.GenerationRequests[0].Prompt);
        Assert.Equal([whole.SampleRecords[2].SampleId], sink.Records.Select(r => r.SampleId));
        Assert.Equal(whole.Metrics, resumed.Metrics);
        Assert.Equal(whole.SampleRecords.Select(r => r.SampleId), resumed.SampleRecords.Select(r => r.SampleId));
    }

    [Fact]
    public void Under_a_chat_template_the_tasks_chat_stops_replace_its_completion_stops()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        task = task with { Request = task.Request with { ChatStop = [] } };
        var raw = new ScriptedBackend(generate: _ => ScriptedBackend.Text("#### 4"));
        var chat = new ScriptedBackend(generate: _ => ScriptedBackend.Text("#### 4"));

        var rawResult = new Evaluator(raw, new FakeChatFormatter()).Evaluate(Data(task, temp.Path, 0), new EvaluationOptions());
        var chatResult = new Evaluator(chat, new FakeChatFormatter()).Evaluate(Data(task, temp.Path, 0), new EvaluationOptions(Prompt: new PromptOptions(Chat: true)));

        Assert.Equal(["Question:"], raw.GenerationRequests[0].Settings.StopSequences);
        Assert.Empty(chat.GenerationRequests[0].Settings.StopSequences);
        Assert.Empty(chatResult.Protocol.Generation!.StopSequences);
        Assert.Equal(["Question:"], rawResult.Protocol.Generation!.StopSequences);
    }

    [Fact]
    public void Repeats_sample_each_item_with_its_own_seed_average_per_item_and_report_the_spread_across_repeats()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        task = task with { Request = task.Request with { Repeats = 3, Temperature = 0.7f } };
        // Repeat 0 and 2 answer right (the scripted model reads the seed), repeat 1 wrong, for every item.
        var backend = new ScriptedBackend(generate: r => r.Settings.Seed == 1235 ? ScriptedBackend.Text("#### 0")
            : ScriptedBackend.Text(r.Prompt!.Contains("2+2") ? "#### 4" : "#### 9"));

        var result = new Evaluator(backend).Evaluate(Data(task, temp.Path, 0), new EvaluationOptions());

        Assert.Equal(9, backend.GenerationRequests.Count);
        Assert.Equal([1234u, 1235u, 1236u], backend.GenerationRequests.Select(r => r.Settings.Seed).Distinct().Order());
        Assert.Equal(["q1#0", "q1#1", "q1#2"], result.SampleRecords.Take(3).Select(r => r.SampleId));
        var strict = result.Metrics.Single(m => m.Name == "exact_match,strict-match");
        Assert.Equal(2.0 / 3, strict.Value, 12);
        Assert.Equal(3, strict.N);
        Assert.Equal(0, strict.StdErr, 12); // every item is right in 2 of 3 repeats
        var spread = result.Metrics.Single(m => m.Name == "exact_match,strict-match,sd_across_repeats");
        Assert.Equal(Math.Sqrt(1.0 / 3), spread.Value, 12); // repeat means 1, 0, 1
        Assert.Equal(3, spread.N);
        Assert.Equal(3, result.Protocol.Repeats);
    }

    [Fact]
    public void Greedy_repeats_are_refused_when_the_task_loads()
    {
        using var temp = TestPaths.NewTempDirectory();
        TaskFixtures.WriteQaTask(temp.Path);
        var file = Path.Combine(temp.Path, "tiny_qa.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  stop: [\"Question:\"]", "  stop: [\"Question:\"]\n  repeats: 4", StringComparison.Ordinal));

        var error = Assert.Throws<TaskSpecException>(() => TaskSpecLoader.LoadFile(file));
        Assert.Contains("request.repeats", error.Message);
        Assert.Contains("temperature > 0", error.Message);
    }

    [Fact]
    public void Loglikelihood_task_sends_every_choice_in_one_call_and_breaks_down_by_group()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteChoiceTask(temp.Path);
        // The model always prefers " C": right on "Pick C" and on the astronomy item, wrong on "1 plus 1".
        var backend = new ScriptedBackend(loglikelihood: r => r.Continuation == " C" ? -0.5 : -2.0);

        var result = new Evaluator(backend).Evaluate(Data(task, temp.Path, 0), new EvaluationOptions());

        Assert.Equal(1, backend.LoglikelihoodCalls);
        Assert.Equal(12, backend.LoglikelihoodRequests.Count);
        Assert.Equal([" A", " B", " C", " D"], backend.LoglikelihoodRequests.Take(4).Select(r => r.Continuation));
        Assert.EndsWith("\nAnswer:", backend.LoglikelihoodRequests[0].Context);
        Assert.Equal("acc", result.Headline.Name);
        Assert.Equal(2.0 / 3, result.Headline.Value, 9);
        Assert.Equal(1.0, result.Groups["acc"]["astronomy"].Value);
        Assert.Equal(0.5, result.Groups["acc"]["high_school_physics"].Value);
        var first = result.SampleRecords.Single(r => r.SampleId == "high_school_physics_test/0");
        Assert.Equal("2", first.ExtractedAnswer);
        Assert.Equal([-2.0, -2.0, -0.5, -2.0], first.ChoiceLogLikelihoods);
        Assert.Equal(3 * 10 + 12, result.TokensProcessed); // each context once, every continuation token
    }

    [Fact]
    public void Chat_loglikelihood_uses_an_empty_target_delimiter_and_records_the_template_hash()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteChoiceTask(temp.Path);
        var backend = new ScriptedBackend(loglikelihood: r => r.Continuation == "B" ? -0.1 : -3.0);

        var result = new Evaluator(backend, new FakeChatFormatter()).Evaluate(Data(task, temp.Path, 0),
            new EvaluationOptions(Limit: 2, Prompt: new PromptOptions(Chat: true)));

        Assert.Equal(["A", "B", "C", "D"], backend.LoglikelihoodRequests.Take(4).Select(r => r.Continuation));
        Assert.EndsWith("<|assistant|>", backend.LoglikelihoodRequests[0].Context);
        Assert.Equal(2, result.Samples);
        Assert.True(result.Protocol.ChatTemplate);
        Assert.Equal(TemplateHash.ForPrompts(task.Prompt, new FakeChatFormatter()), result.Protocol.TemplateHash);
    }

    [Fact]
    public void Thinking_on_adds_the_reasoning_budget_and_strips_the_reasoning_before_scoring()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        task = task with { Request = task.Request with { ReasoningBudget = 100 } };
        var backend = new ScriptedBackend(generate: _ => ScriptedBackend.Text("#### 7 is tempting</think>\n#### 9"));

        var result = new Evaluator(backend, new FakeChatFormatter()).Evaluate(Data(task, temp.Path, 0),
            new EvaluationOptions(Prompt: new PromptOptions(FewShot: 0, ThinkingMode.On, Chat: true)));

        Assert.Equal(132, backend.GenerationRequests[0].Settings.MaxNewTokens);
        Assert.Equal(100, backend.GenerationRequests[0].Settings.ThinkingBudget);
        Assert.EndsWith("<think>\n", backend.GenerationRequests[0].Prompt);
        Assert.Equal(2.0 / 3, result.Headline.Value, 9); // q2 and q3 are 9; the reasoning's "7" is ignored
        Assert.Equal(ThinkingMode.On, result.Protocol.Thinking);
    }

    [Fact]
    public void Saved_responses_are_scored_by_task_id_or_by_prompt()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        var data = Data(task, temp.Path, 1);
        var path = temp.File("responses.jsonl");
        File.WriteAllText(path,
            "{\"task_id\": \"q1\", \"response\": \"#### 4\"}\n" +
            "{\"prompt\": \"Question: What is 1+1?\\nAnswer: 1+1=2\\n#### 2\\n\\nQuestion: What is 3*3?\\nAnswer:\", \"response\": \"#### 8\"}\n");

        var result = SavedResponseScorer.Score(data, SavedResponseScorer.Read(path), new PromptOptions(), path);

        Assert.Equal(2, result.Samples);
        Assert.Equal(0.5, result.Headline.Value);
        Assert.Equal(["q1", "q2"], result.SampleRecords.Select(r => r.SampleId));
    }

    [Fact]
    public void A_saved_response_for_an_unknown_sample_names_its_line()
    {
        using var temp = TestPaths.NewTempDirectory();
        var data = Data(TaskFixtures.WriteQaTask(temp.Path), temp.Path, 0);
        var path = temp.File("r.jsonl");
        File.WriteAllText(path, "{\"task_id\": \"q1\", \"response\": \"4\"}\n{\"task_id\": \"nope\", \"response\": \"4\"}\n");

        var error = Assert.Throws<UserInputException>(() => SavedResponseScorer.Score(data, SavedResponseScorer.Read(path), new PromptOptions(), path));

        Assert.Contains("r.jsonl:2", error.Message);
    }

    [Fact]
    public void Zero_shot_runs_do_not_need_the_few_shot_split()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        File.Delete(Path.Combine(temp.Path, "data", "train.jsonl"));
        var resolver = new DatasetResolver(new DatasetAccessOptions { Offline = true });

        var data = TaskData.Load(task, resolver, limit: 2, fewShot: 0);

        Assert.Equal(2, data.Samples.Count);
        Assert.Empty(data.FewShotPool);
        Assert.Throws<UserInputException>(() => TaskData.Load(task, resolver, null, fewShot: 1));
    }

    [Fact]
    public void Results_are_written_as_json_and_jsonl()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteQaTask(temp.Path);
        var result = new Evaluator(new ScriptedBackend(generate: _ => ScriptedBackend.Text("#### 9"))).Evaluate(Data(task, temp.Path, 0), new EvaluationOptions());

        var (json, jsonl) = ResultFiles.Write(Path.Combine(temp.Path, "out"), result);

        var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("tiny_qa", document.GetProperty("task").GetString());
        Assert.Equal(2.0 / 3, document.GetProperty("metrics")[0].GetProperty("value").GetDouble(), 9);
        Assert.Equal(3, document.GetProperty("protocol").GetProperty("task_version").GetInt32());
        var lines = File.ReadAllLines(jsonl);
        Assert.Equal(3, lines.Length);
        Assert.Equal("q1", System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.GetProperty("sample_id").GetString());
    }
}
