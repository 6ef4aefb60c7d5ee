namespace EvalHarness.Core.Evaluation;

/// <summary>One line of a responses file: the sample's id (or its exact prompt) and what the model said.</summary>
public sealed record SavedResponse(int Line, string? TaskId, string? Prompt, string Response, bool Truncated);
