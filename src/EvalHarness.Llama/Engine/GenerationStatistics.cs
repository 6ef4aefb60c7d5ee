namespace EvalHarness.Llama.Engine;

/// <summary>
/// Where the time of one Generate call went. Prefill = steps whose decode carried prompt tokens; decode = the others
/// (one token per live sequence); each step counts from admission to its last token accepted, sampling, stop search
/// and batch building included. DecodeSteps and DecodeInLlama (llama_decode until the device is done) show how much
/// of the decode time is our own per-step work. Used by `evalharness bench`.
/// </summary>
public sealed record GenerationStatistics(
    int PromptTokens, int GeneratedTokens, int DecodeStepTokens, TimeSpan Prefill, TimeSpan Decode, int DecodeSteps, TimeSpan DecodeInLlama)
{
    /// <summary>Tokens whose argmax llama.cpp took inside its graph (<see cref="LlamaContextOptions.BackendSampling"/>).</summary>
    public int SampledInGraph { get; init; }

    /// <summary>Tokens generated per second in decode-only steps, all sequences together.</summary>
    public double DecodeTokensPerSecond => DecodeStepTokens / Math.Max(Decode.TotalSeconds, 1e-9);

    /// <summary>Our own time per decode step: everything but llama_decode.</summary>
    public TimeSpan HostTimePerDecodeStep => DecodeSteps == 0 ? TimeSpan.Zero : (Decode - DecodeInLlama) / DecodeSteps;
}
