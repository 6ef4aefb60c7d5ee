namespace EvalHarness.Llama.Engine;

/// <summary>Where the time of one Loglikelihood call went (decode includes the wait for the device's logits).</summary>
public sealed record LoglikelihoodStatistics(int Requests, long TokensDecoded, TimeSpan Encoding, TimeSpan Decoding, TimeSpan Scoring, TimeSpan Total)
{
    public double TokensPerSecond => TokensDecoded / Math.Max(Total.TotalSeconds, 1e-9);
}
