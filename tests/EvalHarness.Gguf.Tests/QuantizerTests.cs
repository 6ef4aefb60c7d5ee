using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Writing;

namespace EvalHarness.Gguf.Tests;

/// <summary>
/// Q8_0 and Q4_0 must equal ggml's *_ref quantizers bit for bit. The expected hex below was produced once with
/// gguf-py's quants.quantize (whose Q8_0/Q4_0 are documented bit-exact with ggml-quants.c) for the same inputs;
/// the second block holds exact .5 ties, where roundf (away from zero) differs from banker's rounding.
/// </summary>
public class QuantizerTests
{
    private static float[] KnownInput()
    {
        var b1 = Enumerable.Range(0, 32).Select(j => (j - 13) * 0.37f);
        var b2 = new float[] { 127, 2.5f, -2.5f, 0.5f, -0.5f, 1.5f, -1.5f, 126.5f }.Concat(Enumerable.Range(0, 24).Select(j => j * 0.25f - 4));
        return b1.Concat(b2).Concat(new float[32]).ToArray();
    }

    private const string ExpectedQ8_0 =
        "b62aa4abb2b9c1c8cfd6dde4ebf2f900070e151c232a31383f474e555c636a71787f003c7f03fd01ff02fe7ffcfcfcfdfdfdfdfefefefeffffffff00000001010101020200000000000000000000000000000000000000000000000000000000000000000000";

    private const string ExpectedQ4_0 =
        "a9ba7e6d6d5c5c4c4b4b3a3a292918180807f0cb80888888888888808888888888888888008088888888888888888888888888888888";

    [Fact]
    public void Q8_0_matches_the_reference_bytes()
    {
        var bytes = new byte[3 * Q8_0Quantizer.BlockBytes];
        Q8_0Quantizer.QuantizeRow(KnownInput(), bytes);
        Assert.Equal(ExpectedQ8_0, Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Q4_0_matches_the_reference_bytes()
    {
        var bytes = new byte[3 * Q4_0Quantizer.BlockBytes];
        Q4_0Quantizer.QuantizeRow(KnownInput(), bytes);
        Assert.Equal(ExpectedQ4_0, Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Q8_0_ties_round_away_from_zero_like_roundf()
    {
        var block = new float[32];
        block[0] = 127; // d = 1, so the other values are quantized as they are
        block[1] = 2.5f;
        block[2] = -2.5f;
        block[3] = 0.5f;
        var bytes = new byte[34];
        Q8_0Quantizer.QuantizeRow(block, bytes);
        Assert.Equal(0x3c00, BitConverter.ToUInt16(bytes, 0)); // fp16 1.0
        Assert.Equal([127, 3, -3, 1], bytes[2..6].Select(b => (int)(sbyte)b));
    }

    [Theory]
    [InlineData(GgmlType.Q8_0)]
    [InlineData(GgmlType.Q4_0)]
    [InlineData(GgmlType.F16)]
    [InlineData(GgmlType.BF16)]
    public void Random_rows_match_gguf_py_bit_for_bit(GgmlType type)
    {
        var random = new Random(1234);
        // Normal-ish values, some blocks with huge range, exact zeros and ties, and tiny (subnormal fp16) scales.
        var values = Enumerable.Range(0, 32 * 256).Select(i => (i / 32 % 8) switch
        {
            0 => 0f,
            1 => MathF.Round((float)random.NextDouble() * 20 - 10) / 2,
            2 => (float)(random.NextDouble() - 0.5) * 1e-6f,
            3 => (float)(random.NextDouble() - 0.5) * 6e4f,
            _ => (float)(random.NextDouble() * 2 - 1) * 0.05f,
        }).ToArray();
        var input = Path.Combine(Path.GetTempPath(), $"quant-{Guid.NewGuid():N}.f32");
        File.WriteAllBytes(input, values.SelectMany(BitConverter.GetBytes).ToArray());
        try
        {
            var expectedHex = GgufPy.Run(
                """
                import sys, numpy as np
                from gguf import quants, GGMLQuantizationType as T
                x = np.fromfile(sys.argv[1], dtype=np.float32).reshape(-1, 256)
                print(quants.quantize(x, T[sys.argv[2]]).tobytes().hex())
                """, input, type.ToString()).Trim();
            var info = GgmlTypeInfo.Of(type);
            var ours = new byte[info.TensorBytes(values.Length)];
            var rowBytes = (int)info.RowBytes(256);
            for (var r = 0; r < values.Length / 256; r++)
            {
                TensorEncoder.EncodeRow(type, values.AsSpan(r * 256, 256), ours.AsSpan(r * rowBytes, rowBytes));
            }
            Assert.Equal(expectedHex, Convert.ToHexStringLower(ours));
        }
        finally
        {
            File.Delete(input);
        }
    }
}
