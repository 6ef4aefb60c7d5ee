using EvalHarness.Core.Scoring.IfEval;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class IfEvalEvaluatorTests
{
    private static IfEvalInput Input(string prompt, params (string Id, string Kwargs)[] instructions) =>
        new(1, prompt, instructions.Select(i => i.Id).ToList(), instructions.Select(i => InstructionArguments.FromJson(i.Kwargs)).ToList());

    private static IfEvalReport Evaluate(IfEvalInput input, string response) =>
        new IfEvalEvaluator().Evaluate([input], [new IfEvalResponse(input.Prompt, response)]);

    [Fact]
    public void Strict_FailsAnEmptyResponseEvenForCheckersThatWouldPass()
    {
        var report = Evaluate(Input("p", ("punctuation:no_comma", "{}")), "   \n ");
        Assert.Equal([false], report.Strict[0].FollowInstructionList);
        Assert.Equal([false], report.Loose[0].FollowInstructionList);
    }

    [Fact]
    public void Loose_AcceptsTheResponseWithoutItsFirstLineOrAsterisks()
    {
        var input = Input("p", ("startend:quotation", "{}"), ("detectable_format:title", "{}"), ("punctuation:no_comma", "{}"));
        var report = Evaluate(input, "Sure, here it is:\n\"**<<Title>>** body\"");
        Assert.Equal([false, true, false], report.Strict[0].FollowInstructionList);
        Assert.Equal([true, true, true], report.Loose[0].FollowInstructionList); // the comma was on the dropped first line
        Assert.False(report.Strict[0].FollowAllInstructions);
        Assert.True(report.Loose[0].FollowAllInstructions);
    }

    [Fact]
    public void Loose_EachInstructionMayUseADifferentVariant()
    {
        var input = Input("p", ("startend:quotation", "{}"), ("punctuation:no_comma", "{}"));
        var report = Evaluate(input, "Hello, world\n\"Quoted\"");
        Assert.Equal([false, false], report.Strict[0].FollowInstructionList);
        Assert.Equal([true, true], report.Loose[0].FollowInstructionList);
        Assert.True(report.Loose[0].FollowAllInstructions);
    }

    [Fact]
    public void LooseVariants_AreTheReferencesEight()
    {
        var variants = IfEvalEvaluator.LooseVariants("first *a*\nmiddle\nlast");
        Assert.Equal(["first *a*\nmiddle\nlast", "first a\nmiddle\nlast", "middle\nlast", "first *a*\nmiddle", "middle",
            "middle\nlast", "first a\nmiddle", "middle"], variants);
        Assert.Equal(["one", "one", "", "", "", "", "", ""], IfEvalEvaluator.LooseVariants("one"));
    }

    [Fact]
    public void RepeatedInstructionIds_AreSeparateInstructions()
    {
        var input = Input("p", ("keywords:existence", """{"keywords": ["alpha"]}"""), ("keywords:existence", """{"keywords": ["beta"]}"""));
        var report = Evaluate(input, "alpha only");
        Assert.Equal([true, false], report.Strict[0].FollowInstructionList);
        Assert.Equal(2, report.StrictAccuracy.Instructions);
        Assert.Equal(0.5, report.StrictAccuracy.InstructionLevel);
        Assert.Equal(0.0, report.StrictAccuracy.PromptLevel);
        Assert.Equal(0.25, report.Headline);
    }

    [Fact]
    public void Accuracies_ArePromptAndInstructionLevel()
    {
        var a = Input("a", ("punctuation:no_comma", "{}"), ("startend:quotation", "{}"));
        var b = Input("b", ("punctuation:no_comma", "{}"));
        var report = new IfEvalEvaluator().Evaluate([a, b], [new("a", "\"no commas\""), new("b", "a, b")]);
        Assert.Equal(0.5, report.StrictAccuracy.PromptLevel);
        Assert.Equal(2.0 / 3, report.StrictAccuracy.InstructionLevel, 12);
        Assert.Equal((0.5 + 2.0 / 3) / 2, report.Headline, 12);
    }

    [Theory]
    [InlineData("<think>I should, maybe, add commas.</think>\n\nNo commas here.", true)]
    [InlineData("I was told, to think.</think>No commas here.", true)] // template opened <think> in the prompt
    [InlineData("<think>Still thinking, and then the budget ran out", false)] // never closed: scored as empty
    [InlineData("No think tags, but a comma.", false)]
    public void ThinkingIsRemovedBeforeScoring(string response, bool expected)
    {
        var report = Evaluate(Input("p", ("punctuation:no_comma", "{}")), response);
        Assert.Equal(expected, report.Strict[0].FollowAllInstructions);
        Assert.DoesNotContain("<think>", report.Strict[0].Response);
    }

    [Fact]
    public void MissingResponse_IsAnErrorUnlessScoredAsEmpty()
    {
        var input = Input("unanswered", ("punctuation:no_comma", "{}"));
        var error = Assert.Throws<UserInputException>(() => new IfEvalEvaluator().Evaluate([input], []));
        Assert.Contains("key 1", error.Message);
        var report = new IfEvalEvaluator(MissingResponsePolicy.ScoreAsEmpty).Evaluate([input], []);
        Assert.False(report.Strict[0].FollowAllInstructions);
    }

    [Fact]
    public void UnknownInstruction_IsAUserError()
    {
        var input = Input("p", ("keywords:telepathy", "{}"));
        Assert.Throws<UserInputException>(() => Evaluate(input, "x"));
    }

    [Fact]
    public void NullKwargs_AreIgnored()
    {
        var input = Input("p", ("punctuation:no_comma", """{"num_words": null, "relation": null}"""),
            ("length_constraints:number_words", """{"num_words": 2, "relation": "at least", "keyword": null}"""));
        Assert.True(Evaluate(input, "two words").Strict[0].FollowAllInstructions);
    }

    [Fact]
    public void Files_RoundTripThroughTheReferenceFormat()
    {
        using var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(dir.File("input.jsonl"),
            """{"key": 7, "prompt": "Say hi «now»", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}""" + "\n");
        File.WriteAllText(dir.File("responses.jsonl"), """{"prompt": "Say hi «now»", "response": "hi <there>"}""" + "\n\n");

        var report = new IfEvalEvaluator().EvaluateFiles(dir.File("input.jsonl"), dir.File("responses.jsonl"), dir.File("out"));

        Assert.True(report.Strict[0].FollowAllInstructions);
        var strictLine = File.ReadAllLines(Path.Combine(dir.File("out"), "eval_results_strict.jsonl")).Single();
        Assert.Equal("""{"follow_all_instructions":true,"follow_instruction_list":[true],"instruction_id_list":["punctuation:no_comma"],"prompt":"Say hi «now»","response":"hi <there>"}""", strictLine);
        Assert.True(File.Exists(Path.Combine(dir.File("out"), "eval_results_loose.jsonl")));
    }

    [Theory]
    [InlineData("{\"key\": 1, \"prompt\": \"p\", \"instruction_id_list\": [], \"kwargs\": []}\n{not json}\n", 2)]
    [InlineData("{\"key\": 1, \"instruction_id_list\": [], \"kwargs\": []}\n", 1)]
    [InlineData("\n{\"key\": 1, \"prompt\": \"p\", \"instruction_id_list\": [\"a\"], \"kwargs\": []}\n", 2)]
    [InlineData("[1, 2]\n", 1)]
    public void MalformedInputLine_NamesFileAndLine(string content, int line)
    {
        using var dir = TestPaths.NewTempDirectory();
        var path = dir.File("input_data.jsonl");
        File.WriteAllText(path, content);
        var error = Assert.Throws<UserInputException>(() => IfEvalJsonl.ReadInputs(path));
        Assert.Contains(path, error.Message);
        Assert.Contains($"line {line}", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Fact]
    public void MalformedResponseLine_NamesFileAndLine()
    {
        using var dir = TestPaths.NewTempDirectory();
        var path = dir.File("responses.jsonl");
        File.WriteAllText(path, "{\"prompt\": \"p\", \"response\": \"r\"}\n{\"prompt\": \"p\", \"response\": 3}\n");
        var error = Assert.Throws<UserInputException>(() => IfEvalJsonl.ReadResponses(path));
        Assert.Contains("line 2", error.Message);
    }
}
