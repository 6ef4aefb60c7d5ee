using System.Text;

namespace EvalHarness.Gguf.Tests;

/// <summary>
/// Builds GGUF bytes field by field with nothing checked, so tests can produce exactly the malformed file they need
/// (wrong counts, overlapping offsets, unknown types...). The production writer refuses to write such files.
/// </summary>
internal sealed class RawGgufBuilder
{
    private readonly MemoryStream _bytes = new();

    public long Position => _bytes.Length;

    public RawGgufBuilder Magic(string magic = "GGUF") => Bytes(Encoding.ASCII.GetBytes(magic));
    public RawGgufBuilder U8(byte v) => Bytes([v]);
    public RawGgufBuilder U32(uint v) => Bytes(BitConverter.GetBytes(v));
    public RawGgufBuilder I32(int v) => Bytes(BitConverter.GetBytes(v));
    public RawGgufBuilder U64(ulong v) => Bytes(BitConverter.GetBytes(v));
    public RawGgufBuilder I64(long v) => Bytes(BitConverter.GetBytes(v));
    public RawGgufBuilder F32(float v) => Bytes(BitConverter.GetBytes(v));

    public RawGgufBuilder Str(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return U64((ulong)bytes.Length).Bytes(bytes);
    }

    public RawGgufBuilder Header(ulong tensors, ulong kvs, uint version = 3) => Magic().U32(version).U64(tensors).U64(kvs);

    /// <summary>A uint32 key/value pair.</summary>
    public RawGgufBuilder KvU32(string key, uint value) => Str(key).U32(4).U32(value);

    public RawGgufBuilder KvString(string key, string value) => Str(key).U32(8).Str(value);

    public RawGgufBuilder Tensor(string name, long[] dims, uint type, ulong offset)
    {
        Str(name).U32((uint)dims.Length);
        foreach (var d in dims) I64(d);
        return U32(type).U64(offset);
    }

    public RawGgufBuilder PadTo(int alignment)
    {
        while (_bytes.Length % alignment != 0) _bytes.WriteByte(0);
        return this;
    }

    public RawGgufBuilder Zeros(int count) => Bytes(new byte[count]);

    public RawGgufBuilder Bytes(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, ToArray());
        return path;
    }
}
