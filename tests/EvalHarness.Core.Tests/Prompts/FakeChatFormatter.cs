using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Tests.Prompts;

/// <summary>A ChatML-like formatter: "&lt;|role|&gt;content&lt;|end|&gt;\n" per turn, then "&lt;|assistant|&gt;".</summary>
internal sealed class FakeChatFormatter(string templateText = "chatml-like <think>") : IChatFormatter
{
    public string TemplateText { get; } = templateText;
    public bool HandlesThinking => false;
    public List<IReadOnlyList<ChatTurn>> Calls { get; } = [];

    public string Format(IReadOnlyList<ChatTurn> turns, bool addGenerationPrompt, ThinkingMode thinking)
    {
        Calls.Add(turns);
        return string.Concat(turns.Select(t => $"<|{t.Role}|>{t.Content}<|end|>\n")) + (addGenerationPrompt ? "<|assistant|>" : "");
    }
}
