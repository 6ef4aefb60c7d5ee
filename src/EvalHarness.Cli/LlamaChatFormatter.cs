using EvalHarness.Core.Prompts;
using EvalHarness.Llama.Engine;

namespace EvalHarness.Cli;

/// <summary>
/// The chat seam of Core over llama.cpp's built-in template support. llama_chat_apply_template ignores
/// enable_thinking, so <see cref="HandlesThinking"/> is false and the prompt builder applies its documented
/// thinking prefix instead.
/// </summary>
public sealed class LlamaChatFormatter(string templateText) : IChatFormatter
{
    public string TemplateText { get; } = templateText;

    public bool HandlesThinking => false;

    public string Format(IReadOnlyList<ChatTurn> turns, bool addGenerationPrompt, ThinkingMode thinking) =>
        LlamaChatTemplate.Apply(TemplateText, turns.Select(t => new ChatMessage(t.Role, t.Content)).ToArray(), addGenerationPrompt);
}
