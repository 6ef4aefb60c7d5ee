using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Native;

/// <summary>llama.h: model properties and metadata.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_get_vocab")]
    public static partial IntPtr ModelGetVocab(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_n_ctx_train")]
    public static partial int ModelNCtxTrain(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_n_embd")]
    public static partial int ModelNEmbd(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_n_layer")]
    public static partial int ModelNLayer(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_n_head")]
    public static partial int ModelNHead(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_n_head_kv")]
    public static partial int ModelNHeadKv(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_n_params")]
    public static partial ulong ModelNParams(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_size")]
    public static partial ulong ModelSize(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_desc")]
    public static partial int ModelDesc(IntPtr model, byte* buffer, nuint bufferSize);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_chat_template", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ModelChatTemplate(IntPtr model, string? name);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_has_encoder")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool ModelHasEncoder(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_is_recurrent")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool ModelIsRecurrent(IntPtr model);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_model_is_hybrid")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool ModelIsHybrid(IntPtr model);
}
