namespace EvalHarness.Gguf.Format;

/// <summary>
/// Storage layout of one <see cref="GgmlType"/>: how many elements one block holds and how many bytes it takes.
/// Values are <c>blck_size</c> / <c>sizeof(block_*)</c> from ggml's <c>type_traits</c> table (ggml/src/ggml.c and
/// ggml-common.h of llama.cpp v0.5.0; checked against gguf-py's GGML_QUANT_SIZES and a compiled <c>sizeof</c>).
/// </summary>
public sealed record GgmlTypeInfo(GgmlType Type, string Name, int BlockSize, int BytesPerBlock, bool IsQuantized)
{
    private const int QK_K = 256;

    private static readonly Dictionary<GgmlType, GgmlTypeInfo> Table = new GgmlTypeInfo[]
    {
        new(GgmlType.F32, "F32", 1, 4, false),
        new(GgmlType.F16, "F16", 1, 2, false),
        new(GgmlType.Q4_0, "Q4_0", 32, 18, true),
        new(GgmlType.Q4_1, "Q4_1", 32, 20, true),
        new(GgmlType.Q5_0, "Q5_0", 32, 22, true),
        new(GgmlType.Q5_1, "Q5_1", 32, 24, true),
        new(GgmlType.Q8_0, "Q8_0", 32, 34, true),
        new(GgmlType.Q8_1, "Q8_1", 32, 36, true),
        new(GgmlType.Q2_K, "Q2_K", QK_K, 84, true),
        new(GgmlType.Q3_K, "Q3_K", QK_K, 110, true),
        new(GgmlType.Q4_K, "Q4_K", QK_K, 144, true),
        new(GgmlType.Q5_K, "Q5_K", QK_K, 176, true),
        new(GgmlType.Q6_K, "Q6_K", QK_K, 210, true),
        new(GgmlType.Q8_K, "Q8_K", QK_K, 292, true),
        new(GgmlType.IQ2_XXS, "IQ2_XXS", QK_K, 66, true),
        new(GgmlType.IQ2_XS, "IQ2_XS", QK_K, 74, true),
        new(GgmlType.IQ3_XXS, "IQ3_XXS", QK_K, 98, true),
        new(GgmlType.IQ1_S, "IQ1_S", QK_K, 50, true),
        new(GgmlType.IQ4_NL, "IQ4_NL", 32, 18, true),
        new(GgmlType.IQ3_S, "IQ3_S", QK_K, 110, true),
        new(GgmlType.IQ2_S, "IQ2_S", QK_K, 82, true),
        new(GgmlType.IQ4_XS, "IQ4_XS", QK_K, 136, true),
        new(GgmlType.I8, "I8", 1, 1, false),
        new(GgmlType.I16, "I16", 1, 2, false),
        new(GgmlType.I32, "I32", 1, 4, false),
        new(GgmlType.I64, "I64", 1, 8, false),
        new(GgmlType.F64, "F64", 1, 8, false),
        new(GgmlType.IQ1_M, "IQ1_M", QK_K, 56, true),
        new(GgmlType.BF16, "BF16", 1, 2, false),
        new(GgmlType.TQ1_0, "TQ1_0", QK_K, 54, true),
        new(GgmlType.TQ2_0, "TQ2_0", QK_K, 66, true),
        new(GgmlType.MXFP4, "MXFP4", 32, 17, true),
        new(GgmlType.NVFP4, "NVFP4", 64, 36, true),
        new(GgmlType.Q1_0, "Q1_0", 128, 18, true),
        new(GgmlType.Q2_0, "Q2_0", 64, 18, true),
    }.ToDictionary(info => info.Type);

    /// <summary>All types ggml of this release can store in a GGUF file.</summary>
    public static IReadOnlyCollection<GgmlTypeInfo> All => Table.Values;

    public static GgmlTypeInfo Of(GgmlType type) =>
        Table.TryGetValue(type, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(type), type, "not a ggml type of this release");

    /// <summary>Looks up a raw type number read from a file; false for removed or unknown numbers.</summary>
    public static bool TryGet(uint rawType, out GgmlTypeInfo info)
    {
        info = null!;
        return rawType <= int.MaxValue && Table.TryGetValue((GgmlType)(int)rawType, out info!);
    }

    /// <summary>Bytes one row of <paramref name="elements"/> elements takes; the count must be a whole number of blocks.</summary>
    public long RowBytes(long elements)
    {
        if (elements % BlockSize != 0)
        {
            throw new ArgumentException($"{Name} rows hold whole blocks of {BlockSize} elements; {elements} is not a multiple", nameof(elements));
        }
        return elements / BlockSize * BytesPerBlock;
    }

    /// <summary>Bytes of a tensor of this type with the given element count (ne0 must be a multiple of the block size).</summary>
    public long TensorBytes(long elementCount) => elementCount / BlockSize * BytesPerBlock;

    public override string ToString() => Name;
}
