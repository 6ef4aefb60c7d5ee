using System.Text.Json.Nodes;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.IfEval;
using EvalHarness.Core.Tasks;
using EvalHarness.Core.Tests.Evaluation;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.IfEval;

/// <summary>
/// The ifeval task file (tasks/instruction/ifeval.yaml) run through the generic pipeline with a scripted backend on
/// four prompts written here in google-research's format (one with the Hugging Face copy's null-padded kwargs).
/// Verdicts, by hand (S = strict, L = loose):
/// <list type="number">
/// <item>no_comma ✗ (comma), existence "cats" ✓, forbidden "dogs" ✓ — one line, so loose = strict: S [F,T,T] L [F,T,T].</item>
/// <item>at least 5 words ✓ (10 words), ends with the phrase ✗ — truncated by the token limit, scored as is and
/// flagged: S [T,F] L [T,F].</item>
/// <item>no_comma on "&lt;think&gt;hmm, let me see, ok&lt;/think&gt;No commas here.": the commas are in the
/// removed reasoning: S [T] L [T].</item>
/// <item>quotation on "Here you go:\n\"Sure thing.\"": strict ✗, loose (first line dropped) ✓: S [F] L [T].</item>
/// </list>
/// Prompt level: strict 1/4 (only 3), loose 2/4 (3 and 4). Instruction level (followed / instructions over all
/// prompts): strict (2+1+1+0)/7 = 4/7, loose (2+1+1+1)/7 = 5/7 — not the mean of per-prompt shares (0.5417 strict).
/// Strict instruction-level SE (prompts as clusters): r = 4/7, residuals wᵢ(vᵢ − r) = 2/7, −1/7, 3/7, −4/7,
/// Σ = 30/49, SE = √(4/3 · 30/49) / 7 = √40 / 49.
/// </summary>
public sealed class IfEvalTaskTests
{
    private static readonly string[] Records =
    [
        """{"key": 1, "prompt": "Write about cats. Do not use any commas. Mention cats and never dogs.", "instruction_id_list": ["punctuation:no_comma", "keywords:existence", "keywords:forbidden_words"], "kwargs": [{}, {"keywords": ["cats"]}, {"forbidden_words": ["dogs"]}]}""",
        """{"key": 2, "prompt": "Answer with at least 5 words and end your response with the exact phrase 'Is there anything else I can help with?'", "instruction_id_list": ["length_constraints:number_words", "startend:end_checker"], "kwargs": [{"relation": "at least", "num_words": 5, "end_phrase": null}, {"relation": null, "num_words": null, "end_phrase": "Is there anything else I can help with?"}]}""",
        """{"key": 3, "prompt": "Say something. Do not use any commas.", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}""",
        """{"key": 4, "prompt": "Wrap your entire response with double quotation marks.", "instruction_id_list": ["startend:quotation"], "kwargs": [{}]}""",
    ];

    private static readonly Dictionary<string, GenerationResult> Responses = new(StringComparer.Ordinal)
    {
        ["Write about cats."] = ScriptedBackend.Text("Cats are lovely, and soft."),
        ["Answer with at least 5 words"] = ScriptedBackend.Text("Here is a long answer that goes on and on", FinishReason.Length),
        ["Say something."] = ScriptedBackend.Text("<think>hmm, let me see, ok</think>\n\nNo commas here."),
        ["Wrap your entire"] = ScriptedBackend.Text("Here you go:\n\"Sure thing.\""),
    };

    internal static TaskSpec IfEvalTask() => new TaskCatalog(Path.Combine(TestPaths.RepositoryRoot, "tasks")).Load("ifeval");

    internal static TaskData LoadFrom(string dataDirectory) =>
        TaskData.Load(IfEvalTask(), new DatasetResolver(new DatasetAccessOptions { Offline = true, DataDirectoryOverride = dataDirectory }), null);

    [Fact]
    public void Task_file_asks_for_the_raw_prompt_greedy_with_1280_new_tokens_and_no_stop_strings()
    {
        var task = IfEvalTask();

        Assert.Equal("instruction_following", task.Category);
        Assert.Contains(task.Category, EvalHarness.Core.Frontier.CategoryScheme.StandardCategories);
        Assert.Equal(RequestKind.Generate, task.Request.Kind);
        Assert.Equal(1280, task.Request.MaxNewTokens);
        Assert.Empty(task.Request.Stop);
        Assert.Equal(0f, task.Request.Temperature);
        Assert.Equal("ifeval", task.Scoring.Scorer);
        Assert.Equal(new IfEvalScorer().MetricNames, task.Scoring.Metrics);
        Assert.Equal(DatasetSourceKind.HuggingFace, task.Dataset.Source);
        Assert.Equal("google/IFEval", task.Dataset.Location);
    }

    [Fact]
    public void Evaluator_run_gives_the_hand_computed_prompt_and_instruction_level_accuracies()
    {
        using var temp = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(temp.Path, "ifeval_input_data.jsonl"), Records);
        var backend = new ScriptedBackend(generate: request => Responses.Single(r => request.Prompt!.StartsWith(r.Key, StringComparison.Ordinal)).Value);

        var result = new Evaluator(backend).Evaluate(LoadFrom(temp.Path), new EvaluationOptions(Prompt: new PromptOptions(Thinking: ThinkingMode.Off)));

        Assert.Equal(Records.Select(r => JsonNode.Parse(r)!["prompt"]!.GetValue<string>()), backend.GenerationRequests.Select(r => r.Prompt));
        Assert.All(backend.GenerationRequests, r => Assert.Equal(1280, r.Settings.MaxNewTokens));
        Assert.All(backend.GenerationRequests, r => Assert.Empty(r.Settings.StopSequences));
        Assert.Equal(["prompt_level_strict_acc", "inst_level_strict_acc", "prompt_level_loose_acc", "inst_level_loose_acc"], result.Metrics.Select(m => m.Name));
        Assert.Equal(1.0 / 4, result.Metrics[0].Value, 12);
        Assert.Equal(4.0 / 7, result.Metrics[1].Value, 12);
        Assert.Equal(2.0 / 4, result.Metrics[2].Value, 12);
        Assert.Equal(5.0 / 7, result.Metrics[3].Value, 12);
        Assert.Equal(0.25, result.Metrics[0].StdErr, 12);          // values 0,0,1,0: s = 0.5, SE = 0.5 / √4
        Assert.Equal(Math.Sqrt(40) / 49, result.Metrics[1].StdErr, 12);
        Assert.All(result.Metrics, m => Assert.Equal(4, m.N));
        Assert.Equal(1, result.Truncated);

        var byId = result.SampleRecords.ToDictionary(r => r.SampleId);
        Assert.Equal("[false,true,true]", byId["1"].ExtractedAnswer);
        Assert.Equal("punctuation:no_comma, keywords:existence, keywords:forbidden_words", byId["1"].Target);
        Assert.Equal(3.0, byId["1"].ScoreWeights!["inst_level_strict_acc"]);
        Assert.Equal(1.0, byId["1"].ScoreWeights!["prompt_level_strict_acc"]);
        Assert.True(byId["2"].Truncated);
        Assert.Equal(0.5, byId["2"].Scores["inst_level_strict_acc"]);
        Assert.Equal("hmm, let me see, ok", byId["3"].Reasoning);
        Assert.Equal(1.0, byId["3"].Scores["prompt_level_strict_acc"]);
        Assert.Equal(0.0, byId["4"].Scores["prompt_level_strict_acc"]);
        Assert.Equal(1.0, byId["4"].Scores["prompt_level_loose_acc"]);
    }

    [Fact]
    public void Saved_responses_by_prompt_score_as_the_reference_evaluator_does()
    {
        using var temp = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(temp.Path, "input_data.jsonl"), Records);
        var responsesPath = Path.Combine(temp.Path, "responses.jsonl");
        File.WriteAllLines(responsesPath, Records.Select(r =>
        {
            var prompt = JsonNode.Parse(r)!["prompt"]!.GetValue<string>();
            return new JsonObject { ["prompt"] = prompt, ["response"] = Responses.Single(p => prompt.StartsWith(p.Key, StringComparison.Ordinal)).Value.Text }.ToJsonString();
        }));

        var result = SavedResponseScorer.Score(LoadFrom(temp.Path), SavedResponseScorer.Read(responsesPath), new PromptOptions(), responsesPath);
        var reference = new IfEvalEvaluator().EvaluateFiles(Path.Combine(temp.Path, "input_data.jsonl"), responsesPath);

        // Not truncated here: the reference has no notion of it, and the scorer scores a truncated response as is anyway.
        Assert.Equal(reference.StrictAccuracy.PromptLevel, result.Metrics[0].Value, 12);
        Assert.Equal(reference.StrictAccuracy.InstructionLevel, result.Metrics[1].Value, 12);
        Assert.Equal(reference.LooseAccuracy.PromptLevel, result.Metrics[2].Value, 12);
        Assert.Equal(reference.LooseAccuracy.InstructionLevel, result.Metrics[3].Value, 12);
        Assert.Equal(4.0 / 7, result.Metrics[1].Value, 12);
    }
}
