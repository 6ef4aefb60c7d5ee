namespace EvalHarness.Core.Prompts;

/// <summary>
/// Turns a conversation into the model's prompt text with its chat template. Core does not know how: the CLI
/// implements it over llama.cpp's template support; a full Jinja renderer can replace that behind this seam.
/// </summary>
public interface IChatFormatter
{
    /// <summary>The template's source text, recorded (and hashed) with every sample.</summary>
    string TemplateText { get; }

    /// <summary>True when <see cref="Format"/> honours the thinking switch itself (a Jinja renderer passing enable_thinking).</summary>
    bool HandlesThinking { get; }

    /// <param name="addGenerationPrompt">End with the assistant header so the model answers next.</param>
    string Format(IReadOnlyList<ChatTurn> turns, bool addGenerationPrompt, ThinkingMode thinking);
}
