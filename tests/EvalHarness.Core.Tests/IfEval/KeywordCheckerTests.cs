using static EvalHarness.Core.Tests.IfEval.CheckerHarness;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class KeywordCheckerTests
{
    private const string Existence = "keywords:existence";
    private const string Frequency = "keywords:frequency";
    private const string Forbidden = "keywords:forbidden_words";
    private const string Letter = "keywords:letter_frequency";

    [Theory]
    [InlineData("The Economy grew and INFLATION fell.", true)]
    [InlineData("The economy grew.", false)]
    [InlineData("", false)]
    [InlineData("**economy** and *inflation*", true)]
    [InlineData("Die economy und die inflationäre Lage", true)] // substring search, as re.search does
    public void Existence_NeedsEveryKeywordCaseInsensitively(string response, bool expected) =>
        Assert.Equal(expected, Check(Existence, """{"keywords": ["economy", "inflation"]}""", response));

    [Theory]
    [InlineData("less than", "dog dog", true)]
    [InlineData("less than", "dog DOG dog", false)]
    [InlineData("at least", "Dog, dog and **dog**", true)]
    [InlineData("at least", "hotdogs dogma", false)] // two substring hits only
    [InlineData("at least", "", false)]
    [InlineData("less than", "", true)]
    [InlineData("at least", "Hund dog, perro DOG, собака dog", true)]
    public void Frequency_CountsNonOverlappingMatches(string relation, string response, bool expected) =>
        Assert.Equal(expected, Check(Frequency, $$"""{"keyword": " dog ", "frequency": 3, "relation": "{{relation}}"}""", response));

    [Fact]
    public void Frequency_RejectsUnknownRelation() =>
        Assert.Throws<ArgumentException>(() => Check(Frequency, """{"keyword": "a", "frequency": 1, "relation": "at most"}""", "a"));

    [Theory]
    [InlineData("I like cats.", true)]
    [InlineData("I like Dogs.", true)] // "dog" inside "Dogs" has no boundary after it
    [InlineData("I like my Dog.", false)]
    [InlineData("hotdogs are fine", true)] // whole words only
    [InlineData("", true)]
    [InlineData("*dog*", false)]
    [InlineData("Ich mag Hunde, nicht dog-food", false)]
    [InlineData("dogé", true)] // é is a word character, so no boundary after "dog"
    public void ForbiddenWords_MatchWholeWordsCaseInsensitively(string response, bool expected) =>
        Assert.Equal(expected, Check(Forbidden, """{"forbidden_words": ["dog", "puppy", "dog"]}""", response));

    [Theory]
    [InlineData("at least", "Lily and LOLA like lilies.", true)] // l ×8, upper case counts
    [InlineData("at least", "no such letter here", false)]
    [InlineData("less than", "", true)]
    [InlineData("less than", "lalalalala", false)]
    [InlineData("at least", "ŁŁŁ llll", false)] // Ł is not l
    [InlineData("at least", "**lull** _lily_", true)]
    public void LetterFrequency_CountsTheLowercasedLetter(string relation, string response, bool expected) =>
        Assert.Equal(expected, Check(Letter, $$"""{"letter": "L", "let_frequency": 5, "let_relation": "{{relation}}"}""", response));
}
