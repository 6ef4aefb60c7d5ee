using System.Text.Json.Nodes;
using EvalHarness.Core.Prompts;

namespace EvalHarness.Core.Tests.Prompts;

public class PromptTemplateTests
{
    private static readonly JsonObject Record = JsonNode.Parse("""
        {"q": "  Why?  ", "subject": "high_school_physics", "answer": "work\n#### 42",
         "question": {"stem": "S", "choices": [{"text": "one", "label": "A"}, {"text": "two", "label": "B"}]}}
        """)!.AsObject();

    private static string Render(string template) =>
        PromptTemplate.Parse(template).Render(path => EvalHarness.Core.Tasks.RecordPath.Resolve(Record, path));

    [Theory]
    [InlineData("{q|strip}!", "Why?!")]
    [InlineData("about {subject|spaces}.", "about high school physics.")]
    [InlineData("{answer|after:#### }", "42")]
    [InlineData("{answer|before:\n}", "work")]
    [InlineData("{question.stem|lower}", "s")]
    [InlineData("{question.choices|pluck:text|join:, }", "one, two")]
    [InlineData("{question.choices|pluck:text|lettered:) }", "A) one\nB) two")]
    [InlineData("{{literal}} {q|strip|upper}", "{literal} WHY?")]
    public void Renders_paths_and_filters(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{q|shout}", "unknown filter 'shout'")]
    [InlineData("{q", "unclosed")]
    [InlineData("q}", "unmatched")]
    [InlineData("{}", "empty placeholder")]
    [InlineData("{q|after}", "needs an argument")]
    public void Bad_templates_fail_to_parse(string template, string problem) =>
        Assert.Contains(problem, Assert.Throws<FormatException>(() => PromptTemplate.Parse(template)).Message);

    [Fact]
    public void A_missing_field_or_an_unjoined_list_fails_to_render()
    {
        Assert.Contains("no field 'nope'", Assert.Throws<TemplateRenderException>(() => Render("{nope}")).Message);
        Assert.Contains("is a list", Assert.Throws<TemplateRenderException>(() => Render("{question.choices|pluck:text}")).Message);
    }
}
