namespace EvalHarness.Gguf.Format;

/// <summary>Fixed numbers of the GGUF format (ggml/include/gguf.h, ggml/src/gguf.cpp of llama.cpp v0.5.0).</summary>
public static class GgufConstants
{
    /// <summary>"GGUF" read as a little-endian uint32.</summary>
    public const uint Magic = 0x46554747;
    public const uint NewestVersion = 3;
    public const uint OldestSupportedVersion = 2;
    public const int DefaultAlignment = 32;
    public const string AlignmentKey = "general.alignment";
    /// <summary>GGML_MAX_DIMS: a tensor has at most four dimensions.</summary>
    public const int MaxDimensions = 4;
    /// <summary>GGML_MAX_NAME: tensor names must be shorter than this many bytes (the C struct holds a NUL).</summary>
    public const int MaxTensorNameBytes = 64;

    /// <summary>Byte size of a scalar value type; 0 for string and array, whose size depends on content.</summary>
    public static int ScalarSize(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 => 8,
        _ => 0,
    };

    public static bool IsKnown(uint rawType) => rawType <= (uint)GgufValueType.Float64;

    public static long AlignUp(long offset, long alignment) => (offset + alignment - 1) / alignment * alignment;
}
