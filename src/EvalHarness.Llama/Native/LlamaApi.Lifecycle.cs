using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Native;

/// <summary>llama.h: version, backend and parameter defaults, model and context lifetime.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_print_system_info")]
    public static partial IntPtr PrintSystemInfo();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_backend_init")]
    public static partial void BackendInit();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_default_params")]
    public static partial LlamaModelParams ModelDefaultParams();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_context_default_params")]
    public static partial LlamaContextParams ContextDefaultParams();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_sampler_chain_default_params")]
    public static partial LlamaSamplerChainParams SamplerChainDefaultParams();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_load_from_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ModelLoadFromFile(string path, LlamaModelParams parameters);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_free")]
    public static partial void ModelFree(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_init_from_model")]
    public static partial IntPtr InitFromModel(IntPtr model, LlamaContextParams parameters);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_free")]
    public static partial void Free(IntPtr context);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_supports_gpu_offload")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool SupportsGpuOffload();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_max_parallel_sequences")]
    public static partial nuint MaxParallelSequences();

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_log_set")]
    public static partial void LogSet(delegate* unmanaged[Cdecl]<GgmlLogLevel, IntPtr, IntPtr, void> callback, IntPtr userData);
}
