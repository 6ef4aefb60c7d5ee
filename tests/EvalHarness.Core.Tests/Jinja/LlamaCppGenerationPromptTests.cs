using System.Text.RegularExpressions;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// Acceptance from llama.cpp's tests/test-chat.cpp (test_template_generation_prompt): for the template files it
/// names, a system + user conversation with enable_thinking=true and the generation prompt on must end with the
/// generation prompt it expects (e.g. gpt-oss "&lt;|start|&gt;assistant", Qwen3.5 "&lt;think&gt;\n"). The
/// pairs are read from the test file at test time.
/// </summary>
public sealed partial class LlamaCppGenerationPromptTests
{
    [GeneratedRegex("""read_templates\("models/templates/([^"]+)"\);\s*check\(tmpls, basic\(\),\s*"((?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex BasicCheck();

    [Fact]
    public void Templates_end_with_the_generation_prompt_llama_cpp_expects()
    {
        var source = File.ReadAllText(LlamaCppSource.Require("tests", "test-chat.cpp"));
        var checks = BasicCheck().Matches(source).Select(m => (File: m.Groups[1].Value, Expected: Regex.Unescape(m.Groups[2].Value))).ToList();
        Assert.True(checks.Count >= 10, $"only {checks.Count} generation-prompt checks found in test-chat.cpp");
        var turns = new List<ChatTurn> { new("system", "You are a helpful assistant."), new("user", "Hey there!") };
        var failures = new List<string>();
        foreach (var (file, expected) in checks)
        {
            var template = File.ReadAllText(Path.Combine(LlamaCppSource.TemplatesDirectory, file));
            var prompt = new JinjaChatFormatter(template, "<s>", "</s>").Format(turns, addGenerationPrompt: true, ThinkingMode.On);
            if (!prompt.EndsWith(expected, StringComparison.Ordinal) || !prompt.Contains("Hey there!", StringComparison.Ordinal))
            {
                failures.Add($"{file}: expected to end with {LlamaCppExpectedOutputTests.Escape(expected)}, got …{LlamaCppExpectedOutputTests.Escape(prompt[Math.Max(0, prompt.Length - 80)..])}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
