using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Native;

/// <summary>llama.h: vocabulary, tokenization and detokenization.</summary>
internal static unsafe partial class LlamaApi
{
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_vocab_n_tokens")]
    public static partial int VocabNTokens(IntPtr vocab);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_vocab_type")]
    public static partial int VocabType(IntPtr vocab);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_vocab_bos")]
    public static partial int VocabBos(IntPtr vocab);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_vocab_eos")]
    public static partial int VocabEos(IntPtr vocab);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_vocab_is_eog")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool VocabIsEog(IntPtr vocab, int token);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_vocab_get_add_bos")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool VocabGetAddBos(IntPtr vocab);

    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_vocab_get_add_eos")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool VocabGetAddEos(IntPtr vocab);

    /// <returns>Tokens written, or the negated count needed when <paramref name="maxTokens"/> is too small.</returns>
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_tokenize")]
    public static partial int Tokenize(
        IntPtr vocab, byte* text, int textLength, int* tokens, int maxTokens,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    /// <returns>Bytes written, or the negated size needed.</returns>
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_token_to_piece")]
    public static partial int TokenToPiece(
        IntPtr vocab, int token, byte* buffer, int length, int lstrip, [MarshalAs(UnmanagedType.U1)] bool special);

    /// <returns>Bytes written, or the negated size needed.</returns>
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_detokenize")]
    public static partial int Detokenize(
        IntPtr vocab, int* tokens, int nTokens, byte* text, int textLengthMax,
        [MarshalAs(UnmanagedType.U1)] bool removeSpecial, [MarshalAs(UnmanagedType.U1)] bool unparseSpecial);

    /// <returns>Bytes of the formatted chat (may exceed <paramref name="length"/>), or negative on failure.</returns>
    [LibraryImport(NativeLibraryNames.Llama, EntryPoint = "llama_chat_apply_template")]
    public static partial int ChatApplyTemplate(
        byte* template, LlamaChatMessage* messages, nuint messageCount,
        [MarshalAs(UnmanagedType.U1)] bool addAssistant, byte* buffer, int length);
}
