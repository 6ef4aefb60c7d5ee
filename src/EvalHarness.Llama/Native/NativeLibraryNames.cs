namespace EvalHarness.Llama.Native;

/// <summary>
/// Logical names used in [LibraryImport]; <see cref="Runtime.NativeRuntimeLoader"/> resolves them to the files of the
/// chosen runtime flavour (their file names differ: libllama.v0.5.0.so, libllama.cuda.v0.5.0.so, llama.dll, …).
/// </summary>
internal static class NativeLibraryNames
{
    public const string Llama = "evalharness-llama";
    public const string Ggml = "evalharness-ggml";
    public const string GgmlBase = "evalharness-ggml-base";
}
