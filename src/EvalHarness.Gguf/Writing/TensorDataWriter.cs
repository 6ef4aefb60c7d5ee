using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Writing;

/// <summary>Produces one tensor's data by writing to the sink it is given, row by row (ne0 values per row).</summary>
public delegate void TensorDataSource(TensorDataWriter data);

/// <summary>
/// The sink a <see cref="TensorDataSource"/> writes into: float rows encoded into the tensor's type, or raw bytes.
/// It checks that exactly the declared amount of data arrives, so a wrong source cannot shift every later tensor.
/// </summary>
public sealed class TensorDataWriter
{
    private readonly Stream _output;
    private readonly byte[] _rowBuffer;
    private long _written;

    internal TensorDataWriter(Stream output, PlannedTensor tensor)
    {
        _output = output;
        Tensor = tensor;
        _rowBuffer = new byte[checked((int)tensor.Type.RowBytes(tensor.RowLength))];
    }

    internal PlannedTensor Tensor { get; }

    public string Name => Tensor.Name;

    public long RowLength => Tensor.RowLength;

    public long RowCount => Tensor.RowCount;

    public GgmlType Type => Tensor.Type.Type;

    /// <summary>Encodes one row of <see cref="RowLength"/> float values into the tensor's type.</summary>
    public void WriteRow(ReadOnlySpan<float> row)
    {
        if (row.Length != RowLength)
        {
            throw new ArgumentException($"tensor '{Name}' rows hold {RowLength} values; got {row.Length}", nameof(row));
        }
        TensorEncoder.EncodeRow(Type, row, _rowBuffer);
        WriteRaw(_rowBuffer);
    }

    /// <summary>Writes already-encoded bytes (any type, including ones this writer cannot encode).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (_written + bytes.Length > Tensor.ByteSize)
        {
            throw new InvalidOperationException($"tensor '{Name}' holds {Tensor.ByteSize} bytes; the source wrote more");
        }
        _output.Write(bytes);
        _written += bytes.Length;
    }

    internal void EnsureComplete()
    {
        if (_written != Tensor.ByteSize)
        {
            throw new InvalidOperationException($"tensor '{Name}' holds {Tensor.ByteSize} bytes; the source wrote {_written}");
        }
    }
}

/// <summary>A tensor declared to the writer: shape, type, where its data goes, and who produces it.</summary>
internal sealed record PlannedTensor(string Name, long[] Dimensions, GgmlTypeInfo Type, TensorDataSource Source)
{
    public long ElementCount => Dimensions.Aggregate(1L, (p, d) => checked(p * d));
    public long RowLength => Dimensions.Length == 0 ? 1 : Dimensions[0];
    public long RowCount => RowLength == 0 ? 0 : ElementCount / RowLength;
    public long ByteSize => Type.TensorBytes(ElementCount);
    public ulong Offset { get; set; }
}
