using EvalHarness.Core.Scoring.IfEval;

namespace EvalHarness.Core.Tests.IfEval;

/// <summary>
/// Expected splits were produced by nltk 3.8's PunktSentenceTokenizer with the English model's abbreviation,
/// collocation and sentence-starter lists; none of these cases depends on the orthographic table we approximate
/// (checked by re-running them with extreme tables), so they are the English model's decisions.
/// </summary>
public sealed class PunktSentenceTokenizerTests
{
    [Theory]
    [InlineData("The U.S. economy grew. The U.K. did not.", new[] { "The U.S. economy grew.", "The U.K. did not." })]
    [InlineData("Pi is about 3.14 and e is 2.718. Both are irrational.", new[] { "Pi is about 3.14 and e is 2.718.", "Both are irrational." })]
    [InlineData("He said \"Stop.\" Then he left.", new[] { "He said \"Stop.\"", "Then he left." })] // closing quote realigned
    [InlineData("(This is quoted.) And this is not.", new[] { "(This is quoted.)", "And this is not." })]
    [InlineData("Well... maybe later.", new[] { "Well... maybe later." })] // ellipsis + lowercase word
    [InlineData("It costs $5.50. However, it is worth it.", new[] { "It costs $5.50.", "However, it is worth it." })]
    [InlineData("Visit example.com today. It is free.", new[] { "Visit example.com today.", "It is free." })]
    [InlineData("Привет, мир. Как дела?", new[] { "Привет, мир.", "Как дела?" })]
    [InlineData("这是第一句。这是第二句。", new[] { "这是第一句。这是第二句。" })] // Punkt only knows . ? !
    [InlineData("Hello world", new[] { "Hello world" })]
    public void Tokenize_MakesTheEnglishModelsDecisions(string text, string[] expected) =>
        Assert.Equal(expected, PunktSentenceTokenizer.English.Tokenize(text));

    [Fact]
    public void EgAndIe_AreNotAbbreviationsOfTheEnglishModel()
    {
        // The pretrained model's abbreviation list has neither "e.g" nor "i.e", so nltk splits after them.
        Assert.Equal(["Use fruit, e.g.", "apples and pears.", "Or use nuts, i.e.", "almonds."],
            PunktSentenceTokenizer.English.Tokenize("Use fruit, e.g. apples and pears. Or use nuts, i.e. almonds."));
    }

    [Fact]
    public void NumberedListItems_AreSentencesOfTheirOwn()
    {
        Assert.Equal(["Steps:\n1.", "Mix the flour.", "2.", "Bake it."],
            PunktSentenceTokenizer.English.Tokenize("Steps:\n1. Mix the flour.\n2. Bake it."));
    }

    [Fact]
    public void TitlesBeforeNames_DoNotEndSentences()
    {
        Assert.Equal(["Mr. Smith met Dr. Jones at 5 p.m. on Monday.", "They talked."],
            PunktSentenceTokenizer.English.Tokenize("Mr. Smith met Dr. Jones at 5 p.m. on Monday. They talked."));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n  ", 0)]
    [InlineData("One. Two! Three? Four", 4)]
    [InlineData("**Bold.** *Italic.* Plain.", 3)]
    public void CountSentences_CountsNonEmptySpans(string text, int expected) =>
        Assert.Equal(expected, PunktSentenceTokenizer.English.CountSentences(text));
}
