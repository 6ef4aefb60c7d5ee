using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Tests;

public class GgmlTypeTableTests
{
    [Theory]
    [InlineData(GgmlType.F32, 1, 4)]
    [InlineData(GgmlType.BF16, 1, 2)]
    [InlineData(GgmlType.Q4_0, 32, 18)]
    [InlineData(GgmlType.Q8_0, 32, 34)]
    [InlineData(GgmlType.Q4_K, 256, 144)]
    [InlineData(GgmlType.Q6_K, 256, 210)]
    [InlineData(GgmlType.IQ2_XXS, 256, 66)]
    [InlineData(GgmlType.IQ4_XS, 256, 136)]
    [InlineData(GgmlType.TQ1_0, 256, 54)]
    [InlineData(GgmlType.MXFP4, 32, 17)]
    [InlineData(GgmlType.NVFP4, 64, 36)]
    [InlineData(GgmlType.Q1_0, 128, 18)]
    public void Block_sizes_match_ggml(GgmlType type, int blockSize, int bytesPerBlock)
    {
        var info = GgmlTypeInfo.Of(type);
        Assert.Equal(blockSize, info.BlockSize);
        Assert.Equal(bytesPerBlock, info.BytesPerBlock);
    }

    [Fact]
    public void Tensor_bytes_for_a_Q4_K_matrix()
    {
        // A 4096 x 4096 Q4_K matrix: 65536 blocks of 256 weights, 144 bytes each = 4.5 bits per weight.
        Assert.Equal(65536L * 144, GgmlTypeInfo.Of(GgmlType.Q4_K).TensorBytes(4096L * 4096));
        Assert.Throws<ArgumentException>(() => GgmlTypeInfo.Of(GgmlType.Q4_K).RowBytes(4000));
    }

    [Fact]
    public void Removed_type_numbers_are_unknown()
    {
        foreach (var removed in new uint[] { 4, 5, 31, 32, 33, 36, 37, 38, 43 }) Assert.False(GgmlTypeInfo.TryGet(removed, out _));
        Assert.Equal(35, GgmlTypeInfo.All.Count);
    }

    [Fact]
    public void Whole_table_matches_gguf_py_GGML_QUANT_SIZES()
    {
        var output = GgufPy.Run(
            """
            from gguf.constants import GGML_QUANT_SIZES
            for t, (block, size) in GGML_QUANT_SIZES.items():
                print(int(t), t.name, block, size)
            """);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(GgmlTypeInfo.All.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(GgmlTypeInfo.TryGet(uint.Parse(row[0]), out var info), $"type {row[1]} ({row[0]}) missing");
            Assert.Equal((row[1], int.Parse(row[2]), int.Parse(row[3])), (info.Name, info.BlockSize, info.BytesPerBlock));
        }
    }
}
