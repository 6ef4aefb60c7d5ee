namespace EvalHarness.Core.Tests.Jinja;

public sealed class JinjaExpressionTests
{
    [Theory]
    [InlineData("{{ 1 + 2 * 3 }}", "7")]
    [InlineData("{{ (1 + 2) * 3 }}", "9")]
    [InlineData("{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }}", "3 -4 1 2")]
    [InlineData("{{ 7 / 2 }} {{ 4 / 2 }}", "3.5 2.0")]
    [InlineData("{{ 2 ** 10 }}", "1024")]
    [InlineData("{{ 1 == 1.0 }} {{ 'a' != 'b' }} {{ 2 < 3 <= 3 }}", "True True True")]
    [InlineData("{{ 1 < 2 and not 2 < 1 or false }}", "True")]
    [InlineData("{{ 'b' in 'abc' }} {{ 'z' not in ['a'] }} {{ 'k' in {'k': 1} }}", "True True True")]
    [InlineData("{{ 'a' ~ 1 ~ none ~ true }}", "a1NoneTrue")]
    [InlineData("{{ 'yes' if 1 > 0 else 'no' }}|{{ 'x' if false }}|", "yes||")]
    [InlineData("{{ 'abc'[0] }}{{ 'abc'[-1] }}{{ [1,2,3][1] }}", "ac2")]
    [InlineData("{{ 'hello'[1:3] }} {{ [1,2,3,4][::2] }} {{ 'abc'[::-1] }} {{ [1,2,3][:-1] }}", "el [1, 3] cba [1, 2]")]
    [InlineData("{{ {'a': 1}.a }}{{ {'a': {'b': 2}}['a'].b }}", "12")]
    [InlineData("{{ [1, 'x', none, true, 1.5, {'k': 'v'}] }}", "[1, 'x', None, True, 1.5, {'k': 'v'}]")]
    [InlineData("{{ -3 }} {{ - 2.5 }}", "-3 -2.5")]
    [InlineData("{{ 'a' 'b' }}", "ab")]
    [InlineData("{{ 0.1 + 0.2 }} {{ 1e20 }} {{ 0.00001 }} {{ 100.0 }}", "0.30000000000000004 1e+20 1e-05 100.0")]
    public void Operators_follow_python(string template, string expected) => Assert.Equal(expected, Jinja.Render(template));

    [Theory]
    [InlineData("{{ '  hi  '.strip() }}|{{ 'xxhixx'.strip('x') }}|{{ '  hi'.lstrip() }}|{{ 'hi  '.rstrip() }}|", "hi|hi|hi|hi|")]
    [InlineData("{{ 'a b  c'.split() }} {{ 'a,b'.split(',') }} {{ 'a,b,c'.split(',', 1) }}", "['a', 'b', 'c'] ['a', 'b'] ['a', 'b,c']")]
    [InlineData("{{ 'abc'.startswith('ab') }} {{ 'abc'.endswith(('x', 'c')) }}", "True True")]
    [InlineData("{{ 'Hi'.upper() }}{{ 'Hi'.lower() }}{{ 'hello world'.title() }}", "HIhiHello World")]
    [InlineData("{{ 'aaa'.replace('a', 'b', 2) }} {{ 'x-y'.replace('-', '+') }}", "bba x+y")]
    [InlineData("{{ '{} and {name}'.format(1, name='n') }}", "1 and n")]
    [InlineData("{{ 'a\\nb'.splitlines() }}", "['a', 'b']")]
    public void String_methods(string template, string expected) => Assert.Equal(expected, Jinja.Render(template));

    [Fact]
    public void Dict_methods_and_attribute_priority()
    {
        var d = new Dictionary<string, object?> { ["a"] = 1, ["items"] = "shadowed" };
        Assert.Equal("[('a', 1), ('items', 'shadowed')]", Jinja.Render("{{ d.items() }}", new { d }));
        Assert.Equal("['a', 'items'] [1, 'shadowed']", Jinja.Render("{{ d.keys() }} {{ d.values() }}", new { d }));
        Assert.Equal("1 none dflt", Jinja.Render("{{ d.get('a') }} {{ d.get('zz') is none and 'none' }} {{ d.get('zz', 'dflt') }}", new { d }));
        Assert.Equal("shadowed", Jinja.Render("{{ d['items'] }}", new { d }));
    }

    [Fact]
    public void Undefined_prints_empty_and_missing_keys_are_undefined() =>
        Assert.Equal("[][]True", Jinja.Render("[{{ nope }}][{{ m.missing }}]{{ m.missing is undefined }}", new { m = new Dictionary<string, object?>() }));

    [Fact]
    public void Attribute_of_an_undefined_value_is_an_error_naming_it()
    {
        var e = Jinja.Fails("\n\n{{ message.content }}");
        Assert.Equal(3, e.Line);
        Assert.Contains("'message' is undefined", e.Message);
    }

    [Fact]
    public void Dict_literals_keep_number_keys() =>
        Assert.Equal("0:a 256:b ", Jinja.Render("{% for k, v in {256: 'b', 0: 'a'}|dictsort %}{{ k }}:{{ v }} {% endfor %}"));

    [Fact]
    public void List_methods_mutate() =>
        Assert.Equal("[1, 2] 2 [1]", Jinja.Render("{% set l = [1] %}{% set _ = l.append(2) %}{{ l }} {{ l.pop() }} {{ l }}"));
}
