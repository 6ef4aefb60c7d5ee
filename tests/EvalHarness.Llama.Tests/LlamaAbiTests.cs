using System.Runtime.CompilerServices;
using EvalHarness.Gguf.Format;
using EvalHarness.Llama.Native;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// The binding's structs against llama.h of release v0.5.0: sizes and offsets as a C compiler lays them out
/// (measured with gcc on llama.h), and the default values llama.cpp itself returns.
/// </summary>
public sealed class LlamaAbiTests
{
    [Fact]
    public void Struct_sizes_match_the_C_layout()
    {
        Assert.Equal(80, Unsafe.SizeOf<LlamaModelParams>());
        Assert.Equal(160, Unsafe.SizeOf<LlamaContextParams>());
        Assert.Equal(56, Unsafe.SizeOf<LlamaBatch>());
        Assert.Equal(1, Unsafe.SizeOf<LlamaSamplerChainParams>());
        Assert.Equal(16, Unsafe.SizeOf<LlamaChatMessage>());
        Assert.Equal(48, Unsafe.SizeOf<LlamaPerfContextData>());
    }

    [Fact]
    public unsafe void Field_offsets_match_the_C_layout()
    {
        // Offsets of the unmanaged layout (Marshal.OffsetOf would report the marshalled one, with 4-byte bools).
        var m = default(LlamaModelParams);
        var mb = (byte*)&m;
        Assert.Equal(16, (byte*)&m.NGpuLayers - mb);
        Assert.Equal(32, (byte*)&m.MainGpu - mb);
        Assert.Equal(40, (byte*)&m.TensorSplit - mb);
        Assert.Equal(64, (byte*)&m.KvOverrides - mb);
        Assert.Equal(72, (byte*)&m.VocabOnly - mb);
        Assert.Equal(77, (byte*)&m.LoadMtp - mb);

        var c = default(LlamaContextParams);
        var cb = (byte*)&c;
        Assert.Equal(32, (byte*)&c.NThreadsBatch - cb);
        Assert.Equal(52, (byte*)&c.FlashAttnType - cb);
        Assert.Equal(56, (byte*)&c.RopeFreqBase - cb);
        Assert.Equal(84, (byte*)&c.DefragThold - cb);
        Assert.Equal(88, (byte*)&c.CbEval - cb);
        Assert.Equal(104, (byte*)&c.TypeK - cb);
        Assert.Equal(112, (byte*)&c.AbortCallback - cb);
        Assert.Equal(128, (byte*)&c.Embeddings - cb);
        Assert.Equal(133, (byte*)&c.KvUnified - cb);
        Assert.Equal(136, (byte*)&c.Samplers - cb);
        Assert.Equal(144, (byte*)&c.NSamplers - cb);
        Assert.Equal(152, (byte*)&c.CtxOther - cb);
    }

    [Fact]
    public void Model_defaults_read_back_as_llama_cpp_sets_them()
    {
        NativeTestRuntime.Require();

        var p = LlamaApi.ModelDefaultParams();

        Assert.Equal(IntPtr.Zero, p.Devices);
        Assert.Equal(-1, p.NGpuLayers);
        Assert.Equal(LlamaSplitMode.Layer, p.SplitMode);
        Assert.Equal(-1, p.LoadMode);   // LLAMA_LOAD_MODE_AUTO
        Assert.Equal(1, p.LazyMode);    // LLAMA_LAZY_MODE_AUTO
        Assert.Equal(0, p.MainGpu);
        Assert.False(p.VocabOnly);
        Assert.False(p.CheckTensors);
        Assert.True(p.UseExtraBufts);
        Assert.False(p.NoHost);
        Assert.False(p.NoAlloc);
        Assert.False(p.LoadMtp);
    }

    [Fact]
    public void Context_defaults_read_back_as_llama_cpp_sets_them()
    {
        NativeTestRuntime.Require();

        var p = LlamaApi.ContextDefaultParams();

        Assert.Equal(512u, p.NCtx);
        Assert.Equal(2048u, p.NBatch);
        Assert.Equal(512u, p.NUbatch);
        Assert.Equal(1u, p.NSeqMax);
        Assert.Equal(0u, p.NRsSeq);
        Assert.Equal(0u, p.NOutputsMax);
        Assert.Equal(1u, p.NOutputsMaxPerSeq);
        Assert.Equal(4, p.NThreads);          // GGML_DEFAULT_N_THREADS
        Assert.Equal(4, p.NThreadsBatch);
        Assert.Equal(-1, p.RopeScalingType);
        Assert.Equal(-1, p.PoolingType);
        Assert.Equal(-1, p.AttentionType);
        Assert.Equal(LlamaFlashAttentionType.Auto, p.FlashAttnType);
        Assert.Equal(0f, p.RopeFreqBase);
        Assert.Equal(-1f, p.YarnExtFactor);
        Assert.Equal(-1f, p.YarnBetaSlow);
        Assert.Equal(-1f, p.DefragThold);
        Assert.Equal(GgmlType.F16, p.TypeK);
        Assert.Equal(GgmlType.F16, p.TypeV);
        Assert.False(p.Embeddings);
        Assert.True(p.OffloadKqv);
        Assert.True(p.NoPerf);
        Assert.True(p.OpOffload);
        Assert.True(p.SwaFull);
        Assert.False(p.KvUnified);
        Assert.Equal(IntPtr.Zero, p.Samplers);
        Assert.Equal(0u, (uint)p.NSamplers);
        Assert.Equal(IntPtr.Zero, p.CtxOther);
    }
}
