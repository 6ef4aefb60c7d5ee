using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Native;

/// <summary>llama.h: batches, decoding, logits, memory (KV cache) and performance counters.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_batch_init")]
    public static partial LlamaBatch BatchInit(int nTokens, int embd, int nSeqMax);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_batch_free")]
    public static partial void BatchFree(LlamaBatch batch);

    /// <returns>0 on success; 1 when no KV slot was found; 2 when aborted; negative on error.</returns>
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_decode")]
    public static partial int Decode(IntPtr context, LlamaBatch batch);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_get_logits_ith")]
    public static partial float* GetLogitsIth(IntPtr context, int i);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_n_ctx")]
    public static partial uint NCtx(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_n_ctx_seq")]
    public static partial uint NCtxSeq(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_n_batch")]
    public static partial uint NBatch(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_n_ubatch")]
    public static partial uint NUbatch(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_n_seq_max")]
    public static partial uint NSeqMax(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_get_memory")]
    public static partial IntPtr GetMemory(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_memory_clear")]
    public static partial void MemoryClear(IntPtr memory, [MarshalAs(UnmanagedType.U1)] bool data);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_memory_seq_rm")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool MemorySeqRm(IntPtr memory, int seqId, int p0, int p1);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_memory_seq_cp")]
    public static partial void MemorySeqCp(IntPtr memory, int seqIdSrc, int seqIdDst, int p0, int p1);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_memory_seq_pos_max")]
    public static partial int MemorySeqPosMax(IntPtr memory, int seqId);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_perf_context")]
    public static partial LlamaPerfContextData PerfContext(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_perf_context_reset")]
    public static partial void PerfContextReset(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_synchronize")]
    public static partial void Synchronize(IntPtr context);
}
