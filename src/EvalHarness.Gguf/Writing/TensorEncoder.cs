using System.Buffers.Binary;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Writing;

/// <summary>Turns rows of float32 values into the bytes of a ggml tensor type.</summary>
public static class TensorEncoder
{
    /// <summary>The types this writer can produce from float data.</summary>
    public static IReadOnlyList<GgmlType> EncodableTypes { get; } = [GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0];

    public static bool CanEncode(GgmlType type) => EncodableTypes.Contains(type);

    public static void EncodeRow(GgmlType type, ReadOnlySpan<float> row, Span<byte> destination)
    {
        switch (type)
        {
            case GgmlType.F32:
                for (var i = 0; i < row.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(destination[(i * 4)..], row[i]);
                break;
            case GgmlType.F16:
                // (Half) conversion rounds to nearest even, like ggml's GGML_FP32_TO_FP16 and numpy's astype(float16).
                for (var i = 0; i < row.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(destination[(i * 2)..], BitConverter.HalfToUInt16Bits((Half)row[i]));
                break;
            case GgmlType.BF16:
                for (var i = 0; i < row.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(destination[(i * 2)..], ToBFloat16(row[i]));
                break;
            case GgmlType.Q8_0:
                Q8_0Quantizer.QuantizeRow(row, destination);
                break;
            case GgmlType.Q4_0:
                Q4_0Quantizer.QuantizeRow(row, destination);
                break;
            default:
                throw new NotSupportedException($"cannot encode float data as {type}; supported: {string.Join(", ", EncodableTypes)}");
        }
    }

    /// <summary>ggml's <c>ggml_compute_fp32_to_bf16</c>: round to nearest even, NaN kept quiet.</summary>
    public static ushort ToBFloat16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if ((bits & 0x7fffffff) > 0x7f800000) return (ushort)((bits >> 16) | 64);
        return (ushort)((bits + (0x7fff + ((bits >> 16) & 1))) >> 16);
    }
}
