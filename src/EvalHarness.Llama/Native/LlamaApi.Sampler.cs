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
}
