using EvalHarness.Core.Scoring.Code;

namespace EvalHarness.Core.Tests.CodeExtraction;

public sealed class CompletionCodeBuilderTests
{
    private const string Prompt = "def add(xs):\n    \"\"\"Sum.\"\"\"\n";

    [Theory]
    [InlineData("\ndef helper():\n    pass")]
    [InlineData("\nclass Foo:\n    pass")]
    [InlineData("\nif __name__ == '__main__':\n    add([1])")]
    [InlineData("\nprint(add([1]))")]
    [InlineData("\n# Test cases\nassert add([1]) == 1")]
    public void Completion_stops_at_each_stop_sequence(string tail)
    {
        var program = CompletionCodeBuilder.Build(Prompt, "    return sum(xs)\n" + tail, "add");
        Assert.Equal(Prompt + "    return sum(xs)\n", program);
    }

    [Fact]
    public void Completion_without_stop_is_kept_whole()
    {
        Assert.Equal(Prompt + "    return sum(xs)\n\n", CompletionCodeBuilder.Build(Prompt, "    return sum(xs)\n\n", "add"));
    }

    [Fact]
    public void Repeated_signature_replaces_the_prompt_function_instead_of_being_cut()
    {
        var completion = "\ndef add(xs):\n    \"\"\"Sum.\"\"\"\n    return sum(xs)\n\ndef other():\n    pass";
        Assert.Equal("def add(xs):\n    \"\"\"Sum.\"\"\"\n\ndef add(xs):\n    \"\"\"Sum.\"\"\"\n    return sum(xs)\n", CompletionCodeBuilder.Build(Prompt, completion, "add"));
    }

    [Fact]
    public void Crlf_completion_is_normalised()
    {
        Assert.Equal(Prompt + "    return sum(xs)\n", CompletionCodeBuilder.Build(Prompt, "    return sum(xs)\r\n\r\nprint(1)", "add"));
    }
}
