using System.Buffers.Binary;
using System.Text;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Writing;

/// <summary>Serialises the header, metadata values and tensor table entries (little-endian, GGUF v3).</summary>
internal sealed class GgufHeaderWriter(Stream output)
{
    private readonly byte[] _scratch = new byte[8];

    public long BytesWritten { get; private set; }

    public void WriteHeader(int tensorCount, GgufMetadata metadata)
    {
        UInt32(GgufConstants.Magic);
        UInt32(GgufConstants.NewestVersion);
        UInt64((ulong)tensorCount);
        UInt64((ulong)metadata.Count);
        foreach (var (key, value) in metadata)
        {
            String(key);
            UInt32((uint)value.Type);
            if (value.Type == GgufValueType.Array) Array(value.AsArray());
            else Scalar(value.Type, value.Value);
        }
    }

    public void WriteTensorInfo(PlannedTensor tensor)
    {
        String(tensor.Name);
        UInt32((uint)tensor.Dimensions.Length);
        foreach (var d in tensor.Dimensions) UInt64((ulong)d);
        UInt32((uint)tensor.Type.Type);
        UInt64(tensor.Offset);
    }

    private void Array(GgufArray array)
    {
        UInt32((uint)array.ElementType);
        UInt64((ulong)array.Count);
        foreach (var item in array.Items)
        {
            if (array.ElementType == GgufValueType.Array) Array((GgufArray)item);
            else Scalar(array.ElementType, item);
        }
    }

    private void Scalar(GgufValueType type, object value)
    {
        switch (type)
        {
            case GgufValueType.UInt8: Raw([(byte)value]); break;
            case GgufValueType.Int8: Raw([(byte)(sbyte)value]); break;
            case GgufValueType.Bool: Raw([(bool)value ? (byte)1 : (byte)0]); break;
            case GgufValueType.UInt16: BinaryPrimitives.WriteUInt16LittleEndian(_scratch, (ushort)value); Raw(_scratch.AsSpan(0, 2)); break;
            case GgufValueType.Int16: BinaryPrimitives.WriteInt16LittleEndian(_scratch, (short)value); Raw(_scratch.AsSpan(0, 2)); break;
            case GgufValueType.UInt32: UInt32((uint)value); break;
            case GgufValueType.Int32: BinaryPrimitives.WriteInt32LittleEndian(_scratch, (int)value); Raw(_scratch.AsSpan(0, 4)); break;
            case GgufValueType.Float32: BinaryPrimitives.WriteSingleLittleEndian(_scratch, (float)value); Raw(_scratch.AsSpan(0, 4)); break;
            case GgufValueType.UInt64: UInt64((ulong)value); break;
            case GgufValueType.Int64: BinaryPrimitives.WriteInt64LittleEndian(_scratch, (long)value); Raw(_scratch.AsSpan(0, 8)); break;
            case GgufValueType.Float64: BinaryPrimitives.WriteDoubleLittleEndian(_scratch, (double)value); Raw(_scratch.AsSpan(0, 8)); break;
            case GgufValueType.String: String((string)value); break;
            default: throw new InvalidOperationException($"not a scalar type: {type}");
        }
    }

    private void String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        UInt64((ulong)bytes.Length);
        Raw(bytes);
    }

    private void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_scratch, value);
        Raw(_scratch.AsSpan(0, 4));
    }

    private void UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_scratch, value);
        Raw(_scratch.AsSpan(0, 8));
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        BytesWritten += bytes.Length;
    }
}
