using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Reading;
using EvalHarness.Gguf.Writing;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

/// <summary>Every way a file can be bad ends in one GgufFormatException (a UserInputException) naming the problem.</summary>
public sealed class MalformedFileTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    private GgufFormatException Rejects(byte[] bytes, params string[] expectedFragments)
    {
        var path = _dir.File($"bad-{Guid.NewGuid():N}.gguf");
        File.WriteAllBytes(path, bytes);
        return Rejects(path, expectedFragments);
    }

    private static GgufFormatException Rejects(string path, params string[] expectedFragments)
    {
        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path));
        Assert.IsAssignableFrom<UserInputException>(error);
        Assert.Contains(Path.GetFileName(path), error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        foreach (var fragment in expectedFragments) Assert.Contains(fragment, error.Message);
        return error;
    }

    private byte[] SmallValidFile()
    {
        var writer = new GgufWriter();
        writer.Metadata.Add("general.architecture", GgufValue.String("llama"));
        writer.Metadata.Add("tokenizer.ggml.tokens", GgufValue.Strings(["<unk>", "<s>", "</s>", "▁a"]));
        writer.Metadata.Add("x.scores", GgufValue.Float32s([0, -1, -2, -3]));
        writer.AddTensor("a", [32, 2], GgmlType.F32, Enumerable.Range(0, 64).Select(i => (float)i).ToArray());
        writer.AddTensor("b", [64], GgmlType.Q8_0, Enumerable.Range(0, 64).Select(i => i / 7f).ToArray());
        var stream = new MemoryStream();
        writer.WriteTo(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Missing_file_directory_and_empty_file()
    {
        Rejects(_dir.File("absent.gguf"), "does not exist");
        Directory.CreateDirectory(_dir.File("folder.gguf"));
        Rejects(_dir.File("folder.gguf"), "directory");
        Rejects([], "empty");
    }

    [Fact]
    public void Wrong_magic_and_random_bytes()
    {
        var bytes = SmallValidFile();
        bytes[0] = (byte)'X';
        Rejects(bytes, "not a GGUF file", "XGUF").ByteOffset.Equals(0L);
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        Rejects(random, "not a GGUF file");
        Rejects("GG"u8.ToArray(), "not a GGUF file");
    }

    [Theory]
    [InlineData(1u, "version 1 is no longer supported")]
    [InlineData(0u, "version 0 is not supported")]
    [InlineData(4u, "version 4 is not supported")]
    [InlineData(0x03000000u, "big-endian")]
    public void Unsupported_versions(uint version, string expected)
    {
        var bytes = new RawGgufBuilder().Header(0, 0, version).ToArray();
        Rejects(bytes, expected);
    }

    [Fact]
    public void Version_2_is_read()
    {
        var path = new RawGgufBuilder().Header(0, 1, version: 2).KvString("general.name", "v2").WriteTo(_dir.File("v2.gguf"));
        Assert.Equal(2u, GgufReader.Read(path).Version);
    }

    [Fact]
    public void Truncation_at_every_byte_before_the_end_of_tensor_data_is_reported()
    {
        var bytes = SmallValidFile();
        var path = _dir.File("whole.gguf");
        File.WriteAllBytes(path, bytes);
        var file = GgufReader.Read(path);
        var dataEnd = file.Tensors.Max(t => file.AbsoluteOffset(t) + t.ByteSize);
        var cut = _dir.File("cut.gguf");
        for (var length = 1; length < dataEnd; length++)
        {
            File.WriteAllBytes(cut, bytes[..length]);
            var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(cut));
            Assert.Contains("cut.gguf", error.Message);
        }
        // Only the trailing alignment padding after the last tensor may be missing, as llama.cpp allows.
        File.WriteAllBytes(cut, bytes[..(int)dataEnd]);
        Assert.Equal(2, GgufReader.Read(cut).Tensors.Count);
    }

    [Fact]
    public void Truncated_header_and_data_say_truncated()
    {
        var bytes = SmallValidFile();
        Rejects(bytes[..20], "truncated");
        Rejects(bytes[..(bytes.Length - 40)], "truncated", "'b'");
    }

    [Fact]
    public void Huge_counts_and_lengths_fail_before_allocating()
    {
        Rejects(new RawGgufBuilder().Header(1ul << 60, 0).ToArray(), "tensor count", "impossible");
        Rejects(new RawGgufBuilder().Header(0, ulong.MaxValue).ToArray(), "metadata key count", "impossible");
        Rejects(new RawGgufBuilder().Header(0, 1).U64(1ul << 62).Zeros(16).ToArray(), "claims", "bytes");
        Rejects(new RawGgufBuilder().Header(0, 1).Str("k").U32(8).U64(ulong.MaxValue - 3).ToArray(), "value of 'k'", "claims");
        Rejects(new RawGgufBuilder().Header(0, 1).Str("arr").U32(9).U32(6).U64(1ul << 61).Zeros(64).ToArray(), "element count of 'arr'", "impossible");
        Rejects(new RawGgufBuilder().Header(0, 1).Str("arr").U32(9).U32(8).U64(1000).Zeros(64).ToArray(), "element count of 'arr'");
    }

    [Fact]
    public void Absurd_and_invalid_dimensions()
    {
        Rejects(TensorFile(("big", [1L << 30, 1L << 20], 0u, 0ul)), "'big'", "more than the whole file");
        Rejects(TensorFile(("huge", [long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue], 0u, 0ul)), "'huge'", "more elements than ggml can index");
        Rejects(TensorFile(("neg", [-4L], 0u, 0ul)), "'neg'", "negative");
        Rejects(TensorFile(("five", [1L, 1, 1, 1, 1], 0u, 0ul)), "'five'", "5 dimensions");
        Rejects(TensorFile(("q", [33L], (uint)GgmlType.Q8_0, 0ul)), "'q'", "not a multiple of its block size 32");
        Rejects(TensorFile((new string('n', 64), [4L], 0u, 0ul)), "llama.cpp allows at most 63");
    }

    [Theory]
    [InlineData(4u)]
    [InlineData(31u)]
    [InlineData(43u)]
    [InlineData(999u)]
    public void Unknown_tensor_types(uint type) =>
        Rejects(TensorFile(("t", [32L], type, 0ul)), "'t'", $"ggml type {type}");

    [Fact]
    public void Unknown_metadata_type() =>
        Rejects(new RawGgufBuilder().Header(0, 1).Str("weird").U32(13).U32(0).ToArray(), "'weird'", "unknown value type 13");

    [Fact]
    public void Misaligned_overlapping_gapped_and_out_of_file_tensors()
    {
        Rejects(TensorFile(("a", [8L], 0u, 0ul), ("b", [8L], 0u, 8ul)), "'b'", "not a multiple of the alignment 32");
        Rejects(TensorFile(("a", [8L], 0u, 0ul), ("b", [16L], 0u, 32ul), ("c", [8L], 0u, 32ul)), "overlap", "'b'", "'c'");
        Rejects(TensorFile(("a", [8L], 0u, 0ul), ("b", [8L], 0u, 4096ul)), "'b'", "past the end of the file");
        var gapped = TensorFile(("a", [8L], 0u, 0ul), ("b", [8L], 0u, 64ul));
        var error = Rejects(gapped, "'b'", "packed in table order");
        Assert.NotNull(error.ByteOffset);
        var path = _dir.File("gapped.gguf");
        File.WriteAllBytes(path, gapped);
        Assert.Equal(64ul, GgufReader.Read(path, GgufReadOptions.Specification).FindTensor("b")!.Offset);
    }

    [Fact]
    public void Duplicate_keys_and_tensor_names_and_empty_keys()
    {
        Rejects(new RawGgufBuilder().Header(0, 2).KvU32("k", 1).KvU32("k", 2).ToArray(), "'k' appears twice");
        Rejects(new RawGgufBuilder().Header(0, 1).KvU32("", 1).ToArray(), "empty");
        Rejects(TensorFile(("same", [8L], 0u, 0ul), ("same", [8L], 0u, 32ul)), "'same' appears twice");
    }

    [Fact]
    public void Bad_alignment_values()
    {
        Rejects(new RawGgufBuilder().Header(0, 1).KvU32("general.alignment", 48).ToArray(), "not a power of two");
        Rejects(new RawGgufBuilder().Header(0, 1).KvU32("general.alignment", 0).ToArray(), "not a power of two");
        Rejects(new RawGgufBuilder().Header(0, 1).KvString("general.alignment", "32").ToArray(), "uint32");
    }

    [Fact]
    public void Deep_nesting_is_refused_even_in_specification_mode()
    {
        var raw = new RawGgufBuilder().Header(0, 1).Str("deep").U32(9);
        for (var i = 0; i < 20; i++) raw.U32(9).U64(1);
        raw.U32(4).U64(0);
        var path = raw.WriteTo(_dir.File("deep.gguf"));
        var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(path, GgufReadOptions.Specification));
        Assert.Contains("nests arrays", error.Message);
    }

    /// <summary>A header with no metadata and the given tensor entries, padded and followed by 256 data bytes.</summary>
    private static byte[] TensorFile(params (string Name, long[] Dims, uint Type, ulong Offset)[] tensors)
    {
        var raw = new RawGgufBuilder().Header((ulong)tensors.Length, 0);
        foreach (var t in tensors) raw.Tensor(t.Name, t.Dims, t.Type, t.Offset);
        return raw.PadTo(32).Zeros(256).ToArray();
    }
}
