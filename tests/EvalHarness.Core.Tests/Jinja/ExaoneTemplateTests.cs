using EvalHarness.Core.Prompts;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// EXAONE 4.0 with thinking on and off: its reasoning switch is the template variable enable_thinking, which
/// llama.cpp's built-in templates ignore. Expected strings follow the template text line by line (system turn,
/// then every assistant turn with an empty think block because skip_think defaults to true, then the header and
/// "&lt;think&gt;\n" only when enable_thinking is true); the same renders are also checked against the Python
/// Jinja2 reference when it is available.
/// </summary>
public sealed class ExaoneTemplateTests
{
    private const string History =
        "[|system|]\nYou are a helpful assistant[|endofturn|]\n" +
        "[|user|]\nHello[|endofturn|]\n" +
        "[|assistant|]\n<think>\n\n</think>\n\nHi there[|endofturn|]\n" +
        "[|user|]\nWho are you[|endofturn|]\n" +
        "[|assistant|]\n<think>\n\n</think>\n\n   I am an assistant   [|endofturn|]\n" +
        "[|user|]\nAnother question[|endofturn|]\n";

    private static string Render(ThinkingMode thinking) =>
        new JinjaChatFormatter(ExaoneTemplate.Source).Format(
            LlamaCppTemplateTestCases.Conversation.Select(t => new ChatTurn(t.Role, t.Content)).ToList(), addGenerationPrompt: true, thinking);

    [Fact]
    public void Thinking_on_opens_a_think_block_after_the_assistant_header() =>
        Assert.Equal(History + "[|assistant|]\n<think>\n", Render(ThinkingMode.On));

    [Fact]
    public void Thinking_off_emits_an_empty_think_block() =>
        Assert.Equal(History + "[|assistant|]\n<think>\n\n</think>\n\n", Render(ThinkingMode.Off));

    [Fact]
    public void Default_leaves_enable_thinking_undefined_so_the_template_default_applies() =>
        Assert.Equal(Render(ThinkingMode.Off), Render(ThinkingMode.Default));

    [Fact]
    public void The_formatter_reports_that_it_handles_thinking() =>
        Assert.True(new JinjaChatFormatter(ExaoneTemplate.Source).HandlesThinking);

    [Fact]
    public void A_reasoning_answer_in_history_loses_its_thoughts()
    {
        var turns = new List<ChatTurn> { new("user", "2+2?"), new("assistant", "<think>\nadd\n</think>\n\n4"), new("user", "3+3?") };
        var prompt = new JinjaChatFormatter(ExaoneTemplate.Source).Format(turns, addGenerationPrompt: false, ThinkingMode.On);
        Assert.Equal("[|user|]\n2+2?[|endofturn|]\n[|assistant|]\n<think>\n\n</think>\n\n4[|endofturn|]\n[|user|]\n3+3?[|endofturn|]\n", prompt);
    }

    [Fact]
    public void Matches_the_python_jinja2_reference_in_all_three_modes()
    {
        PythonJinjaReference.RequireAvailable();
        var modes = new[] { ThinkingMode.Default, ThinkingMode.On, ThinkingMode.Off };
        var reference = PythonJinjaReference.Render(modes
            .Select(m => new PythonJinjaReference.Job(m.ToString(), ExaoneTemplate.Source, TemplateFilesReferenceTests.ReferenceVariables(m)))
            .ToList());
        foreach (var mode in modes)
        {
            Assert.True(reference[mode.ToString()].Ok, reference[mode.ToString()].Error);
            Assert.Equal(reference[mode.ToString()].Output, Render(mode));
        }
    }
}
