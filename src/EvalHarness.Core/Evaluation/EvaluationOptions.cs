using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Evaluation;

/// <param name="Limit">Evaluate only the first N samples (in dataset order); null = all.</param>
/// <param name="Prompt">Shots, thinking switch, system prompt, chat on/off.</param>
public sealed record EvaluationOptions(int? Limit = null, PromptOptions? Prompt = null)
{
    public PromptOptions PromptOptions => Prompt ?? new PromptOptions();
}
