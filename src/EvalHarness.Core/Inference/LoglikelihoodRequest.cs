namespace EvalHarness.Core.Inference;

/// <summary>
/// "How likely is <paramref name="Continuation"/> after <paramref name="Context"/>?" Tokenized the lm-eval way:
/// context + continuation encoded whole and split at the context's token count.
/// </summary>
public sealed record LoglikelihoodRequest(string Context, string Continuation);
