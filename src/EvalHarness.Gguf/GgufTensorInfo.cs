using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf;

/// <summary>
/// One entry of the tensor table. <see cref="Dimensions"/> are in ggml order: element 0 is ne0, the row length
/// (the fastest-varying index), so a [n_embd, n_vocab] embedding holds n_vocab rows of n_embd values.
/// <see cref="Offset"/> is relative to the start of the data section, as stored in the file.
/// </summary>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dimensions, GgmlType Type, ulong Offset)
{
    public GgmlTypeInfo TypeInfo => GgmlTypeInfo.Of(Type);

    public long ElementCount => Dimensions.Aggregate(1L, (product, d) => product * d);

    /// <summary>Bytes of this tensor's data (no alignment padding).</summary>
    public long ByteSize => TypeInfo.TensorBytes(ElementCount);

    public long RowLength => Dimensions.Count == 0 ? 1 : Dimensions[0];

    public long RowCount => RowLength == 0 ? 0 : ElementCount / RowLength;

    public string ShapeText => "[" + string.Join(", ", Dimensions) + "]";
}
