using EvalHarness.Gguf.Synthetic;

namespace EvalHarness.Gguf.Tests;

public class SyntheticVocabularyTests
{
    [Fact]
    public void Specials_and_byte_tokens_come_first_with_their_types()
    {
        var vocabulary = SyntheticVocabulary.Build(1000);

        Assert.Equal(["<unk>", "<s>", "</s>", "<0x00>", "<0x01>"], vocabulary.Tokens.Take(5));
        Assert.Equal("<0xFF>", vocabulary.Tokens[258]);
        Assert.Equal("<0x0A>", vocabulary.Tokens[3 + 10]);
        Assert.Equal([2, 3, 3, 6], vocabulary.TokenTypes.Take(4));
        Assert.All(vocabulary.TokenTypes.Skip(259), t => Assert.Equal(1, t));
        Assert.Equal(0f, vocabulary.Scores()[258]);
        Assert.Equal(-1f, vocabulary.Scores()[259]);
    }

    [Theory]
    [InlineData(49152)]
    [InlineData(102400)]
    [InlineData(260)]
    public void Builds_exactly_the_requested_number_of_distinct_tokens(int size)
    {
        var vocabulary = SyntheticVocabulary.Build(size);
        Assert.Equal(size, vocabulary.Count);
        Assert.Equal(size, vocabulary.Tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Common_words_tokenize_to_single_pieces_and_unknown_words_fall_back_sensibly()
    {
        var vocabulary = SyntheticVocabulary.Build(49152);

        var ids = SpmTokenizerSimulation.Tokenize(vocabulary, "The cat sat on the mat");
        Assert.Equal(["▁The", "▁cat", "▁sat", "▁on", "▁the", "▁mat"], ids.Select(i => vocabulary.Tokens[i]));

        var odd = SpmTokenizerSimulation.Tokenize(vocabulary, "zebra\n");
        Assert.DoesNotContain(SyntheticVocabulary.UnknownId, odd);
        Assert.Equal("<0x0A>", vocabulary.Tokens[odd[^1]]);
        Assert.True(odd.Count <= 4, string.Join(" ", odd.Select(i => vocabulary.Tokens[i])));
    }

    [Fact]
    public void Word_vocabulary_maps_each_word_to_its_piece()
    {
        var vocabulary = SyntheticVocabulary.ForWords(["the", "then", "cat"]);

        var ids = SpmTokenizerSimulation.Tokenize(vocabulary, "the cat then");
        Assert.Equal([vocabulary.IdOf("▁the"), vocabulary.IdOf("▁cat"), vocabulary.IdOf("▁then")], ids);
        Assert.Throws<ArgumentException>(() => SyntheticVocabulary.ForWords(["two words"]));
    }
}
