using System.Text;
using EvalHarness.Gguf.Format;

namespace EvalHarness.Gguf.Writing;

/// <summary>
/// Writes GGUF version 3 files the way gguf-py does: header, metadata, tensor table, padding to the alignment,
/// then each tensor's data padded to the alignment. Tensors are declared first with a data source that is called
/// only while the file is written, so a multi-gigabyte model streams to disk without being held in memory.
/// </summary>
public sealed class GgufWriter
{
    private readonly List<PlannedTensor> _tensors = [];
    private readonly HashSet<string> _tensorNames = new(StringComparer.Ordinal);

    public GgufWriter(int alignment = GgufConstants.DefaultAlignment)
    {
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0) throw new ArgumentException("alignment must be a power of two", nameof(alignment));
        Alignment = alignment;
        if (alignment != GgufConstants.DefaultAlignment)
        {
            Metadata.Add(GgufConstants.AlignmentKey, GgufValue.UInt32((uint)alignment));
        }
    }

    public int Alignment { get; }

    /// <summary>The key/value pairs to write, in order. Add to it directly.</summary>
    public GgufMetadata Metadata { get; } = new();

    public int TensorCount => _tensors.Count;

    /// <summary>Declares a tensor; <paramref name="source"/> writes its data when <see cref="WriteTo(Stream)"/> runs.</summary>
    public void AddTensor(string name, IReadOnlyList<long> dimensions, GgmlType type, TensorDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Encoding.UTF8.GetByteCount(name) >= GgufConstants.MaxTensorNameBytes) throw new ArgumentException($"tensor name '{name}' is too long for ggml", nameof(name));
        if (dimensions.Count is 0 or > GgufConstants.MaxDimensions) throw new ArgumentException("a tensor has 1 to 4 dimensions", nameof(dimensions));
        if (dimensions.Any(d => d < 0)) throw new ArgumentException("dimensions cannot be negative", nameof(dimensions));
        var info = GgmlTypeInfo.Of(type);
        if (dimensions[0] % info.BlockSize != 0) throw new ArgumentException($"{info.Name} needs rows that are a multiple of {info.BlockSize}; '{name}' has {dimensions[0]}", nameof(dimensions));
        if (!_tensorNames.Add(name)) throw new ArgumentException($"tensor '{name}' is already declared", nameof(name));
        _tensors.Add(new PlannedTensor(name, dimensions.ToArray(), info, source));
    }

    /// <summary>Declares a tensor from a flat float array in ggml order (row-major, ne0 values per row).</summary>
    public void AddTensor(string name, IReadOnlyList<long> dimensions, GgmlType type, float[] values)
    {
        var expected = dimensions.Aggregate(1L, (p, d) => p * d);
        if (values.Length != expected) throw new ArgumentException($"tensor '{name}' has {expected} elements; got {values.Length} values", nameof(values));
        AddTensor(name, dimensions, type, data =>
        {
            for (long r = 0; r < data.RowCount; r++) data.WriteRow(values.AsSpan((int)(r * data.RowLength), (int)data.RowLength));
        });
    }

    public void WriteTo(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        WriteTo(stream);
    }

    public void WriteTo(Stream output)
    {
        AssignOffsets();
        var start = output.CanSeek ? output.Position : 0;
        var header = new GgufHeaderWriter(output);
        header.WriteHeader(_tensors.Count, Metadata);
        foreach (var tensor in _tensors) header.WriteTensorInfo(tensor);
        long written = header.BytesWritten;
        written += WritePadding(output, written);
        foreach (var tensor in _tensors)
        {
            var data = new TensorDataWriter(output, tensor);
            tensor.Source(data);
            data.EnsureComplete();
            written += tensor.ByteSize;
            written += WritePadding(output, written);
        }
        output.Flush();
        if (output.CanSeek && output.Position - start != written) throw new InvalidOperationException("GGUF writer lost track of its position");
    }

    private void AssignOffsets()
    {
        ulong offset = 0;
        foreach (var tensor in _tensors)
        {
            tensor.Offset = offset;
            offset += (ulong)GgufConstants.AlignUp(tensor.ByteSize, Alignment);
        }
    }

    private int WritePadding(Stream output, long position)
    {
        var padding = (int)(GgufConstants.AlignUp(position, Alignment) - position);
        Span<byte> zeros = stackalloc byte[padding];
        zeros.Clear();
        output.Write(zeros);
        return padding;
    }
}
