namespace EvalHarness.Core.Tests.Jinja;

public sealed class JinjaFilterAndTestTests
{
    private static readonly object Messages = new
    {
        messages = new[]
        {
            new Dictionary<string, object?> { ["role"] = "system", ["content"] = "S" },
            new Dictionary<string, object?> { ["role"] = "user", ["content"] = "U1" },
            new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = "A", ["tool_calls"] = new[] { "t" } },
            new Dictionary<string, object?> { ["role"] = "user", ["content"] = "U2" },
        },
    };

    [Theory]
    [InlineData("{{ '  x  '|trim }}|{{ 'xxaxx'|trim('x') }}", "x|a")]
    [InlineData("{{ 'abc'|length }} {{ [1,2]|count }} {{ {'a':1}|length }} {{ nope|length }}", "3 2 1 0")]
    [InlineData("{{ 'aB'|upper }}{{ 'aB'|lower }}{{ 'hELLO world'|capitalize }}", "ABabHello world")]
    [InlineData("{{ 'a-b-c'|replace('-', '+') }}", "a+b+c")]
    [InlineData("{{ [1,2,3]|join(', ') }}|{{ ['a','b']|join }}", "1, 2, 3|ab")]
    [InlineData("{{ nope|default('d') }} {{ ''|default('d') }} {{ ''|default('d', true) }} {{ none|d('x') }}", "d  d None")]
    [InlineData("{{ {'b':1,'a':2}|items|list }}", "[('b', 1), ('a', 2)]")]
    [InlineData("{{ 'ab'|list }} {{ [3,1]|first }} {{ [3,1]|last }}", "['a', 'b'] 3 1")]
    [InlineData("{{ 12|string ~ 'x' }} {{ '42'|int + 1 }} {{ 'x'|int }} {{ 3.9|int }} {{ '2.5'|float }}", "12x 43 0 3 2.5")]
    [InlineData("{{ -3|abs }} {{ (-2.5)|abs }} {{ 2.567|round(2) }} {{ 2.5|round }} {{ 3.5|round }} {{ 2.1|round(0, 'ceil') }}", "3 2.5 2.57 2.0 4.0 3.0")]
    [InlineData("{{ ['a','A','b','a']|unique|list }} {{ [3,1,2]|reverse|list }} {{ 'abc'|reverse }}", "['a', 'b'] [2, 1, 3] cba")]
    [InlineData("{{ ['b','A','c']|sort }} {{ [3,1,2]|sort(reverse=true) }}", "['A', 'b', 'c'] [3, 2, 1]")]
    [InlineData("{{ {'b':1,'A':2}|dictsort }}", "[('A', 2), ('b', 1)]")]
    [InlineData("{{ 'a\\nb\\n\\nc'|indent(2) }}|{{ 'a\\nb'|indent(2, true) }}", "a\n  b\n\n  c|  a\n  b")]
    [InlineData("{{ '<b>'|safe }} {{ '<b>'|e }}", "<b> &lt;b&gt;")]
    [InlineData("{{ 'x: '|safe + '\"<q>\"' }}|{{ 'x: '|safe ~ '<q>' }}|{{ ('a'|safe + 'b') is string }}", "x: &#34;&lt;q&gt;&#34;|x: <q>|True")]
    [InlineData("{{ 'one two  three'|wordcount }} {{ 'hello world'|title }}", "3 Hello World")]
    [InlineData("{{ [3,1,2]|min }} {{ [3,1,2]|max }} {{ [1,2,3]|sum }}", "1 3 6")]
    [InlineData("{{ [1,2,3,4]|select('odd')|list }} {{ [1,2,3,4]|reject('even')|list }}", "[1, 3] [1, 3]")]
    [InlineData("{{ ['a','b']|map('upper')|list }}", "['A', 'B']")]
    [InlineData("{{ none|selectattr('x')|list }} {{ none|map(attribute='x')|list }}", "[] []")]
    public void Filters(string template, string expected) => Assert.Equal(expected, Jinja.Render(template));

    [Fact]
    public void Selectattr_rejectattr_and_map_over_messages()
    {
        Assert.Equal("S", Jinja.Render("{{ (messages|selectattr('role', 'equalto', 'system')|first).content }}", Messages));
        Assert.Equal("U1,U2", Jinja.Render("{{ messages|selectattr('role', '==', 'user')|map(attribute='content')|join(',') }}", Messages));
        Assert.Equal("3", Jinja.Render("{{ messages|rejectattr('role', 'in', ['system'])|list|length }}", Messages));
        Assert.Equal("A", Jinja.Render("{{ messages|selectattr('tool_calls')|map(attribute='content')|join }}", Messages));
        Assert.Equal("x,x,x,x", Jinja.Render("{{ messages|map(attribute='nope', default='x')|join(',') }}", Messages));
    }

    [Fact]
    public void Tojson_follows_hugging_face_json_dumps()
    {
        var data = new { d = new Dictionary<string, object?> { ["b"] = 1, ["a"] = new object?[] { "é\"\n", 1.5, true, null } } };
        Assert.Equal("{\"b\": 1, \"a\": [\"é\\\"\\n\", 1.5, true, null]}", Jinja.Render("{{ d|tojson }}", data));
        Assert.Equal("{\"a\": [\"\\u00e9\\\"\\n\", 1.5, true, null], \"b\": 1}", Jinja.Render("{{ d|tojson(sort_keys=true, ensure_ascii=true) }}", data));
        Assert.Equal("{\n  \"b\": 1,\n  \"a\": [\n    \"é\\\"\\n\",\n    1.5,\n    true,\n    null\n  ]\n}", Jinja.Render("{{ d|tojson(indent=2) }}", data));
        Assert.Equal("{\"b\":1}", Jinja.Render("{{ {'b': 1}|tojson(separators=(',', ':')) }}"));
        Assert.Equal("\"<tag>&\"", Jinja.Render("{{ '<tag>&'|tojson }}"));
    }

    [Theory]
    [InlineData("{{ x is defined }} {{ nope is defined }} {{ nope is undefined }} {{ none is none }}", "True False True True")]
    [InlineData("{{ 's' is string }} {{ 1 is number }} {{ 1.5 is number }} {{ 's' is number }}", "True True True False")]
    [InlineData("{{ {} is mapping }} {{ [] is mapping }} {{ [] is sequence }} {{ 's' is iterable }} {{ 1 is iterable }}", "True False True True False")]
    [InlineData("{{ 3 is equalto 3 }} {{ 3 is eq(4) }} {{ 4 is even }} {{ 3 is odd }} {{ 9 is divisibleby 3 }}", "True False True True True")]
    [InlineData("{{ nope is sequence }} {{ nope is iterable }} {{ nope is mapping }} {{ 'a' in nope }}", "True True False False")]
    [InlineData("{{ true is true }} {{ 1 is true }} {{ false is false }} {{ x is not none }} {{ true is boolean }}", "True False True True True")]
    public void Tests(string template, string expected) => Assert.Equal(expected, Jinja.Render(template, new { x = 1 }));
}
