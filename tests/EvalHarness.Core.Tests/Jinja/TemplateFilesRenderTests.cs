using EvalHarness.Core.Prompts;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// Every real template of llama.cpp's models/templates renders the standard conversation without the Python
/// reference too (this runs wherever the source tree is): no error, every turn's text present in order, and the
/// prompt ending after the last user turn (the generation prompt follows it). Exact equality with Hugging Face's
/// Jinja2 is <see cref="TemplateFilesReferenceTests"/>.
/// </summary>
public sealed class TemplateFilesRenderTests
{
    /// <summary>
    /// Variables a template reads without a default (Hugging Face raises without them; llama.cpp supplies them):
    /// firefunction-v2 concatenates `functions` (the tools JSON) and `datetime` into its system prompt.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, object?>> RequiredKwargs = new(StringComparer.Ordinal)
    {
        ["fireworks-ai-llama-3-firefunction-v2.jinja"] = new() { ["functions"] = "[]", ["datetime"] = "Jan 15 2026" },
    };

    [Fact]
    public void Every_template_file_renders_the_conversation_in_order()
    {
        var directory = LlamaCppSource.Require("models", "templates");
        var files = Directory.GetFiles(directory, "*.jinja").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 25, $"only {files.Count} template files");
        var turns = LlamaCppTemplateTestCases.Conversation.Select(t => new ChatTurn(t.Role, t.Content)).ToList();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            try
            {
                var prompt = new JinjaChatFormatter(File.ReadAllText(file), "<s>", "</s>", RequiredKwargs.GetValueOrDefault(name)).Format(turns, addGenerationPrompt: true, ThinkingMode.Default);
                var position = 0;
                foreach (var text in new[] { "Hello", "Hi there", "Who are you", "I am an assistant", "Another question" })
                {
                    var found = prompt.IndexOf(text, position, StringComparison.Ordinal);
                    if (found < 0) { failures.Add($"{name}: '{text}' missing or out of order"); break; }
                    position = found + text.Length;
                }
                var generationPrompt = prompt[position..];
                if (generationPrompt.Length == 0) failures.Add($"{name}: nothing after the last user turn");
            }
            catch (JinjaTemplateException e)
            {
                failures.Add($"{name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
