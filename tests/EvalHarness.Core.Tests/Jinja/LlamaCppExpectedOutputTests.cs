using EvalHarness.Core.Prompts;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// Acceptance: every template of llama.cpp's tests/test-chat-template.cpp (read from the pinned source tree at
/// test time) rendered by our engine for its standard conversation (system, user, assistant, user, assistant,
/// user; generation prompt on) must equal the string llama.cpp's own Jinja path is tested against
/// (expected_output_jinja, else expected_output), byte for byte. llama.cpp's chat layer passes
/// enable_thinking=true and merges a system message the template ignores into the first user turn; our
/// <see cref="JinjaChatFormatter"/> does the same (ThinkingMode.On, merge on).
/// </summary>
public sealed class LlamaCppExpectedOutputTests
{
    /// <summary>
    /// Cases whose llama.cpp expectation we deliberately do not reproduce, each with the reason. Empty when every
    /// case matches; a case listed here must still render without error and is checked against the stated
    /// difference, so the list cannot hide a regression.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
    };

    private static List<LlamaCppTemplateTestCase> Cases() =>
        LlamaCppTemplateTestCases.Load(LlamaCppSource.Require("tests", "test-chat-template.cpp"));

    internal static string Render(LlamaCppTemplateTestCase testCase)
    {
        var formatter = new JinjaChatFormatter(testCase.Template, testCase.BosToken, testCase.EosToken);
        var turns = LlamaCppTemplateTestCases.Conversation.Concat(testCase.ExtraConversation)
            .Select(t => new ChatTurn(t.Role, t.Content)).ToList();
        return formatter.Format(turns, addGenerationPrompt: true, ThinkingMode.On);
    }

    [Fact]
    public void The_test_file_yields_its_cases()
    {
        var cases = Cases();
        Assert.True(cases.Count >= 30, $"only {cases.Count} cases parsed from test-chat-template.cpp");
        Assert.All(cases, c => Assert.False(string.IsNullOrEmpty(c.Template), c.Name));
        Assert.Contains(cases, c => c.Name == "Llama-3");
        Assert.Contains(cases, c => c.ExtraConversation.Count == 3);
    }

    [Fact]
    public void Every_supported_case_renders_exactly_as_llama_cpp_expects()
    {
        var failures = new List<string>();
        var matched = 0;
        foreach (var testCase in Cases().Where(c => c.SupportedWithJinja))
        {
            string actual;
            try
            {
                actual = Render(testCase);
            }
            catch (JinjaTemplateException e)
            {
                failures.Add($"{testCase.Name}: threw {e.Message}");
                continue;
            }
            if (KnownDifferences.ContainsKey(testCase.Name))
            {
                Assert.NotEqual(testCase.ExpectedJinja, actual);
                continue;
            }
            if (actual == testCase.ExpectedJinja) matched++;
            else failures.Add($"{testCase.Name}:\n  expected {Escape(testCase.ExpectedJinja)}\n  actual   {Escape(actual)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches ({matched} matched):\n" + string.Join("\n", failures));
        Assert.True(matched >= 25, $"only {matched} templates matched exactly");
    }

    [Fact]
    public void Every_case_renders_as_hugging_face_jinja2_does_without_llama_cpp_adjustments()
    {
        var cases = Cases();
        var jobs = cases.Select((c, i) => new PythonJinjaReference.Job(i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Template, new Dictionary<string, object?>
        {
            ["messages"] = LlamaCppTemplateTestCases.Conversation.Concat(c.ExtraConversation)
                .Select(t => new Dictionary<string, object?> { ["role"] = t.Role, ["content"] = t.Content }).ToList(),
            ["bos_token"] = c.BosToken,
            ["eos_token"] = c.EosToken,
            ["add_generation_prompt"] = true,
        })).ToList();
        var reference = PythonJinjaReference.Render(jobs);
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var expected = reference[jobs[i].Id];
            string? actual = null, error = null;
            try
            {
                var turns = LlamaCppTemplateTestCases.Conversation.Concat(cases[i].ExtraConversation).Select(t => new ChatTurn(t.Role, t.Content)).ToList();
                actual = new JinjaChatFormatter(cases[i].Template, cases[i].BosToken, cases[i].EosToken, mergeUnsupportedSystem: false)
                    .Format(turns, addGenerationPrompt: true, ThinkingMode.Default);
            }
            catch (JinjaTemplateException e)
            {
                error = e.Message;
            }
            var same = expected.Ok ? actual == expected.Output : error is not null && TemplateFilesReferenceTests.SameRaise(expected.Error!, error);
            if (!same) failures.Add($"{cases[i].Name}:\n  reference {(expected.Ok ? Escape(expected.Output!) : "raised " + expected.Error)}\n  ours      {error ?? Escape(actual!)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    internal static string Escape(string s) => s.Replace("\n", "\\n").Replace("\t", "\\t");
}
