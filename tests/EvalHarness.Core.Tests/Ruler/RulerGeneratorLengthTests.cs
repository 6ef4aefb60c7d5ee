using EvalHarness.Core.Ruler;

namespace EvalHarness.Core.Tests.Ruler;

/// <summary>Every task's samples reach the requested length (prompt plus RULER's generation reserve) within 1%, never past it.</summary>
public sealed class RulerGeneratorLengthTests
{
    public static TheoryData<RulerTask, int> TasksWithoutEssays() => new()
    {
        { RulerTask.NiahSingle1, 4096 },
        { RulerTask.NiahSingle1, 16384 },
        { RulerTask.NiahMultikey2, 4096 },
        { RulerTask.NiahMultikey3, 8192 },
        { RulerTask.VariableTracking, 4096 },
        { RulerTask.VariableTracking, 8192 },
        { RulerTask.CommonWordsExtraction, 2048 },
        { RulerTask.CommonWordsExtraction, 8192 },
        { RulerTask.CommonWordsExtraction, 32768 },
        { RulerTask.FrequentWordsExtraction, 4096 },
        { RulerTask.FrequentWordsExtraction, 16384 },
        { RulerTask.KeyValueRetrieval, 4096 }, // a uuid pair is ~50 tokens, over 1% of 4K: reached by other draws
        { RulerTask.KeyValueRetrieval, 8192 },
        { RulerTask.NiahMultikey3, 4096 },
    };

    [Theory]
    [MemberData(nameof(TasksWithoutEssays))]
    public void Length_is_within_one_percent_below_the_target(RulerTask task, int target)
    {
        var generator = StandInTokenizer.Generator();

        var samples = generator.Generate(task, target, count: 2);

        Assert.All(samples, sample => AssertLength(sample, target, StandInTokenizer.Count));
    }

    [Theory]
    [InlineData(RulerTask.NiahSingle2, 4096)]
    [InlineData(RulerTask.NiahSingle3, 8192)]
    [InlineData(RulerTask.NiahMultikey1, 4096)]
    [InlineData(RulerTask.NiahMultivalue, 4096)]
    [InlineData(RulerTask.NiahMultiquery, 16384)]
    [InlineData(RulerTask.NiahSingle2, 262144)] // past the 49 essays' ~150K tokens: the words start again
    public void Essay_tasks_reach_the_length_too(RulerTask task, int target)
    {
        var generator = StandInTokenizer.Generator(essays: true);

        var sample = generator.GenerateOne(task, target, index: 0);

        AssertLength(sample, target, StandInTokenizer.Count);
    }

    [Fact]
    public void Without_the_generation_reserve_the_prompt_alone_is_fitted()
    {
        var generator = new RulerGenerator(new RulerGeneratorOptions { CountTokens = StandInTokenizer.Count, CountGenerationTokens = false });

        var sample = generator.GenerateOne(RulerTask.NiahSingle1, 4096, 0);

        AssertLength(sample, 4096, StandInTokenizer.Count, reserved: false);
    }

    [Fact]
    public void A_target_shorter_than_the_bare_prompt_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => StandInTokenizer.Generator().GenerateOne(RulerTask.NiahSingle1, 100, 0));

        Assert.Contains("shorter than the smallest prompt", error.Message);
    }

    internal static void AssertLength(RulerSample sample, int target, Func<string, int> count, bool reserved = true)
    {
        Assert.Equal(target, sample.TargetLength);
        Assert.Equal(count(sample.Input), sample.PromptTokens);
        Assert.Equal(sample.PromptTokens + (reserved ? sample.MaxNewTokens : 0), sample.Length);
        Assert.InRange(sample.Length, (int)Math.Ceiling(target * 0.99), target);
    }
}
