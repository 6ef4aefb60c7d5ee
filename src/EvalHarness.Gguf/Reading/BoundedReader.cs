using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace EvalHarness.Gguf.Reading;

/// <summary>
/// Little-endian reads from a file that never trust a length from the file: every read and every allocation is
/// first checked against the bytes that remain, so a corrupt count or string length becomes a clear error instead
/// of an OutOfMemoryException or a hang.
/// </summary>
internal sealed class BoundedReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _scratch = new byte[8];

    public BoundedReader(string path, Stream stream, long length)
    {
        Path = path;
        _stream = stream;
        Length = length;
    }

    public string Path { get; }

    public long Length { get; }

    public long Position { get; private set; }

    public long Remaining => Length - Position;

    public byte ReadUInt8(string what) => Fill(1, what)[0];
    public sbyte ReadInt8(string what) => (sbyte)Fill(1, what)[0];
    public ushort ReadUInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Fill(2, what));
    public short ReadInt16(string what) => BinaryPrimitives.ReadInt16LittleEndian(Fill(2, what));
    public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Fill(4, what));
    public int ReadInt32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Fill(4, what));
    public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Fill(8, what));
    public long ReadInt64(string what) => BinaryPrimitives.ReadInt64LittleEndian(Fill(8, what));
    public float ReadFloat32(string what) => BinaryPrimitives.ReadSingleLittleEndian(Fill(4, what));
    public double ReadFloat64(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Fill(8, what));
    public bool ReadBool(string what) => Fill(1, what)[0] != 0;

    /// <summary>A uint64 length followed by that many UTF-8 bytes.</summary>
    public string ReadString(string what)
    {
        var at = Position;
        var length = ReadUInt64($"length of {what}");
        if (length > (ulong)Remaining)
        {
            throw Error($"{what} claims {length} bytes but only {Remaining} bytes are left in the file", at, GgufFormatException.CorruptFix);
        }
        if (length > int.MaxValue)
        {
            throw Error($"{what} is {length} bytes long, more than any GGUF reader accepts", at, GgufFormatException.CorruptFix);
        }
        var bytes = new byte[(int)length];
        ReadExactly(bytes, what);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads <paramref name="count"/> fixed-size values in one go (count already checked by the caller).</summary>
    public T[] ReadArray<T>(int count, string what) where T : unmanaged
    {
        var items = new T[count];
        var bytes = MemoryMarshal.AsBytes(items.AsSpan());
        ReadExactly(bytes, what);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("GGUF files are little-endian; big-endian hosts are not supported");
        }
        return items;
    }

    /// <summary>Fails unless <paramref name="count"/> items of at least <paramref name="minBytesEach"/> bytes could still fit.</summary>
    public void RequireRoomFor(ulong count, long minBytesEach, string what, long at)
    {
        if (count > (ulong)(Remaining / minBytesEach))
        {
            throw Error($"{what} is {count}, impossible in a file with {Remaining} bytes left (each needs at least {minBytesEach} bytes)", at, GgufFormatException.CorruptFix);
        }
    }

    public GgufFormatException Error(string problem, long? at, string fix) => new(Path, problem, at, fix);

    public GgufFormatException Truncated(string what, long at) =>
        Error($"the file is truncated: it ends at byte {Length} while reading {what}", at, GgufFormatException.CorruptFix);

    private ReadOnlySpan<byte> Fill(int size, string what)
    {
        var span = _scratch.AsSpan(0, size);
        ReadExactly(span, what);
        return span;
    }

    private void ReadExactly(Span<byte> destination, string what)
    {
        if (destination.Length > Remaining)
        {
            throw Truncated(what, Position);
        }
        var read = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read != destination.Length)
        {
            // The file shrank while we read it, or the stream lied about its length.
            throw Truncated(what, Position + read);
        }
        Position += destination.Length;
    }

    public void Dispose() => _stream.Dispose();
}
