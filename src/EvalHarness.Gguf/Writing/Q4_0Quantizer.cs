using System.Buffers.Binary;

namespace EvalHarness.Gguf.Writing;

/// <summary>
/// Q4_0, bit-exact with ggml's <c>quantize_row_q4_0_ref</c> (ggml/src/ggml-quants.c): per block of 32 values,
/// take the value with the largest magnitude (first one on ties) as max, d = max / -8 (stored as fp16),
/// q = min(15, (int8)(x * (1/d) + 8.5)). Byte j holds element j in its low nibble and element j+16 in its high
/// nibble. Block layout: fp16 d, then 16 bytes (18 bytes).
/// </summary>
public static class Q4_0Quantizer
{
    public const int BlockSize = 32;
    public const int BlockBytes = 18;

    public static void QuantizeRow(ReadOnlySpan<float> row, Span<byte> destination)
    {
        if (row.Length % BlockSize != 0) throw new ArgumentException($"Q4_0 rows must be a multiple of {BlockSize} values", nameof(row));
        if (destination.Length < row.Length / BlockSize * BlockBytes) throw new ArgumentException("destination too small", nameof(destination));
        for (var b = 0; b < row.Length / BlockSize; b++)
        {
            QuantizeBlock(row.Slice(b * BlockSize, BlockSize), destination.Slice(b * BlockBytes, BlockBytes));
        }
    }

    private static void QuantizeBlock(ReadOnlySpan<float> x, Span<byte> block)
    {
        var amax = 0.0f;
        var max = 0.0f;
        foreach (var v in x)
        {
            if (amax < MathF.Abs(v))
            {
                amax = MathF.Abs(v);
                max = v;
            }
        }
        var d = max / -8;
        var id = d != 0 ? 1.0f / d : 0.0f;
        BinaryPrimitives.WriteUInt16LittleEndian(block, BitConverter.HalfToUInt16Bits((Half)d));
        for (var j = 0; j < BlockSize / 2; j++)
        {
            var x0 = x[j] * id;
            var x1 = x[BlockSize / 2 + j] * id;
            // C casts to int8_t, which truncates toward zero; the sums are in [0, 16.5] so int truncation is the same.
            var q0 = Math.Min(15, (int)(x0 + 8.5f));
            var q1 = Math.Min(15, (int)(x1 + 8.5f));
            block[2 + j] = (byte)(q0 | (q1 << 4));
        }
    }
}
