using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Reading;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

/// <summary>
/// Damaged files must end in a GgufFormatException or read cleanly: never another exception type, a hang or an
/// out-of-memory. Seeded, so a failure reproduces.
/// </summary>
public sealed class CorruptionFuzzTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Random_byte_damage_in_the_header_is_always_reported_cleanly()
    {
        var original = _dir.File("tiny.gguf");
        SyntheticModelWriter.WriteRandom(original, LlamaModelShape.Tiny with { VocabularySize = 300 }, GgmlType.Q4_0, seed: 9);
        var bytes = File.ReadAllBytes(original);
        var headerEnd = (int)GgufReader.Read(original).DataOffset;
        var random = new Random(2024);
        var damaged = _dir.File("damaged.gguf");
        var rejected = 0;
        for (var iteration = 0; iteration < 400; iteration++)
        {
            var copy = (byte[])bytes.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                // Hit the first 64 bytes (header and first key) often: that is where lengths and counts live.
                var position = random.Next(2) == 0 ? random.Next(Math.Min(64, headerEnd)) : random.Next(headerEnd);
                copy[position] = (byte)random.Next(256);
            }
            File.WriteAllBytes(damaged, copy);
            try
            {
                GgufReader.Read(damaged);
            }
            catch (GgufFormatException e)
            {
                Assert.Contains("damaged.gguf", e.Message);
                rejected++;
            }
        }
        Assert.InRange(rejected, 50, 400);
    }

    [Fact]
    public void Stories_model_cut_anywhere_before_its_last_tensor_ends_is_reported()
    {
        var source = TestPaths.RequireShared("models", "stories260K.gguf");
        var bytes = File.ReadAllBytes(source);
        var dataOffset = (int)GgufReader.Read(source).DataOffset;
        var cut = _dir.File("stories-cut.gguf");
        var cutPoints = Enumerable.Range(0, 150).Select(i => 1 + i * (dataOffset / 150))
            .Concat(Enumerable.Range(0, 20).Select(i => dataOffset + i * ((bytes.Length - dataOffset) / 20)))
            .Append(bytes.Length - 1);
        foreach (var length in cutPoints)
        {
            File.WriteAllBytes(cut, bytes[..length]);
            var error = Assert.Throws<GgufFormatException>(() => GgufReader.Read(cut));
            Assert.Contains("stories-cut.gguf", error.Message);
        }
    }
}
