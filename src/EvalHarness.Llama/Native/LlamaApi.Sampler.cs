using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Native;

/// <summary>llama.h: sampler chains.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_chain_init")]
    public static partial IntPtr SamplerChainInit(LlamaSamplerChainParams parameters);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_chain_add")]
    public static partial void SamplerChainAdd(IntPtr chain, IntPtr sampler);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_init_greedy")]
    public static partial IntPtr SamplerInitGreedy();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_init_dist")]
    public static partial IntPtr SamplerInitDist(uint seed);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_init_top_k")]
    public static partial IntPtr SamplerInitTopK(int k);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_init_top_p")]
    public static partial IntPtr SamplerInitTopP(float p, nuint minKeep);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_init_min_p")]
    public static partial IntPtr SamplerInitMinP(float p, nuint minKeep);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_init_temp")]
    public static partial IntPtr SamplerInitTemp(float t);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_sample")]
    public static partial int SamplerSample(IntPtr sampler, IntPtr context, int idx);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_accept")]
    public static partial void SamplerAccept(IntPtr sampler, int token);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_reset")]
    public static partial void SamplerReset(IntPtr sampler);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_free")]
    public static partial void SamplerFree(IntPtr sampler);

    /// <summary>[EXPERIMENTAL in llama.cpp] Attaches a sampler chain (or, with null, detaches) to a sequence: its
    /// outputs are then sampled inside the compute graph, on the device.</summary>
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_set_sampler")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool SetSampler(IntPtr context, int sequence, IntPtr sampler);

    /// <summary>The token a backend sampler chose for output row i, or -1 (LLAMA_TOKEN_NULL) when none did.</summary>
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_get_sampled_token_ith")]
    public static partial int GetSampledTokenIth(IntPtr context, int i);
}
