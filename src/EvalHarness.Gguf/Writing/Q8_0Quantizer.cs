using System.Buffers.Binary;

namespace EvalHarness.Gguf.Writing;

/// <summary>
/// Q8_0, bit-exact with ggml's <c>quantize_row_q8_0_ref</c> (ggml/src/ggml-quants.c): per block of 32 values,
/// d = max|x| / 127 (stored as fp16, round-to-nearest-even), q = roundf(x * (1/d)) as int8 (ties away from zero).
/// Block layout: fp16 d, then 32 int8 (34 bytes).
/// </summary>
public static class Q8_0Quantizer
{
    public const int BlockSize = 32;
    public const int BlockBytes = 34;

    public static void QuantizeRow(ReadOnlySpan<float> row, Span<byte> destination)
    {
        if (row.Length % BlockSize != 0) throw new ArgumentException($"Q8_0 rows must be a multiple of {BlockSize} values", nameof(row));
        if (destination.Length < row.Length / BlockSize * BlockBytes) throw new ArgumentException("destination too small", nameof(destination));
        for (var b = 0; b < row.Length / BlockSize; b++)
        {
            QuantizeBlock(row.Slice(b * BlockSize, BlockSize), destination.Slice(b * BlockBytes, BlockBytes));
        }
    }

    private static void QuantizeBlock(ReadOnlySpan<float> x, Span<byte> block)
    {
        var amax = 0.0f;
        foreach (var v in x) amax = MathF.Max(amax, MathF.Abs(v));
        // Same float operations in the same order as the C reference: one division, one reciprocal, one multiply.
        var d = amax / 127;
        var id = d != 0 ? 1.0f / d : 0.0f;
        BinaryPrimitives.WriteUInt16LittleEndian(block, BitConverter.HalfToUInt16Bits((Half)d));
        for (var j = 0; j < BlockSize; j++)
        {
            var scaled = x[j] * id;
            block[2 + j] = (byte)(sbyte)MathF.Round(scaled, MidpointRounding.AwayFromZero);
        }
    }
}
