using System.Diagnostics;
using EvalHarness.Llama.Native;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// One llama_context: the KV cache and the compute graph. Not thread-safe; the engine runs a single inference loop
/// over it, and parallelism comes from several sequences inside one batch.
/// </summary>
public sealed class LlamaContext : IDisposable
{
    private LlamaContext(SafeLlamaContextHandle handle, LlamaContextOptions options)
    {
        Handle = handle;
        Options = options;
        var raw = handle.DangerousGetHandle();
        Memory = LlamaApi.GetMemory(raw);
        BatchSize = (int)LlamaApi.NBatch(raw);
        SequenceCapacity = (int)LlamaApi.NSeqMax(raw);
        KvCells = (int)LlamaApi.NCtx(raw);
    }

    internal SafeLlamaContextHandle Handle { get; }
    internal IntPtr Raw => Handle.DangerousGetHandle();
    internal IntPtr Memory { get; }
    public LlamaContextOptions Options { get; }
    public int BatchSize { get; }
    public int SequenceCapacity { get; }
    public int KvCells { get; }

    /// <summary>Set when the default KV cache was shrunk to fit the device's free memory (see <see cref="KvCacheEstimate.Fit"/>).</summary>
    public string? SizingNote { get; private init; }

    /// <summary>Most tokens one sequence may hold.</summary>
    public int ContextLength => Math.Min(Options.ContextLength, KvCells);

    public static LlamaContext Create(LlamaModel model, LlamaContextOptions requested)
    {
        var options = requested.Resolve(model);
        var maxSequences = (int)LlamaApi.MaxParallelSequences();
        if (options.ParallelSequences > maxSequences)
        {
            throw new UserInputException(
                $"--parallel {options.ParallelSequences} is more than llama.cpp supports ({maxSequences})",
                $"use --parallel {maxSequences} or fewer");
        }
        options = KvCacheEstimate.Fit(model, options, cellsGiven: requested.KvCacheCells > 0, onGpu: model.OnGpu, out var sizingNote);
        var parameters = LlamaApi.ContextDefaultParams();
        parameters.NCtx = (uint)options.KvCacheCells;
        parameters.NBatch = (uint)options.BatchSize;
        parameters.NUbatch = (uint)Math.Min(options.MicroBatchSize, options.BatchSize);
        parameters.NSeqMax = (uint)options.ParallelSequences;
        parameters.NThreads = options.Threads;
        parameters.NThreadsBatch = options.Threads;
        parameters.FlashAttnType = options.FlashAttention switch
        {
            FlashAttention.On => LlamaFlashAttentionType.Enabled,
            FlashAttention.Off => LlamaFlashAttentionType.Disabled,
            _ => LlamaFlashAttentionType.Auto,
        };
        parameters.TypeK = options.KvCacheTypeK;
        parameters.TypeV = options.KvCacheTypeV;
        // One KV buffer shared by all sequences: a context copied to several sequences (llama_memory_seq_cp) is
        // then stored once, and any sequence may use the whole cache.
        parameters.KvUnified = true;
        parameters.NoPerf = false;
        // Outputs per sequence: a loglikelihood request asks for one logit row per continuation token.
        parameters.NOutputsMaxPerSeq = 0;

        Runtime.NativeLog.ClearRecent();
        var raw = LlamaApi.InitFromModel(model.Handle.DangerousGetHandle(), parameters);
        if (raw == IntPtr.Zero)
        {
            throw new UserInputException(
                $"llama.cpp could not create a context of {options.KvCacheCells} KV cells for {model.Path}: {LlamaModel.NativeProblem()}",
                "lower --ctx-size or --parallel, quantise the KV cache (--kv-cache-type q8_0), or offload fewer layers");
        }
        return new LlamaContext(new SafeLlamaContextHandle(raw, model.Handle), options) { SizingNote = sizingNote };
    }

    internal void ClearMemory() => LlamaApi.MemoryClear(Memory, data: false);

    internal void RemoveSequence(int sequence) => LlamaApi.MemorySeqRm(Memory, sequence, -1, -1);

    internal void CopySequence(int source, int destination, int end) => LlamaApi.MemorySeqCp(Memory, source, destination, 0, end);

    internal unsafe ReadOnlySpan<float> Logits(int batchIndex, int vocabularySize)
    {
        var pointer = LlamaApi.GetLogitsIth(Raw, batchIndex);
        if (pointer == null) throw new InvalidOperationException($"llama.cpp returned no logits for batch index {batchIndex}");
        return new ReadOnlySpan<float>(pointer, vocabularySize);
    }

    /// <summary>All time spent in <see cref="Decode"/> so far (the schedulers' timing breakdowns take differences).</summary>
    internal TimeSpan TimeInDecode { get; private set; }

    internal void Decode(LlamaBatchBuffer batch)
    {
        var start = Stopwatch.GetTimestamp();
        var status = LlamaApi.Decode(Raw, batch.Native);
        if (status == 0)
        {
            // A GPU decode returns once its work is queued; waiting here puts the device's time inside Decode, where
            // the timing breakdowns count it, instead of in whichever logits read comes first.
            LlamaApi.Synchronize(Raw);
            TimeInDecode += Stopwatch.GetElapsedTime(start);
            return;
        }
        if (status == 1)
        {
            throw new UserInputException(
                $"the KV cache ({KvCells} cells) is full",
                "raise --ctx-size or lower --parallel; a request longer than the context is truncated, but the batch must fit");
        }
        throw new InvalidOperationException($"llama_decode failed with status {status}: {LlamaModel.NativeProblem()}");
    }

    internal LlamaPerfContextData Performance() => LlamaApi.PerfContext(Raw);

    private readonly Dictionary<int, SamplerChain> _deviceGreedy = [];

    /// <summary>
    /// Makes llama.cpp pick this sequence's next token by argmax inside the compute graph (its experimental backend
    /// sampling): only the token comes back from the device, not a vocabulary-sized logit row. Attaching changes the
    /// graph, so chains stay attached while generation goes on and are detached together (<see cref="DetachSamplers"/>).
    /// Returns false where llama.cpp cannot offload it; the row is then read as usual.
    /// </summary>
    internal bool AttachGreedy(int sequence)
    {
        if (_deviceGreedy.ContainsKey(sequence)) return true;
        var chain = new SamplerChain(Core.Inference.SamplingSettings.Greedy(1));
        if (!LlamaApi.SetSampler(Raw, sequence, chain.Handle))
        {
            chain.Dispose();
            return false;
        }
        _deviceGreedy[sequence] = chain;
        return true;
    }

    /// <summary>Detaches the sequence's backend sampler, if it has one (a sampled, non-greedy slot reads its logit row).</summary>
    internal void DetachSampler(int sequence)
    {
        if (!_deviceGreedy.Remove(sequence, out var chain)) return;
        LlamaApi.SetSampler(Raw, sequence, IntPtr.Zero);
        chain.Dispose();
    }

    /// <summary>Detaches every backend sampler: loglikelihood scoring needs whole logit rows for all sequences.</summary>
    internal void DetachSamplers()
    {
        foreach (var sequence in _deviceGreedy.Keys.ToArray()) DetachSampler(sequence);
    }

    /// <summary>The token the sequence's backend sampler chose for the output at <paramref name="batchIndex"/>.</summary>
    internal int SampledToken(int batchIndex)
    {
        var token = LlamaApi.GetSampledTokenIth(Raw, batchIndex);
        return token >= 0 ? token : throw new InvalidOperationException($"llama.cpp sampled no token for batch index {batchIndex}");
    }

    public void Dispose()
    {
        if (!Handle.IsClosed) DetachSamplers();
        Handle.Dispose();
    }
}
