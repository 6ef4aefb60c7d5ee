using System.Text.RegularExpressions;
using EvalHarness.Core.Ruler;

namespace EvalHarness.Core.Tests.Ruler;

/// <summary>Needles sit at the requested depth of the haystack, and each answer is in the prompt exactly once.</summary>
public sealed class NeedlePlacementTests
{
    /// <summary>Where the answer's needle starts, as a fraction of the haystack between the instruction and the question.</summary>
    private static double NeedleFraction(RulerSample sample, string answer)
    {
        var start = sample.Input.IndexOf('\n') + 1;
        var end = sample.Input.LastIndexOf("\nWhat ", StringComparison.Ordinal);
        var needle = sample.Input.IndexOf($"is: {answer}.", StringComparison.Ordinal);
        var sentenceStart = sample.Input.LastIndexOf("One of the special magic", needle, StringComparison.Ordinal);
        return (double)(sentenceStart - start) / (end - start);
    }

    private static int Occurrences(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;

    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    [InlineData(37.5)]
    [InlineData(50.0)]
    [InlineData(90.0)]
    [InlineData(100.0)]
    public void Essay_needle_is_at_the_requested_depth(double depth)
    {
        var sample = StandInTokenizer.Generator(essays: true).GenerateOne(RulerTask.NiahSingle2, 8192, 0, depth);

        Assert.Equal(depth, sample.Depth);
        Assert.InRange(NeedleFraction(sample, sample.Outputs[0]), depth / 100 - 0.02, depth / 100 + 0.02);
    }

    [Theory]
    [InlineData(RulerTask.NiahSingle1, 25.0)]
    [InlineData(RulerTask.NiahSingle1, 75.0)]
    [InlineData(RulerTask.NiahMultikey2, 60.0)]
    public void Line_haystack_needle_is_at_the_requested_depth(RulerTask task, double depth)
    {
        var sample = StandInTokenizer.Generator().GenerateOne(task, 8192, 0, depth);

        Assert.InRange(NeedleFraction(sample, sample.Outputs[0]), depth / 100 - 0.02, depth / 100 + 0.02);
    }

    [Fact]
    public void Key_value_pair_is_at_the_requested_position()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.KeyValueRetrieval, 8192, 0, depth: 25);
        var records = sample.Input.Split('\n').Where(line => line.Contains("\": \"", StringComparison.Ordinal)).ToArray();
        var position = Array.FindIndex(records, line => line.Contains(sample.Outputs[0], StringComparison.Ordinal));

        Assert.InRange((double)position / (records.Length - 1), 0.245, 0.255);
        Assert.Equal(1, Occurrences(sample.Input, sample.Outputs[0]));
        var key = Regex.Match(sample.Input, "Key: \"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"\"{key}\": \"{sample.Outputs[0]}\"", records[position]);
    }

    [Fact]
    public void Without_a_depth_needles_spread_over_the_haystack_as_ruler_draws_them()
    {
        var samples = StandInTokenizer.Generator(essays: true).Generate(RulerTask.NiahSingle2, 4096, count: 12);

        Assert.All(samples, s => Assert.Contains(s.Depth!.Value, NiahSource.RulerDepths));
        Assert.True(samples.Select(s => s.Depth).Distinct().Count() >= 6, "12 draws from 40 depths should give several distinct ones");
    }

    [Theory]
    [InlineData(RulerTask.NiahSingle1)]
    [InlineData(RulerTask.NiahSingle2)]
    [InlineData(RulerTask.NiahSingle3)]
    [InlineData(RulerTask.NiahMultikey1)]
    [InlineData(RulerTask.NiahMultikey2)]
    [InlineData(RulerTask.NiahMultikey3)]
    [InlineData(RulerTask.NiahMultivalue)]
    [InlineData(RulerTask.NiahMultiquery)]
    public void Each_answer_and_asked_key_is_in_the_haystack_exactly_once(RulerTask task)
    {
        var config = NiahConfig.For(task)!;
        foreach (var sample in StandInTokenizer.Generator(essays: true).Generate(task, 4096, count: 3))
        {
            Assert.Equal(config.Queries * config.ValuesPerKey, sample.Outputs.Count);
            Assert.All(sample.Outputs, answer => Assert.Equal(1, Occurrences(sample.Input, answer)));
            var keys = Regex.Match(sample.AnswerPrefix, "for (.+) mentioned").Groups[1].Value.Replace(", and ", ", ").Split(", ");
            Assert.Equal(config.Queries, keys.Length);
            Assert.All(keys, key => Assert.Equal(config.ValuesPerKey, Occurrences(sample.Instruction, $" for {key} is: ")));
            if (config.Haystack != HaystackKind.Needle)
            {
                Assert.Equal(Math.Max(config.Keys, config.Queries) * config.ValuesPerKey, Occurrences(sample.Instruction, "One of the special magic"));
            }
        }
    }
}
