using System.Runtime.InteropServices;
using EvalHarness.Gguf.Format;

// Mirrors of the structs in llama.h of llama.cpp release v0.5.0, field for field. The assembly disables runtime
// marshalling, so `bool` is one byte, exactly as C's `bool`; sizes and offsets are checked by LlamaAbiTests.
namespace EvalHarness.Llama.Native;

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaModelParams
{
    public IntPtr Devices;                 // ggml_backend_dev_t*
    public IntPtr TensorBuftOverrides;     // const llama_model_tensor_buft_override*
    public int NGpuLayers;
    public LlamaSplitMode SplitMode;
    public int LoadMode;                   // enum llama_load_mode
    public int LazyMode;                   // enum llama_lazy_mode
    public int MainGpu;
    public float* TensorSplit;
    public delegate* unmanaged[Cdecl]<float, IntPtr, byte> ProgressCallback; // returns C bool
    public IntPtr ProgressCallbackUserData;
    public IntPtr KvOverrides;
    public bool VocabOnly;
    public bool CheckTensors;
    public bool UseExtraBufts;
    public bool NoHost;
    public bool NoAlloc;
    public bool LoadMtp;
}

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaContextParams
{
    public uint NCtx;
    public uint NBatch;
    public uint NUbatch;
    public uint NSeqMax;
    public uint NRsSeq;
    public uint NOutputsMax;
    public uint NOutputsMaxPerSeq;
    public int NThreads;
    public int NThreadsBatch;
    public int CtxType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public LlamaFlashAttentionType FlashAttnType;
    public float RopeFreqBase;
    public float RopeFreqScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOrigCtx;
    public float DefragThold;
    public IntPtr CbEval;
    public IntPtr CbEvalUserData;
    public GgmlType TypeK;
    public GgmlType TypeV;
    public IntPtr AbortCallback;
    public IntPtr AbortCallbackData;
    public bool Embeddings;
    public bool OffloadKqv;
    public bool NoPerf;
    public bool OpOffload;
    public bool SwaFull;
    public bool KvUnified;
    public IntPtr Samplers;
    public nuint NSamplers;
    public IntPtr CtxOther;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerChainParams
{
    public bool NoPerf;
}

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaChatMessage
{
    public IntPtr Role;     // const char*
    public IntPtr Content;  // const char*
}

[StructLayout(LayoutKind.Sequential)]
internal struct LlamaPerfContextData
{
    public double TStartMs;
    public double TLoadMs;
    public double TPEvalMs;
    public double TEvalMs;
    public int NPEval;
    public int NEval;
    public int NReused;
}

internal enum LlamaSplitMode
{
    None = 0,
    Layer = 1,
    Row = 2,
    Tensor = 3,
}

internal enum LlamaFlashAttentionType
{
    Auto = -1,
    Disabled = 0,
    Enabled = 1,
}

internal enum GgmlLogLevel
{
    None = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
    Cont = 5,
}

internal enum GgmlBackendDeviceType
{
    Cpu = 0,
    Gpu = 1,
    IntegratedGpu = 2,
    Accelerator = 3,
}
