using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Reading;

/// <summary>
/// Checks where tensor data lies: every tensor aligned, inside the file, not overlapping another, and (for
/// llama.cpp) packed in table order exactly as ggml/src/gguf.cpp expects.
/// </summary>
internal sealed class TensorLayoutValidator(BoundedReader reader, GgufReadOptions options)
{
    public void Validate(IReadOnlyList<GgufTensorInfo> tensors, long dataOffset, int alignment)
    {
        foreach (var tensor in tensors)
        {
            CheckAlignedAndInside(tensor, dataOffset, alignment);
        }
        CheckNoOverlap(tensors, dataOffset);
        if (options.RequireLlamaCppLayout)
        {
            CheckPackedInOrder(tensors, dataOffset, alignment);
        }
    }

    private void CheckAlignedAndInside(GgufTensorInfo tensor, long dataOffset, int alignment)
    {
        if (tensor.Offset % (ulong)alignment != 0)
        {
            throw reader.Error($"tensor '{tensor.Name}' data offset {tensor.Offset} is not a multiple of the alignment {alignment}", null, GgufFormatException.CorruptFix);
        }
        var start = (Int128)dataOffset + tensor.Offset;
        var end = start + tensor.ByteSize;
        if (end > reader.Length)
        {
            throw reader.Error($"tensor '{tensor.Name}' data runs from byte {start} to {end}, past the end of the file ({reader.Length} bytes): the file is truncated",
                null, GgufFormatException.CorruptFix);
        }
    }

    private void CheckNoOverlap(IReadOnlyList<GgufTensorInfo> tensors, long dataOffset)
    {
        var byOffset = tensors.Where(t => t.ByteSize > 0).OrderBy(t => t.Offset).ToList();
        for (var i = 1; i < byOffset.Count; i++)
        {
            var previous = byOffset[i - 1];
            var current = byOffset[i];
            if (previous.Offset + (ulong)previous.ByteSize > current.Offset)
            {
                throw reader.Error($"tensors '{previous.Name}' and '{current.Name}' overlap: '{previous.Name}' ends at data offset {previous.Offset + (ulong)previous.ByteSize} but '{current.Name}' starts at {current.Offset}",
                    dataOffset + (long)current.Offset, GgufFormatException.CorruptFix);
            }
        }
    }

    private void CheckPackedInOrder(IReadOnlyList<GgufTensorInfo> tensors, long dataOffset, int alignment)
    {
        ulong expected = 0;
        foreach (var tensor in tensors)
        {
            if (tensor.Offset != expected)
            {
                throw reader.Error($"tensor '{tensor.Name}' data is at offset {tensor.Offset}, but llama.cpp requires tensors packed in table order, which puts it at {expected}",
                    dataOffset + (long)tensor.Offset, "rewrite the file with a llama.cpp-compatible writer (gguf-py or llama-quantize)");
            }
            expected += (ulong)GgufConstants.AlignUp(tensor.ByteSize, alignment);
        }
    }
}
