using EvalHarness.Core.Scoring.IfEval;
using static EvalHarness.Core.Tests.IfEval.CheckerHarness;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class CaseAndPunctuationCheckerTests
{
    [Theory]
    [InlineData("at least", "THE QUICK brown fox", false)] // 2 capital words
    [InlineData("at least", "THE QUICK BROWN fox", true)]
    [InlineData("at least", "I DON'T know", true)] // I, DO, N'T
    [InlineData("less than", "WELL-KNOWN AND/OR fine", true)] // one token each
    [InlineData("at least", "", false)]
    [InlineData("at least", "**ONE** *TWO* ÜBER", true)]
    [InlineData("less than", "Ünïcode ÄBC DEF GHI", false)]
    public void CapitalWordFrequency_CountsUpperCaseTokens(string relation, string response, bool expected) =>
        Assert.Equal(expected, Check("change_case:capital_word_frequency", $$"""{"capital_frequency": 3, "capital_relation": "{{relation}}"}""", response));

    [Theory]
    [InlineData("THIS IS MY ANSWER, IN ENGLISH AND IN CAPITALS.", true)]
    [InlineData("THIS IS MY ANSWER, with one lowercase word.", false)]
    // langdetect only sees word-initial capitals of all-caps text, so this German sentence is detected as "en"
    // (verified against langdetect 1.0.9); the reference therefore counts it as followed, and so do we.
    [InlineData("DAS IST MEINE ANTWORT UND SIE IST NICHT AUF ENGLISCH.", true)]
    [InlineData("", false)]
    [InlineData("**THE TITLE** - *THE END* 123", false)] // too few features: langdetect says "vi"
    [InlineData("**THE TITLE OF THIS ANSWER** - *THE END OF THE STORY* AND THE MORAL", true)]
    [InlineData("123 !!!", false)] // no cased character: isupper() is false
    [InlineData("THIS ANSWER IS IN ENGLISH WITH ONE GERMAN WORD: ÜBERMORGEN.", false)] // langdetect (1.0.9, checked) says "de"
    [InlineData("ЭТО ОТВЕТ НА РУССКОМ ЯЗЫКЕ.", false)]
    public void EnglishCapital_IsUpperAndEnglish(string response, bool expected) =>
        Assert.Equal(expected, Check("change_case:english_capital", "{}", response));

    [Theory]
    [InlineData("this is my answer in english and in lowercase.", true)]
    [InlineData("this is my answer in English.", false)]
    [InlineData("das ist meine antwort und sie ist nicht auf englisch.", false)]
    [InlineData("", false)]
    [InlineData("# the title\n\n* the first point of the list", true)]
    [InlineData("this answer is english, with a little café and a naïve façade.", true)]
    [InlineData("ceci est une réponse en français et non en anglais.", false)]
    public void EnglishLowercase_IsLowerAndEnglish(string response, bool expected) =>
        Assert.Equal(expected, Check("change_case:english_lowercase", "{}", response));

    [Theory]
    [InlineData("No commas here.", true)]
    [InlineData("One, two.", false)]
    [InlineData("", true)] // the checker alone passes; the evaluator fails empty responses
    [InlineData("中文，逗号", true)] // only ASCII ',' counts
    [InlineData("**bold**, text", false)]
    public void NoComma_RejectsAsciiCommas(string response, bool expected) =>
        Assert.Equal(expected, Check("punctuation:no_comma", "{}", response));

    [Fact]
    public void WordTokenizer_SplitsLikeNltk()
    {
        Assert.Equal(["I", "DO", "N'T", "know", "."], TreebankWordTokenizer.WordTokenize("I DON'T know."));
        Assert.Equal(["CAN", "NOT", "(", "yes", ")", ",", "he", "said", "."], TreebankWordTokenizer.WordTokenize("CANNOT (yes), he said."));
        Assert.Equal(["``", "Hi", "''", "she", "said", "."], TreebankWordTokenizer.WordTokenize("\"Hi\" she said."));
    }
}
