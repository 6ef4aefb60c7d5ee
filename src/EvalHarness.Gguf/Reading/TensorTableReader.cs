using System.Text;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Reading;

/// <summary>Reads and checks the tensor table: names, shapes, types and offsets (each entry on its own).</summary>
internal sealed class TensorTableReader(BoundedReader reader)
{
    // Smallest possible entry: 8-byte name length, 4-byte dimension count, 4-byte type, 8-byte offset.
    private const int MinEntryBytes = 24;

    public List<GgufTensorInfo> Read(ulong tensorCount, long countOffset)
    {
        reader.RequireRoomFor(tensorCount, MinEntryBytes, "the tensor count", countOffset);
        var tensors = new List<GgufTensorInfo>((int)tensorCount);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (ulong i = 0; i < tensorCount; i++)
        {
            var entryAt = reader.Position;
            var name = reader.ReadString($"name of tensor #{i}");
            if (Encoding.UTF8.GetByteCount(name) >= GgufConstants.MaxTensorNameBytes)
            {
                throw reader.Error($"tensor #{i} name '{name}' is {Encoding.UTF8.GetByteCount(name)} bytes; llama.cpp allows at most {GgufConstants.MaxTensorNameBytes - 1}",
                    entryAt, "rename the tensor (the file was not written by a llama.cpp-compatible converter)");
            }
            if (!names.Add(name))
            {
                throw reader.Error($"tensor name '{name}' appears twice in the tensor table", entryAt, GgufFormatException.CorruptFix);
            }
            var dimensions = ReadDimensions(name);
            var type = ReadType(name);
            CheckShape(name, dimensions, type, entryAt);
            var offset = reader.ReadUInt64($"data offset of tensor '{name}'");
            tensors.Add(new GgufTensorInfo(name, dimensions, type.Type, offset));
        }
        return tensors;
    }

    private long[] ReadDimensions(string name)
    {
        var at = reader.Position;
        var count = reader.ReadUInt32($"dimension count of tensor '{name}'");
        if (count > GgufConstants.MaxDimensions)
        {
            throw reader.Error($"tensor '{name}' has {count} dimensions; ggml allows at most {GgufConstants.MaxDimensions}", at, GgufFormatException.CorruptFix);
        }
        var dimensions = new long[count];
        for (var d = 0; d < count; d++)
        {
            var dimAt = reader.Position;
            dimensions[d] = reader.ReadInt64($"dimension {d} of tensor '{name}'");
            if (dimensions[d] < 0)
            {
                throw reader.Error($"tensor '{name}' dimension {d} is negative ({dimensions[d]})", dimAt, GgufFormatException.CorruptFix);
            }
        }
        return dimensions;
    }

    private GgmlTypeInfo ReadType(string name)
    {
        var at = reader.Position;
        var raw = reader.ReadUInt32($"type of tensor '{name}'");
        if (!GgmlTypeInfo.TryGet(raw, out var info))
        {
            throw reader.Error($"tensor '{name}' has ggml type {raw}, which llama.cpp v0.5.0 does not know (removed or newer type)", at,
                "re-quantize the model to a current type (Q4_K_M, Q8_0, F16...) with llama-quantize of a matching llama.cpp release");
        }
        return info;
    }

    /// <summary>Element count must not overflow, whole blocks per row, and the data must fit in the file at all.</summary>
    private void CheckShape(string name, long[] dimensions, GgmlTypeInfo type, long at)
    {
        var shape = "[" + string.Join(", ", dimensions) + "]";
        Int128 elements = 1;
        foreach (var d in dimensions)
        {
            // Checked after every step: four dimensions of up to 2^63 would overflow even Int128.
            elements *= d;
            if (elements >= long.MaxValue)
            {
                throw reader.Error($"tensor '{name}' with shape {shape} has more elements than ggml can index", at, GgufFormatException.CorruptFix);
            }
        }
        var rowLength = dimensions.Length == 0 ? 1 : dimensions[0];
        if (rowLength % type.BlockSize != 0)
        {
            throw reader.Error($"tensor '{name}' of type {type.Name} has rows of {rowLength} elements, not a multiple of its block size {type.BlockSize}", at, GgufFormatException.CorruptFix);
        }
        var bytes = elements / type.BlockSize * type.BytesPerBlock;
        if (bytes > reader.Length)
        {
            throw reader.Error($"tensor '{name}' with shape {shape} would need {bytes} bytes, more than the whole file ({reader.Length} bytes)", at, GgufFormatException.CorruptFix);
        }
    }
}
