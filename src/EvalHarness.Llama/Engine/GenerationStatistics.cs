namespace EvalHarness.Llama.Engine;

/// <summary>
/// Where the time of one Generate call went. Prefill = decodes that carried prompt tokens; decode = the others
/// (one token per live sequence, sampling included). Used by `evalharness bench`.
/// </summary>
public sealed record GenerationStatistics(int PromptTokens, int GeneratedTokens, int DecodeStepTokens, TimeSpan Prefill, TimeSpan Decode)
{
    /// <summary>Tokens generated per second in decode-only steps, all sequences together.</summary>
    public double DecodeTokensPerSecond => DecodeStepTokens / Math.Max(Decode.TotalSeconds, 1e-9);
}
