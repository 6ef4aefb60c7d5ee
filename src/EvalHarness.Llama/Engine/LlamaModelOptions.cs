namespace EvalHarness.Llama.Engine;

/// <summary>How to load a model's weights.</summary>
public sealed record LlamaModelOptions
{
    /// <summary>Layers to put on the GPU; null = all of them when a GPU is present, none otherwise.</summary>
    public int? GpuLayers { get; init; }

    /// <summary>Called with load progress in [0, 1].</summary>
    public IProgress<float>? LoadProgress { get; init; }
}
