namespace EvalHarness.Core.Prompts;

/// <summary>A sample's prompt exactly as fed to the model.</summary>
/// <param name="Text">The full prompt text (chat template applied when chat is on).</param>
/// <param name="ShotIds">Ids of the exemplars used, in order (empty for zero-shot and fixed exemplar files).</param>
/// <param name="TargetDelimiter">What goes between the context and each choice for loglikelihood requests.</param>
public sealed record BuiltPrompt(string Text, IReadOnlyList<string> ShotIds, string TargetDelimiter);
