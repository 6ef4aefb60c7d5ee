namespace EvalHarness.Gguf.Reading;

/// <summary>How strict the reader is beyond the GGUF specification.</summary>
public sealed record GgufReadOptions
{
    /// <summary>
    /// Enforce the extra rules of llama.cpp's own reader (ggml/src/gguf.cpp, v0.5.0): no arrays of arrays, and tensors
    /// packed in table order (each offset equals the previous tensor's end rounded up to the alignment). On by
    /// default because every file we read is headed for llama.cpp; turn it off to inspect other GGUF producers' files.
    /// </summary>
    public bool RequireLlamaCppLayout { get; init; } = true;

    /// <summary>Arrays nested deeper than this are rejected (a crafted file could otherwise exhaust the stack).</summary>
    public int MaxArrayNesting { get; init; } = 8;

    public static GgufReadOptions LlamaCpp { get; } = new();

    public static GgufReadOptions Specification { get; } = new() { RequireLlamaCppLayout = false };
}
