using EvalHarness.Core.Ruler;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Ruler;

/// <summary>The same seed gives byte-identical sample files; another seed gives other samples.</summary>
public sealed class RulerDeterminismTests
{
    private static byte[] WriteAll(RulerGenerator generator, TempDirectory dir, string name)
    {
        var samples = new[]
        {
            RulerTask.NiahSingle1, RulerTask.NiahMultikey2, RulerTask.NiahMultikey3, RulerTask.VariableTracking,
            RulerTask.CommonWordsExtraction, RulerTask.FrequentWordsExtraction, RulerTask.KeyValueRetrieval,
        }.SelectMany(task => generator.Generate(task, 2048, count: 2));
        var path = dir.File(name);
        RulerSampleFile.Write(path, samples);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_files_and_another_seed_differs()
    {
        using var dir = TestPaths.NewTempDirectory();

        var first = WriteAll(StandInTokenizer.Generator(seed: 7), dir, "a.jsonl");
        var second = WriteAll(StandInTokenizer.Generator(seed: 7), dir, "b.jsonl");
        var other = WriteAll(StandInTokenizer.Generator(seed: 8), dir, "c.jsonl");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(14, File.ReadAllLines(dir.File("a.jsonl")).Length);
    }

    [Fact]
    public void Essay_samples_are_reproducible_and_differ_between_indices()
    {
        var a = StandInTokenizer.Generator(seed: 3, essays: true).Generate(RulerTask.NiahMultivalue, 4096, count: 2);
        var b = StandInTokenizer.Generator(seed: 3, essays: true).Generate(RulerTask.NiahMultivalue, 4096, count: 2);

        Assert.Equal(a.Select(s => s.ToJson().ToJsonString()), b.Select(s => s.ToJson().ToJsonString()));
        Assert.NotEqual(a[0].Outputs, a[1].Outputs);
        Assert.NotEqual(a[0].Input, a[1].Input);
    }

    [Fact]
    public void A_sample_does_not_depend_on_how_many_others_are_generated()
    {
        var alone = StandInTokenizer.Generator().GenerateOne(RulerTask.NiahSingle1, 2048, index: 3);
        var inBatch = StandInTokenizer.Generator().Generate(RulerTask.NiahSingle1, 2048, count: 5)[3];

        Assert.Equal(alone, inBatch with { Outputs = alone.Outputs, Depths = alone.Depths });
        Assert.Equal(alone.Outputs, inBatch.Outputs);
        Assert.Equal(alone.Depths, inBatch.Depths);
    }

    [Fact]
    public void Sample_file_round_trips()
    {
        using var dir = TestPaths.NewTempDirectory();
        var samples = StandInTokenizer.Generator().Generate(RulerTask.NiahMultikey2, 2048, count: 3);

        RulerSampleFile.Write(dir.File("s.jsonl"), samples);
        var read = RulerSampleFile.Read(dir.File("s.jsonl"));

        Assert.Equal(samples.Select(s => s.ToJson().ToJsonString()), read.Select(s => s.ToJson().ToJsonString()));
    }
}

public sealed class RulerDatasetTests
{
    [Fact]
    public void Dataset_folder_has_one_file_per_task_with_every_length()
    {
        using var dir = TestPaths.NewTempDirectory();

        var files = RulerDataset.Write(dir.Path, StandInTokenizer.Generator(), [RulerTask.NiahSingle1, RulerTask.FrequentWordsExtraction], [2048, 4096], samplesPerLength: 2);

        Assert.Equal([dir.File("niah_single_1.jsonl"), dir.File("fwe.jsonl")], files);
        var fwe = RulerSampleFile.Read(dir.File("fwe.jsonl"));
        Assert.Equal([2048, 2048, 4096, 4096], fwe.Select(s => s.TargetLength));
        Assert.All(fwe, s => Assert.Equal("fwe", s.Type));
    }
}
