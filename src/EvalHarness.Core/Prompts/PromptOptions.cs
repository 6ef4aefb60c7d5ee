namespace EvalHarness.Core.Prompts;

/// <param name="FewShot">Exemplars per prompt; null = the task's default.</param>
/// <param name="SystemPrompt">Replaces the task's system message (chat only); empty string = none.</param>
/// <param name="Chat">Apply the model's chat template (needs a formatter).</param>
public sealed record PromptOptions(int? FewShot = null, ThinkingMode Thinking = ThinkingMode.Default, string? SystemPrompt = null, bool Chat = false);
