using System.Diagnostics;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Tasks;
using EvalHarness.Core.Tests.Evaluation;
using EvalHarness.Core.Tests.Prompts;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.CodeTasks;

/// <summary>
/// Canonical answers pass through the whole task pipeline (prompt, evaluator, extraction, sandbox), written as a base
/// model's completion and as a chat model's markdown answer: a fixed subset by default, every problem with
/// EVALHARNESS_FULL_ACCEPTANCE=1 (<see cref="AcceptanceScope"/>).
/// </summary>
[Trait("Category", "Acceptance")]
public sealed class CodingAcceptanceTests
{
    [Theory]
    [InlineData("humaneval", "humaneval", 4)]
    [InlineData("humaneval_plus", "humanevalplus", 3)]
    [InlineData("mbpp_plus", "mbppplus", 3)]
    public void Canonical_completions_and_chat_answers_pass_every_problem(string task, string folder, int subset)
    {
        CodeTaskData.RequireSandbox();
        var all = CodeTaskData.Load(task, folder);
        var data = all with { Samples = AcceptanceScope.Items(all.Samples, subset) };
        var isMbpp = task.StartsWith("mbpp", StringComparison.Ordinal);
        string Completion(Sample s) => CodeTaskData.Text(s, "canonical_solution");
        // Chat models repeat the whole function; MBPP's canonical solution already is one.
        string Chat(Sample s) => "Here is a solution:\n\n```python\n" + (isMbpp ? "" : CodeTaskData.Text(s, "prompt")) + Completion(s) +
            "\n```\n\nIt handles the edge cases.";
        var clock = Stopwatch.StartNew();

        var completions = Run(data, Completion, chat: false);
        var chats = Run(data, Chat, chat: true);

        TestContext.Current.TestOutputHelper?.WriteLine($"{task}: {2 * data.Samples.Count} samples in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var result in new[] { completions, chats })
        {
            var failed = result.SampleRecords.Where(r => r.Scores.Values.Any(v => v != 1)).Select(r => r.SampleId).ToList();
            Assert.True(failed.Count == 0, $"{task} ({(result == chats ? "chat" : "completion")}): failed {string.Join(", ", failed)}");
            Assert.Equal(data.Samples.Count, result.Samples);
        }
    }

    private static TaskResult Run(TaskData data, Func<Sample, string> answer, bool chat)
    {
        var byPrompt = new Dictionary<string, Sample>(StringComparer.Ordinal);
        var formatter = new FakeChatFormatter();
        var builder = data.PromptBuilder(new PromptOptions(Chat: chat), formatter);
        foreach (var sample in data.Samples) byPrompt[builder.Build(sample).Text] = sample;
        var backend = new ScriptedBackend(generate: request => ScriptedBackend.Text(answer(byPrompt[request.Prompt!])));
        return new Evaluator(backend, formatter).Evaluate(data, new EvaluationOptions(Prompt: new PromptOptions(Chat: chat)),
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
