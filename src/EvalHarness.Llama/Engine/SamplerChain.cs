using EvalHarness.Core.Inference;
using EvalHarness.Llama.Native;

namespace EvalHarness.Llama.Engine;

/// <summary>A llama.cpp sampler chain built from <see cref="SamplingSettings"/>: greedy, or top-k → top-p → min-p → temperature → seeded draw.</summary>
internal sealed class SamplerChain : IDisposable
{
    private readonly SafeLlamaSamplerHandle _chain;

    public SamplerChain(SamplingSettings settings)
    {
        var chain = LlamaApi.SamplerChainInit(LlamaApi.SamplerChainDefaultParams());
        _chain = new SafeLlamaSamplerHandle(chain);
        if (settings.IsGreedy)
        {
            LlamaApi.SamplerChainAdd(chain, LlamaApi.SamplerInitGreedy());
            return;
        }
        if (settings.TopK > 0) LlamaApi.SamplerChainAdd(chain, LlamaApi.SamplerInitTopK(settings.TopK));
        if (settings.TopP < 1f) LlamaApi.SamplerChainAdd(chain, LlamaApi.SamplerInitTopP(settings.TopP, 1));
        if (settings.MinP > 0f) LlamaApi.SamplerChainAdd(chain, LlamaApi.SamplerInitMinP(settings.MinP, 1));
        LlamaApi.SamplerChainAdd(chain, LlamaApi.SamplerInitTemp(settings.Temperature));
        LlamaApi.SamplerChainAdd(chain, LlamaApi.SamplerInitDist(settings.Seed));
    }

    /// <summary>Samples from the logit row at <paramref name="batchIndex"/> and records the choice in the chain's state.</summary>
    public int Sample(LlamaContext context, int batchIndex) =>
        LlamaApi.SamplerSample(_chain.DangerousGetHandle(), context.Raw, batchIndex);

    internal IntPtr Handle => _chain.DangerousGetHandle();

    public void Dispose() => _chain.Dispose();
}
