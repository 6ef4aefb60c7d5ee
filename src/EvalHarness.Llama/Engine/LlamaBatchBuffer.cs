using EvalHarness.Llama.Native;

namespace EvalHarness.Llama.Engine;

/// <summary>A reusable llama_batch of up to <see cref="Capacity"/> tokens, each in exactly one sequence.</summary>
internal sealed unsafe class LlamaBatchBuffer : IDisposable
{
    private LlamaBatch _batch;
    private bool _disposed;

    public LlamaBatchBuffer(int capacity)
    {
        Capacity = capacity;
        _batch = LlamaApi.BatchInit(capacity, 0, 1);
    }

    public int Capacity { get; }
    public int Count => _batch.NTokens;
    public int Free => Capacity - Count;
    internal LlamaBatch Native => _batch;

    public void Clear() => _batch.NTokens = 0;

    /// <returns>The token's index in the batch (where its logits are read when <paramref name="wantLogits"/>).</returns>
    public int Add(int token, int position, int sequence, bool wantLogits)
    {
        var i = _batch.NTokens;
        if (i >= Capacity) throw new InvalidOperationException("batch is full");
        _batch.Token[i] = token;
        _batch.Pos[i] = position;
        _batch.NSeqId[i] = 1;
        _batch.SeqId[i][0] = sequence;
        _batch.Logits[i] = wantLogits ? (sbyte)1 : (sbyte)0;
        _batch.NTokens = i + 1;
        return i;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        LlamaApi.BatchFree(_batch);
    }
}
