using System.Text.RegularExpressions;
using EvalHarness.Core.Ruler;

namespace EvalHarness.Core.Tests.Ruler;

/// <summary>RULER's wording, answer prefixes and answer formats per task.</summary>
public sealed class RulerPromptFormatTests
{
    [Fact]
    public void Single_value_niah_uses_the_singular_wording()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.NiahSingle1, 2048, 0);
        var key = Regex.Match(sample.AnswerPrefix, "for (.+) mentioned").Groups[1].Value;

        Assert.StartsWith("A special magic number is hidden within the following text. Make sure to memorize it. I will quiz you about the number afterwards.\n", sample.Input);
        Assert.EndsWith($"\nWhat is the special magic number for {key} mentioned in the provided text?", sample.Instruction);
        Assert.Equal($" The special magic number for {key} mentioned in the provided text is", sample.AnswerPrefix);
        Assert.Matches("^[0-9]{7}$", sample.Outputs[0]);
        Assert.Matches("^[a-z]+-[a-z]+$", key);
        Assert.Contains($"One of the special magic numbers for {key} is: {sample.Outputs[0]}.", sample.Input);
        Assert.Contains("\n" + RulerTemplates.NoiseBlock + "\n", sample.Input);
        Assert.Equal(128, sample.MaxNewTokens);
    }

    [Fact]
    public void Multi_value_niah_keeps_the_plural_wording_and_uuid_needles_are_v4()
    {
        var values = StandInTokenizer.Generator(essays: true).GenerateOne(RulerTask.NiahMultivalue, 4096, 0);
        var uuids = StandInTokenizer.Generator(essays: true).GenerateOne(RulerTask.NiahSingle3, 4096, 0);

        Assert.StartsWith("Some special magic numbers are hidden within the following text.", values.Input);
        Assert.Contains("\nWhat are all the special magic numbers for ", values.Instruction);
        Assert.EndsWith(" mentioned in the provided text are", values.Input);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuids.Outputs[0]);
        Assert.Contains("A special magic uuid is hidden", uuids.Input);
    }

    [Fact]
    public void Variable_tracking_chain_leads_from_the_value_to_every_answer_and_opens_with_a_solved_example()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.VariableTracking, 4096, 0);
        var value = Regex.Match(sample.AnswerPrefix, "assgined the value ([0-9]{5}), they are: $").Groups[1].Value;
        var task = sample.Input[sample.Input.LastIndexOf("Memorize and track", StringComparison.Ordinal)..];

        Assert.Matches("^ Answer: According to the chain\\(s\\) of variable assignment in the text above, 5 variables are assgined the value [0-9]{5}, they are: $", sample.AnswerPrefix);
        Assert.StartsWith("Memorize and track the chain(s) of variable assignment hidden in the following text. ", sample.Input); // the example, whitespace collapsed
        Assert.Contains($"VAR {sample.Outputs[0]} = {value}", task);
        for (var i = 1; i < 5; i++) Assert.Contains($"VAR {sample.Outputs[i]} = VAR {sample.Outputs[i - 1]} ", task);
        Assert.All(sample.Outputs, name => Assert.Matches("^[A-Z]{5}$", name));
        Assert.Equal(30, sample.MaxNewTokens);
    }

    [Fact]
    public void Common_words_repeat_thirty_times_against_three_and_the_example_comes_first()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.CommonWordsExtraction, 8192, 0);
        var task = sample.Instruction[sample.Instruction.LastIndexOf("Below is a numbered list", StringComparison.Ordinal)..];
        var counts = Regex.Matches(task, @"\d+\. ([a-z]+)").GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(sample.Outputs, word => Assert.Equal(30, counts[word]));
        Assert.All(counts.Where(c => !sample.Outputs.Contains(c.Key)), c => Assert.Equal(3, c.Value));
        Assert.Contains("in the list are:1. ", sample.Instruction); // the example's answer, appended as RULER does
        Assert.Equal(" Answer: The top 10 words that appear most often in the list are:", sample.AnswerPrefix);
    }

    [Fact]
    public void Common_words_past_the_vocabulary_repeat_more_in_rulers_ten_to_one_ratio()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.CommonWordsExtraction, 32768, 0);
        var task = sample.Instruction[sample.Instruction.LastIndexOf("Below is a numbered list", StringComparison.Ordinal)..];
        var counts = Regex.Matches(task, @"\d+\. ([a-z]+)").GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());
        var factor = counts[sample.Outputs[0]] / 30;

        Assert.True(factor >= 2, $"the built-in {RulerWords.BuiltIn.AllWords.Count} words cannot fill 32K at 30/3 repeats");
        Assert.InRange(counts.Count, 11, RulerWords.BuiltIn.AllWords.Count);
        Assert.All(sample.Outputs, word => Assert.Equal(30 * factor, counts[word]));
        Assert.All(counts.Where(c => !sample.Outputs.Contains(c.Key)), c => Assert.Equal(3 * factor, c.Value));
    }

    [Fact]
    public void Common_words_under_4k_use_six_and_one()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.CommonWordsExtraction, 2048, 0);
        var task = sample.Instruction[sample.Instruction.LastIndexOf("Below is a numbered list", StringComparison.Ordinal)..];
        var counts = Regex.Matches(task, @"\d+\. ([a-z]+)").GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(sample.Outputs, word => Assert.Equal(6, counts[word]));
        Assert.All(counts.Where(c => !sample.Outputs.Contains(c.Key)), c => Assert.Equal(1, c.Value));
    }

    [Fact]
    public void Frequent_words_answers_are_ranks_two_to_four_of_a_zipf_count()
    {
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.FrequentWordsExtraction, 8192, 0);
        var context = sample.Instruction[(sample.Instruction.IndexOf("coded words. ", StringComparison.Ordinal) + 13)..sample.Instruction.IndexOf("\nQuestion:", StringComparison.Ordinal)];
        var counts = context.Split(' ').GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var ranked = counts.OrderByDescending(c => c.Value).Select(c => c.Key).ToArray();

        Assert.Equal("...", ranked[0]);
        Assert.Equal(sample.Outputs, ranked[1..4]);
        Assert.True(counts[ranked[3]] > counts[ranked[4]]);
        Assert.Equal(Math.PI * Math.PI / 6, FrequentWordsSource.RiemannZeta(2), 12);
    }

    [Fact]
    public void Key_value_prompt_has_lost_in_the_middle_layout()
    {
        var text = KeyValueSource.Format([("a", "1"), ("b", "2"), ("c", "3")]);

        Assert.Equal("{\"a\": \"1\",\n \"b\": \"2\",\n \"c\": \"3\"}", text);
        var sample = StandInTokenizer.Generator().GenerateOne(RulerTask.KeyValueRetrieval, 2048, 0);
        Assert.StartsWith("Extract the value corresponding to the specified key in the JSON object below.\n\nJSON data:\n{\"", sample.Input);
        Assert.EndsWith("\"\nCorresponding value:", sample.Input);
    }

    [Fact]
    public void Task_names_round_trip_and_eleven_synthetic_tasks_exist()
    {
        Assert.Equal(11, RulerTaskNames.Synthetic.Count);
        Assert.All(Enum.GetValues<RulerTask>(), t => Assert.Equal(t, RulerTaskNames.Parse(RulerTaskNames.NameOf(t))));
        Assert.Throws<ArgumentException>(() => RulerTaskNames.Parse("qa_1"));
    }
}
