using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Reading;

/// <summary>Reads and validates the key/value section that follows the GGUF header.</summary>
internal sealed class MetadataSectionReader(BoundedReader reader, GgufReadOptions options)
{
    // Smallest possible pair: 8-byte key length, a 1-byte key, a 4-byte type, a 1-byte value.
    private const int MinPairBytes = 14;
    // Smallest array element of each kind: strings carry an 8-byte length, nested arrays a type and a count.
    private const int MinStringBytes = 8;
    private const int MinNestedArrayBytes = 12;

    public GgufMetadata Read(ulong pairCount, long countOffset)
    {
        reader.RequireRoomFor(pairCount, MinPairBytes, "the metadata key count", countOffset);
        var metadata = new GgufMetadata();
        for (ulong i = 0; i < pairCount; i++)
        {
            var keyAt = reader.Position;
            var key = reader.ReadString($"metadata key #{i}");
            if (key.Length == 0)
            {
                throw reader.Error($"metadata key #{i} is empty", keyAt, GgufFormatException.CorruptFix);
            }
            if (metadata.ContainsKey(key))
            {
                throw reader.Error($"metadata key '{key}' appears twice", keyAt, "the file was written by a faulty tool: re-convert it with a current llama.cpp convert script");
            }
            var value = ReadValue(key, nesting: 0);
            metadata.Add(key, value);
        }
        ValidateAlignment(metadata);
        return metadata;
    }

    private GgufValue ReadValue(string key, int nesting)
    {
        var typeAt = reader.Position;
        var type = ReadType($"type of '{key}'", key, typeAt);
        return type == GgufValueType.Array
            ? GgufValue.Array(ReadArrayBody(key, nesting))
            : ReadScalar(type, key);
    }

    private GgufValueType ReadType(string what, string key, long at)
    {
        var raw = reader.ReadUInt32(what);
        if (!GgufConstants.IsKnown(raw))
        {
            throw reader.Error($"metadata key '{key}' has unknown value type {raw} (known types are 0..12)", at,
                "the file is corrupt or was written by a newer GGUF version: re-download or re-convert it");
        }
        return (GgufValueType)raw;
    }

    private GgufValue ReadScalar(GgufValueType type, string key) => type switch
    {
        GgufValueType.UInt8 => GgufValue.UInt8(reader.ReadUInt8(key)),
        GgufValueType.Int8 => GgufValue.Int8(reader.ReadInt8(key)),
        GgufValueType.UInt16 => GgufValue.UInt16(reader.ReadUInt16(key)),
        GgufValueType.Int16 => GgufValue.Int16(reader.ReadInt16(key)),
        GgufValueType.UInt32 => GgufValue.UInt32(reader.ReadUInt32(key)),
        GgufValueType.Int32 => GgufValue.Int32(reader.ReadInt32(key)),
        GgufValueType.Float32 => GgufValue.Float32(reader.ReadFloat32(key)),
        GgufValueType.Bool => GgufValue.Bool(reader.ReadBool(key)),
        GgufValueType.String => GgufValue.String(reader.ReadString($"value of '{key}'")),
        GgufValueType.UInt64 => GgufValue.UInt64(reader.ReadUInt64(key)),
        GgufValueType.Int64 => GgufValue.Int64(reader.ReadInt64(key)),
        GgufValueType.Float64 => GgufValue.Float64(reader.ReadFloat64(key)),
        _ => throw new InvalidOperationException($"not a scalar type: {type}"),
    };

    private GgufArray ReadArrayBody(string key, int nesting)
    {
        var typeAt = reader.Position;
        var elementType = ReadType($"element type of '{key}'", key, typeAt);
        if (elementType == GgufValueType.Array)
        {
            if (options.RequireLlamaCppLayout)
            {
                throw reader.Error($"metadata key '{key}' is an array of arrays, which llama.cpp cannot load", typeAt,
                    "remove or flatten that key (gguf-py's gguf_new_metadata.py can rewrite metadata)");
            }
            if (nesting + 1 >= options.MaxArrayNesting)
            {
                throw reader.Error($"metadata key '{key}' nests arrays more than {options.MaxArrayNesting} levels deep", typeAt, GgufFormatException.CorruptFix);
            }
        }
        var countAt = reader.Position;
        var count = reader.ReadUInt64($"element count of '{key}'");
        var minBytes = elementType switch
        {
            GgufValueType.String => MinStringBytes,
            GgufValueType.Array => MinNestedArrayBytes,
            _ => GgufConstants.ScalarSize(elementType),
        };
        reader.RequireRoomFor(count, minBytes, $"the element count of '{key}'", countAt);
        return ReadElements(key, elementType, (int)count, nesting);
    }

    private GgufArray ReadElements(string key, GgufValueType elementType, int count, int nesting)
    {
        Array items = elementType switch
        {
            GgufValueType.UInt8 => reader.ReadArray<byte>(count, key),
            GgufValueType.Int8 => reader.ReadArray<sbyte>(count, key),
            GgufValueType.UInt16 => reader.ReadArray<ushort>(count, key),
            GgufValueType.Int16 => reader.ReadArray<short>(count, key),
            GgufValueType.UInt32 => reader.ReadArray<uint>(count, key),
            GgufValueType.Int32 => reader.ReadArray<int>(count, key),
            GgufValueType.Float32 => reader.ReadArray<float>(count, key),
            GgufValueType.Bool => reader.ReadArray<byte>(count, key).Select(b => b != 0).ToArray(),
            GgufValueType.UInt64 => reader.ReadArray<ulong>(count, key),
            GgufValueType.Int64 => reader.ReadArray<long>(count, key),
            GgufValueType.Float64 => reader.ReadArray<double>(count, key),
            GgufValueType.String => ReadStrings(key, count),
            GgufValueType.Array => ReadNestedArrays(key, count, nesting),
            _ => throw new InvalidOperationException($"unhandled element type {elementType}"),
        };
        return new GgufArray(elementType, items);
    }

    private string[] ReadStrings(string key, int count)
    {
        var items = new string[count];
        for (var i = 0; i < count; i++) items[i] = reader.ReadString($"element {i} of '{key}'");
        return items;
    }

    private GgufArray[] ReadNestedArrays(string key, int count, int nesting)
    {
        var items = new GgufArray[count];
        for (var i = 0; i < count; i++) items[i] = ReadArrayBody($"{key}[{i}]", nesting + 1);
        return items;
    }

    private void ValidateAlignment(GgufMetadata metadata)
    {
        if (!metadata.TryGetValue(GgufConstants.AlignmentKey, out var value)) return;
        const string fix = "set general.alignment to a power of two stored as uint32 (32 is the default), or remove it";
        if (value.Type != GgufValueType.UInt32)
        {
            throw reader.Error($"{GgufConstants.AlignmentKey} is stored as {value.Type}; GGUF requires uint32", null, fix);
        }
        var alignment = (uint)value.Value;
        if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment > (1u << 30))
        {
            throw reader.Error($"{GgufConstants.AlignmentKey} is {alignment}, not a power of two", null, fix);
        }
    }
}
