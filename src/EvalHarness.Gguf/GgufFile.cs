namespace EvalHarness.Gguf;

/// <summary>
/// A parsed and validated GGUF file: header, metadata and tensor table. Tensor data stays on disk; use
/// <see cref="DataOffset"/> + <see cref="GgufTensorInfo.Offset"/> to find a tensor's bytes.
/// </summary>
public sealed class GgufFile
{
    public GgufFile(string path, uint version, GgufMetadata metadata, IReadOnlyList<GgufTensorInfo> tensors, int alignment, long dataOffset, long fileSize)
    {
        Path = path;
        Version = version;
        Metadata = metadata;
        Tensors = tensors;
        Alignment = alignment;
        DataOffset = dataOffset;
        FileSize = fileSize;
    }

    public string Path { get; }

    public uint Version { get; }

    public GgufMetadata Metadata { get; }

    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    public int Alignment { get; }

    /// <summary>Absolute file offset where the data section (and the first tensor) starts.</summary>
    public long DataOffset { get; }

    public long FileSize { get; }

    public GgufTensorInfo? FindTensor(string name) => Tensors.FirstOrDefault(t => t.Name == name);

    /// <summary>Absolute file offset of a tensor's first byte.</summary>
    public long AbsoluteOffset(GgufTensorInfo tensor) => DataOffset + (long)tensor.Offset;

    /// <summary>Reads one tensor's raw bytes (tests and small tensors; the engine maps files itself).</summary>
    public byte[] ReadTensorBytes(GgufTensorInfo tensor)
    {
        var bytes = new byte[tensor.ByteSize];
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.Seek(AbsoluteOffset(tensor), SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        return bytes;
    }
}
