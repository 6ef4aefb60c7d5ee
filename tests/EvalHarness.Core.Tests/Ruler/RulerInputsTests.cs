using EvalHarness.Core.Ruler;

namespace EvalHarness.Core.Tests.Ruler;

/// <summary>The generator's inputs: the essay text as words and sentences, caller-supplied word lists, the random stream.</summary>
public sealed class RulerInputsTests
{
    [Fact]
    public void Essay_text_splits_into_sentences_but_not_after_abbreviations_initials_or_before_lower_case()
    {
        var essays = EssayHaystack.FromText("Mr. Smith met J. Doe.\n\nThey talked, e.g. about art. \"Why?\" he asked. And i.e. that was it! The end.");

        var sentences = essays.Sentences(essays.Words.Count);

        Assert.Equal(["Mr. Smith met J. Doe.", "They talked, e.g. about art.", "\"Why?\" he asked.", "And i.e. that was it!", "The end."], sentences);
        Assert.Equal(string.Join(" ", essays.Words), string.Join(" ", sentences));
    }

    [Fact]
    public void Essay_words_start_again_past_the_end()
    {
        var essays = EssayHaystack.FromText("One two. Three four.");

        Assert.Equal(["One two.", "Three four.", "One two.", "Three"], essays.Sentences(7));
    }

    [Fact]
    public void Caller_word_lists_replace_the_built_in_ones()
    {
        var words = new RulerWords(["comet"], ["violet"], ["glide"]);
        var generator = new RulerGenerator(new RulerGeneratorOptions { CountTokens = StandInTokenizer.Count, Words = words });

        var sample = generator.GenerateOne(RulerTask.NiahSingle1, 2048, 0);

        Assert.Contains("for violet-comet is: ", sample.Input);
        Assert.Equal(["comet", "glide", "violet"], words.AllWords);
        Assert.True(RulerWords.BuiltIn.AllWords.Count > 800);
    }

    [Fact]
    public void Random_stream_is_fixed_for_a_seed_and_labels_and_draws_are_in_range()
    {
        var a = RulerRandom.For(42, "niah_single_1", 4096, 0);
        var b = RulerRandom.For(42, "niah_single_1", 4096, 0);
        var c = RulerRandom.For(42, "niah_single_1", 4096, 1);

        var first = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 5).Select(_ => c.NextUInt64()));
        var draws = Enumerable.Range(0, 2000).Select(_ => a.Next(7)).ToArray();
        Assert.Equal(7, draws.Distinct().Count());
        Assert.All(draws, d => Assert.InRange(d, 0, 6));
        Assert.Equal(5, a.Sample([1, 2, 3, 4, 5, 6], 5).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Sample([1, 2], 3));
    }
}
