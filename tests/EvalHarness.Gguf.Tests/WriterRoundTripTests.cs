using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Reading;
using EvalHarness.Gguf.Writing;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

public class WriterRoundTripTests
{
    internal static GgufMetadata EveryValueType()
    {
        var m = new GgufMetadata();
        m.Add("t.u8", GgufValue.UInt8(200));
        m.Add("t.i8", GgufValue.Int8(-100));
        m.Add("t.u16", GgufValue.UInt16(60000));
        m.Add("t.i16", GgufValue.Int16(-30000));
        m.Add("t.u32", GgufValue.UInt32(4000000000));
        m.Add("t.i32", GgufValue.Int32(-2000000000));
        m.Add("t.f32", GgufValue.Float32(3.25f));
        m.Add("t.bool", GgufValue.Bool(true));
        m.Add("t.str", GgufValue.String("héllo ▁wörld"));
        m.Add("t.u64", GgufValue.UInt64(ulong.MaxValue));
        m.Add("t.i64", GgufValue.Int64(long.MinValue));
        m.Add("t.f64", GgufValue.Float64(-1.0 / 3));
        m.Add("a.u8", GgufValue.Array(GgufValueType.UInt8, new byte[] { 1, 2, 255 }));
        m.Add("a.i8", GgufValue.Array(GgufValueType.Int8, new sbyte[] { -1, 0, 1 }));
        m.Add("a.u16", GgufValue.Array(GgufValueType.UInt16, new ushort[] { 1, 65535 }));
        m.Add("a.i16", GgufValue.Array(GgufValueType.Int16, new short[] { -2, 2 }));
        m.Add("a.u32", GgufValue.Array(GgufValueType.UInt32, new uint[] { 7, uint.MaxValue }));
        m.Add("a.i32", GgufValue.Int32s([-5, 5, 0]));
        m.Add("a.f32", GgufValue.Float32s([0.5f, float.NaN, float.NegativeInfinity]));
        m.Add("a.bool", GgufValue.Array(GgufValueType.Bool, new[] { true, false, true }));
        m.Add("a.str", GgufValue.Strings(["", "a", "▁the", "<0x0A>"]));
        m.Add("a.u64", GgufValue.Array(GgufValueType.UInt64, new ulong[] { 0, ulong.MaxValue }));
        m.Add("a.i64", GgufValue.Array(GgufValueType.Int64, new long[] { long.MinValue, 3 }));
        m.Add("a.f64", GgufValue.Array(GgufValueType.Float64, new[] { 1e300, -0.0 }));
        m.Add("a.empty", GgufValue.Array(GgufValueType.Float32, Array.Empty<float>()));
        return m;
    }

    [Fact]
    public void Every_metadata_type_round_trips()
    {
        using var dir = TestPaths.NewTempDirectory();
        var writer = new GgufWriter();
        foreach (var (key, value) in EveryValueType()) writer.Metadata.Add(key, value);
        writer.AddTensor("w", [32, 2], GgmlType.F32, new float[64]);
        writer.WriteTo(dir.File("m.gguf"));

        var file = GgufReader.Read(dir.File("m.gguf"));

        Assert.Equal(EveryValueType().Keys, file.Metadata.Keys);
        foreach (var (key, value) in EveryValueType())
        {
            Assert.Equal(value, file.Metadata.Get(key));
        }
    }

    [Fact]
    public void Nested_arrays_round_trip_in_specification_mode_and_are_refused_for_llama_cpp()
    {
        using var dir = TestPaths.NewTempDirectory();
        var inner1 = new GgufArray(GgufValueType.Int32, new[] { 1, 2 });
        var inner2 = new GgufArray(GgufValueType.String, new[] { "x" });
        var nested = new GgufArray(GgufValueType.Array, new[] { inner1, inner2 });
        var deeper = new GgufArray(GgufValueType.Array, new[] { nested });
        var writer = new GgufWriter();
        writer.Metadata.Add("nested", GgufValue.Array(deeper));
        writer.WriteTo(dir.File("n.gguf"));

        var file = GgufReader.Read(dir.File("n.gguf"), GgufReadOptions.Specification);
        Assert.Equal(GgufValue.Array(deeper), file.Metadata.Get("nested"));

        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(dir.File("n.gguf")));
        Assert.Contains("array of arrays", error.Message);
    }

    [Fact]
    public void Tensors_of_every_encodable_type_round_trip_with_aligned_offsets()
    {
        using var dir = TestPaths.NewTempDirectory();
        var values = Enumerable.Range(0, 96).Select(i => (i - 40) / 16f).ToArray();
        var writer = new GgufWriter();
        foreach (var type in TensorEncoder.EncodableTypes)
        {
            writer.AddTensor($"t.{type}", [32, 3], type, values);
        }
        writer.AddTensor("odd", [7], GgmlType.F32, new float[] { 1, 2, 3, 4, 5, 6, 7 });
        writer.WriteTo(dir.File("t.gguf"));

        var file = GgufReader.Read(dir.File("t.gguf"));

        Assert.Equal(6, file.Tensors.Count);
        Assert.All(file.Tensors, t => Assert.Equal(0ul, t.Offset % 32));
        Assert.Equal(0, file.DataOffset % 32);
        var f32 = file.FindTensor("t.F32")!;
        Assert.Equal([32L, 3L], f32.Dimensions);
        Assert.Equal(values, TensorDecoder.Decode(f32, file.ReadTensorBytes(f32)));
        Assert.Equal(values, TensorDecoder.Decode(file.FindTensor("t.F16")!, file.ReadTensorBytes(file.FindTensor("t.F16")!)));
        Assert.Equal(values, TensorDecoder.Decode(file.FindTensor("t.BF16")!, file.ReadTensorBytes(file.FindTensor("t.BF16")!)));
        var q8 = TensorDecoder.Decode(file.FindTensor("t.Q8_0")!, file.ReadTensorBytes(file.FindTensor("t.Q8_0")!));
        Assert.All(values.Zip(q8), p => Assert.InRange(p.Second - p.First, -0.02f, 0.02f));
        var q4 = TensorDecoder.Decode(file.FindTensor("t.Q4_0")!, file.ReadTensorBytes(file.FindTensor("t.Q4_0")!));
        Assert.All(values.Zip(q4), p => Assert.InRange(p.Second - p.First, -0.25f, 0.25f));
        Assert.Equal(3 * 18, file.FindTensor("t.Q4_0")!.ByteSize);
    }

    [Fact]
    public void Custom_alignment_is_recorded_and_honoured()
    {
        using var dir = TestPaths.NewTempDirectory();
        var writer = new GgufWriter(alignment: 64);
        writer.AddTensor("a", [3], GgmlType.F32, new float[] { 1, 2, 3 });
        writer.AddTensor("b", [5], GgmlType.F32, new float[] { 1, 2, 3, 4, 5 });
        writer.WriteTo(dir.File("a.gguf"));

        var file = GgufReader.Read(dir.File("a.gguf"));

        Assert.Equal(64, file.Alignment);
        Assert.Equal(64u, (uint)file.Metadata.Get("general.alignment")!.Value);
        Assert.Equal(0, file.DataOffset % 64);
        Assert.Equal(64ul, file.FindTensor("b")!.Offset);
    }

    [Fact]
    public void A_source_that_writes_the_wrong_amount_is_caught()
    {
        var writer = new GgufWriter();
        writer.AddTensor("short", [32, 2], GgmlType.F32, data => data.WriteRow(new float[32]));
        var error = Assert.Throws<InvalidOperationException>(() => writer.WriteTo(new MemoryStream()));
        Assert.Contains("short", error.Message);
    }

    [Fact]
    public void Writer_refuses_rows_that_are_not_whole_quantization_blocks()
    {
        var writer = new GgufWriter();
        Assert.Throws<ArgumentException>(() => writer.AddTensor("q", [33, 2], GgmlType.Q8_0, new float[66]));
    }
}
