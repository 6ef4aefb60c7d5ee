using System.Buffers.Binary;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Reading;

/// <summary>
/// Turns tensor bytes back into floats for the types our writer produces (F32, F16, BF16, Q8_0, Q4_0), following
/// ggml's <c>dequantize_row_*</c>. Used by tests and diagnostics; the engine never needs it.
/// </summary>
public static class TensorDecoder
{
    public static float[] Decode(GgufTensorInfo tensor, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != tensor.ByteSize) throw new ArgumentException($"tensor '{tensor.Name}' has {tensor.ByteSize} bytes; got {bytes.Length}", nameof(bytes));
        var result = new float[tensor.ElementCount];
        switch (tensor.Type)
        {
            case GgmlType.F32:
                for (var i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                break;
            case GgmlType.F16:
                for (var i = 0; i < result.Length; i++) result[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]);
                break;
            case GgmlType.BF16:
                for (var i = 0; i < result.Length; i++) result[i] = BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) << 16);
                break;
            case GgmlType.Q8_0:
                DecodeQ8_0(bytes, result);
                break;
            case GgmlType.Q4_0:
                DecodeQ4_0(bytes, result);
                break;
            default:
                throw new NotSupportedException($"decoding {tensor.Type} is not implemented");
        }
        return result;
    }

    private static void DecodeQ8_0(ReadOnlySpan<byte> bytes, float[] result)
    {
        for (var b = 0; b < result.Length / 32; b++)
        {
            var block = bytes.Slice(b * 34, 34);
            var d = (float)BinaryPrimitives.ReadHalfLittleEndian(block);
            for (var j = 0; j < 32; j++) result[b * 32 + j] = (sbyte)block[2 + j] * d;
        }
    }

    private static void DecodeQ4_0(ReadOnlySpan<byte> bytes, float[] result)
    {
        for (var b = 0; b < result.Length / 32; b++)
        {
            var block = bytes.Slice(b * 18, 18);
            var d = (float)BinaryPrimitives.ReadHalfLittleEndian(block);
            for (var j = 0; j < 16; j++)
            {
                result[b * 32 + j] = ((block[2 + j] & 0x0F) - 8) * d;
                result[b * 32 + j + 16] = ((block[2 + j] >> 4) - 8) * d;
            }
        }
    }
}
