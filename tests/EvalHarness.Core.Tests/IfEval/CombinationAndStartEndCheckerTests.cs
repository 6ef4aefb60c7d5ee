using static EvalHarness.Core.Tests.IfEval.CheckerHarness;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class CombinationAndStartEndCheckerTests
{
    [Theory]
    [InlineData("First answer.\n******\nSecond answer.", true)]
    [InlineData("******\nFirst.\n******\nSecond.\n******", true)]
    [InlineData("Same.\n******\nSame.", false)]
    [InlineData("One.\n******\n\n******\nTwo.", false)] // blank middle piece
    [InlineData("Only one answer.", false)]
    [InlineData("", false)]
    [InlineData("**Erste** Antwort\n******\n*Zweite* Antwort", true)]
    public void TwoResponses_NeedsTwoDifferentPieces(string response, bool expected) =>
        Assert.Equal(expected, Check("combination:two_responses", "{}", response));

    [Theory]
    [InlineData("Write a poem about Café life. Then the poem...", true)]
    [InlineData("  WRITE A POEM ABOUT CAFÉ LIFE. Sure!", true)]
    [InlineData("Sure! Write a poem about café life.", false)]
    [InlineData("", false)]
    [InlineData("**Write a poem about café life.**", false)]
    public void RepeatPrompt_ResponseStartsWithThePrompt(string response, bool expected) =>
        Assert.Equal(expected, Check("combination:repeat_prompt", """{"prompt_to_repeat": "Write a poem about café life. "}""", response));

    [Theory]
    [InlineData("Thanks. Is there anything else I can help with?", true)]
    [InlineData("\"Thanks. is there anything else i can help with?\"  ", true)]
    [InlineData("Is there anything else I can help with? Bye.", false)]
    [InlineData("", false)]
    [InlineData("**Is there anything else I can help with?**", false)]
    [InlineData("Danke. Is there anything else I can help with?", true)]
    public void EndChecker_ComparesTheEndLowercased(string response, bool expected) =>
        Assert.Equal(expected, Check("startend:end_checker", """{"end_phrase": "Is there anything else I can help with?"}""", response));

    [Theory]
    [InlineData("\"Quoted answer.\"", true)]
    [InlineData("  \"Quoted\"\n", true)]
    [InlineData("\"", false)]
    [InlineData("“Curly quotes”", false)]
    [InlineData("", false)]
    [InlineData("\"**Markdown** «inside»\"", true)]
    public void Quotation_WrapsTheWholeResponse(string response, bool expected) =>
        Assert.Equal(expected, Check("startend:quotation", "{}", response));
}
