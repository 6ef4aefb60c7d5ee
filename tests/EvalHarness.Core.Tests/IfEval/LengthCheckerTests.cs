using static EvalHarness.Core.Tests.IfEval.CheckerHarness;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class LengthCheckerTests
{
    [Theory]
    [InlineData("less than", "One. Two. Three.", false)]
    [InlineData("less than", "One sentence. Two sentences.", true)]
    [InlineData("at least", "Mr. Smith met Dr. Jones. They talked.", false)] // abbreviations do not end sentences
    [InlineData("at least", "Is it? Yes! It is.", true)]
    [InlineData("less than", "", true)]
    [InlineData("at least", "**Bold.** *Italic.* Plain.", true)]
    [InlineData("at least", "Привет. Как дела? Хорошо.", true)]
    public void NumberOfSentences_ComparesThePunktCount(string relation, string response, bool expected) =>
        Assert.Equal(expected, Check("length_constraints:number_sentences", $$"""{"num_sentences": 3, "relation": "{{relation}}"}""", response));

    [Theory]
    [InlineData("at least", "one two three four five", true)]
    [InlineData("at least", "one two-three, four", true)] // \w+ splits at '-'
    [InlineData("less than", "one two three four five", false)]
    [InlineData("less than", "", true)]
    [InlineData("at least", "**one** _two_ ~~three~~", false)] // '_' is a word character: "_two_" is one token
    [InlineData("at least", "नमस्ते दुनिया", true)] // combining marks split Devanagari words, as Python's \w does
    public void NumberOfWords_CountsPythonWordRuns(string relation, string response, bool expected) =>
        Assert.Equal(expected, Check("length_constraints:number_words", $$"""{"num_words": 4, "relation": "{{relation}}"}""", response));

    [Theory]
    [InlineData("First\n***\nSecond\n***\nThird", true)]
    [InlineData("***\nFirst\n***\nSecond\n***\nThird\n***", true)] // empty first and last pieces are ignored
    [InlineData("First\n***\n\n***\nSecond\n***\nThird", false)] // empty middle piece fails
    [InlineData("First\n\nSecond\n\nThird", false)]
    [InlineData("", false)]
    [InlineData("Première\n***\nDeuxième\n***\nTroisième", true)]
    [InlineData("**Bold first**\n***\n* bullet second\n***\n# Third", true)]
    public void NumberOfParagraphs_SplitsOnTheMarkdownDivider(string response, bool expected) =>
        Assert.Equal(expected, Check("length_constraints:number_paragraphs", """{"num_paragraphs": 3}""", response));

    [Theory]
    [InlineData("Intro here.\n\n\"Summer, is here.\n\nThe end.", true)]
    [InlineData("Intro here.\n\nSummer's here.\n\nThe end.", true)] // cut at the apostrophe
    [InlineData("Intro here.\n\nWinter is here.\n\nThe end.", false)]
    [InlineData("Intro here.\n\nSummer is here.", false)] // two paragraphs, three required
    [InlineData("", false)]
    [InlineData("Intro.\n\n**Summer** is here.\n\nEnd.", false)] // markdown stays part of the word
    [InlineData("Intro.\n\nSUMMER ist da.\n\nEnde.", true)]
    public void NthParagraphFirstWord_ChecksCountAndWord(string response, bool expected) =>
        Assert.Equal(expected, Check("length_constraints:nth_paragraph_first_word",
            """{"num_paragraphs": 3, "nth_paragraph": 2, "first_word": "summer"}""", response));

    [Fact]
    public void NthParagraphFirstWord_IndexesAllPiecesIncludingEmptyOnes()
    {
        // The reference counts non-empty pieces but indexes the raw split: an empty first piece shifts the index.
        Assert.False(Check("length_constraints:nth_paragraph_first_word",
            """{"num_paragraphs": 2, "nth_paragraph": 1, "first_word": "summer"}""", "\n\nSummer.\n\nEnd."));
    }
}
