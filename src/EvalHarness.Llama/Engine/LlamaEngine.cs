using EvalHarness.Core.Inference;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// The in-process llama.cpp backend. Owns one model and one context and runs a single inference loop over them;
/// calls are serialised, and parallelism comes from many sequences inside each batch.
/// </summary>
public sealed class LlamaEngine : IInferenceBackend, IContinuousGenerationBackend
{
    private readonly Lock _gate = new();
    private readonly LlamaBatchBuffer _batch;
    private readonly LoglikelihoodScheduler _loglikelihood;
    private readonly GenerationScheduler _generation;

    private LlamaEngine(NativeRuntimeInfo runtime, LlamaModel model, LlamaContext context, string? offloadNote)
    {
        Runtime = runtime;
        Model = model;
        Context = context;
        _batch = new LlamaBatchBuffer(context.BatchSize);
        _loglikelihood = new LoglikelihoodScheduler(context, model.Vocabulary, _batch);
        _generation = new GenerationScheduler(context, model.Vocabulary, _batch);
        Description = new BackendDescription(
            "llama.cpp (in-process)",
            model.Path,
            $"llama.cpp {runtime.Release} ({runtime.Flavour.ToString().ToLowerInvariant()})",
            DescribeDevice(runtime, context, offloadNote),
            model.ChatTemplate);
    }

    public NativeRuntimeInfo Runtime { get; }
    public LlamaModel Model { get; }
    public LlamaContext Context { get; }
    public BackendDescription Description { get; }
    public int ContextLength => Context.ContextLength;

    /// <summary>Timing of the most recent <see cref="Loglikelihood"/> call.</summary>
    public LoglikelihoodStatistics? LastLoglikelihoodStatistics => _loglikelihood.LastRun;

    /// <summary>Timing of the most recent <see cref="Generate"/> call.</summary>
    public GenerationStatistics? LastGenerationStatistics => _generation.LastRun;

    /// <summary>Validates the file, loads the runtime, the weights and a context — in that order, failing early.</summary>
    public static LlamaEngine Load(string modelPath, LlamaEngineOptions options, CancellationToken cancellationToken = default)
    {
        var file = ModelFileValidator.Validate(modelPath);
        ValidateOptions(options.Context);
        var runtime = NativeRuntime.Load(options.Runtime, cancellationToken);
        var (modelOptions, offloadNote) = FitGpuLayers(file, options, runtime);
        var model = LlamaModel.Load(modelPath, modelOptions, runtime);
        try
        {
            var context = LlamaContext.Create(model, options.Context);
            return new LlamaEngine(runtime, model, context, offloadNote);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Without --gpu-layers on a GPU, the layers that fit its free memory (see <see cref="GpuLayerFit"/>); a note says
    /// so when that is fewer than all of them.
    /// </summary>
    private static (LlamaModelOptions Options, string? Note) FitGpuLayers(Gguf.GgufFile file, LlamaEngineOptions options, NativeRuntimeInfo runtime)
    {
        if (options.Model.GpuLayers is not null || !runtime.HasGpu) return (options.Model, null);
        var free = KvCacheEstimate.FreeBytes(onGpu: true);
        if (free == 0) return (options.Model, null);
        var needs = GpuLayerFit.Read(file, options.Context.KvCacheTypeK, options.Context.KvCacheTypeV);
        var arch = file.Metadata.GetString("general.architecture");
        var contextTokens = options.Context.ContextLength > 0
            ? options.Context.ContextLength
            : LlamaContextOptions.DefaultContextLength(file.Metadata.GetInteger($"{arch}.context_length") ?? 0);
        var headroom = KvCacheEstimate.ComputeHeadroom(needs.VocabularySize, needs.EmbeddingWidth, options.Context);
        var layers = GpuLayerFit.Layers(needs, free, headroom, contextTokens);
        if (layers < 0) return (options.Model, null);
        var note = $"{layers} of {needs.LayerBytes.Count} layers on the GPU, fitted to its {KvCacheEstimate.Gib(free)} GiB free with a {contextTokens:N0}-token sequence (--gpu-layers sets it)";
        return (options.Model with { GpuLayers = layers }, note);
    }

    private static void ValidateOptions(LlamaContextOptions options)
    {
        if (options.ContextLength < 0) throw new UserInputException($"--ctx-size {options.ContextLength} is negative", "use 0 (the model's own) or a positive number of tokens");
        if (options.ParallelSequences < 1) throw new UserInputException($"--parallel {options.ParallelSequences} must be at least 1", "use --parallel 1 or more");
        if (options.BatchSize < options.ParallelSequences)
        {
            throw new UserInputException($"--batch-size {options.BatchSize} is smaller than --parallel {options.ParallelSequences}", "every live sequence needs a place in each batch: raise --batch-size");
        }
        if (options.MicroBatchSize < 1) throw new UserInputException($"--ubatch-size {options.MicroBatchSize} must be at least 1", "use the default (512)");
    }

    public IReadOnlyList<int> Tokenize(string text, bool addSpecial, bool parseSpecial) =>
        Model.Vocabulary.Tokenize(text, addSpecial, parseSpecial);

    public string Detokenize(IReadOnlyList<int> tokens, bool renderSpecial) =>
        Model.Vocabulary.Detokenize(tokens, renderSpecial);

    public IReadOnlyList<LoglikelihoodResult> Loglikelihood(
        IReadOnlyList<LoglikelihoodRequest> requests, Action<int, LoglikelihoodResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        lock (_gate) return _loglikelihood.Run(requests, onResult, cancellationToken);
    }

    /// <summary>Scores continuations given as tokens, with no tokenization or truncation (token-level comparisons).</summary>
    internal IReadOnlyList<LoglikelihoodResult> LoglikelihoodOfTokens(IReadOnlyList<(int[] Context, int[] Continuation)> requests)
    {
        var encoded = requests.Select((r, i) => new EncodedLoglikelihoodRequest(i, r.Context, r.Continuation, false)).ToArray();
        lock (_gate) return _loglikelihood.Run(encoded, null, CancellationToken.None);
    }

    public IReadOnlyList<GenerationResult> Generate(
        IReadOnlyList<GenerationRequest> requests, Action<int, GenerationResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        lock (_gate) return _generation.Run(requests, onResult, cancellationToken);
    }

    private static string DescribeDevice(NativeRuntimeInfo runtime, LlamaContext context, string? offloadNote)
    {
        var gpus = runtime.Devices.Where(d => d.Kind is "GPU" or "iGPU").Select(d => d.Description).ToArray();
        var device = gpus.Length > 0 ? string.Join(", ", gpus) : $"CPU ({context.Options.Threads} threads)";
        return string.Join("; ", new[] { device, offloadNote, context.SizingNote }.OfType<string>());
    }

    /// <summary>Continuous batching for a server: requests join and leave while others generate (see <see cref="IGenerationFeed"/>).</summary>
    public void Generate(IGenerationFeed feed, CancellationToken cancellationToken = default)
    {
        lock (_gate) _generation.Run(feed, cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _batch.Dispose();
            Context.Dispose();
            Model.Dispose();
        }
    }
}
