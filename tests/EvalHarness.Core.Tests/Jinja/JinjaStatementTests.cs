namespace EvalHarness.Core.Tests.Jinja;

public sealed class JinjaStatementTests
{
    [Fact]
    public void Text_output_and_comments() =>
        Assert.Equal("a 3 b", Jinja.Render("a {{ 1 + 2 }}{# gone #} b"));

    [Fact]
    public void Whitespace_control_markers_strip_all_whitespace_on_their_side() =>
        Assert.Equal("a|b|c", Jinja.Render("a|  \n {{- 'b' -}} \n  |c"));

    [Fact]
    public void Trim_blocks_drops_the_newline_after_a_block_tag() =>
        Assert.Equal("x\ny", Jinja.Render("{% if true %}\nx\n{% endif %}\ny\n"));

    [Fact]
    public void Lstrip_blocks_drops_indentation_before_a_block_tag_but_not_before_output() =>
        Assert.Equal("  v\n", Jinja.Render("    {% if true %}\n  {{ 'v' }}\n    {% endif %}\n"));

    [Fact]
    public void Plus_marker_keeps_the_indentation() =>
        Assert.Equal("  x", Jinja.Render("  {%+ if true %}x{% endif %}"));

    [Fact]
    public void Without_trim_and_lstrip_whitespace_is_kept() =>
        Assert.Equal("  \nx\n", Jinja.Render("  {% if true %}\nx\n{% endif %}", options: new() { TrimBlocks = false, LstripBlocks = false }));

    [Fact]
    public void One_trailing_newline_is_dropped_and_line_endings_normalised_as_jinja2_does()
    {
        Assert.Equal("a\n", Jinja.Render("a\n\n"));
        Assert.Equal("a\nb", Jinja.Render("a\r\nb\r\n"));
        Assert.Equal("a\n", Jinja.Render("a\n", options: new() { KeepTrailingNewline = true }));
    }

    [Fact]
    public void Plus_before_the_closing_delimiter_keeps_the_newline() =>
        Assert.Equal("\nx", Jinja.Render("{% if true +%}\nx{% endif %}"));

    [Fact]
    public void If_elif_else() =>
        Assert.Equal("b", Jinja.Render("{% if x == 1 %}a{% elif x == 2 %}b{% else %}c{% endif %}", new { x = 2 }));

    [Fact]
    public void For_loop_variables()
    {
        var result = Jinja.Render("{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}", new { xs = new[] { "a", "b" } });
        Assert.Equal("102TrueFalse2;211FalseTrue2;", result);
    }

    [Fact]
    public void For_previtem_nextitem_and_cycle() =>
        Assert.Equal("-ab:odd abc:even bc-:odd ",
            Jinja.Render("{% for x in xs %}{{ loop.previtem|default('-') }}{{ x }}{{ loop.nextitem|default('-') }}:{{ loop.cycle('odd','even') }} {% endfor %}", new { xs = new[] { "a", "b", "c" } }));

    [Fact]
    public void For_else_runs_on_an_empty_sequence() =>
        Assert.Equal("none", Jinja.Render("{% for x in [] %}{{ x }}{% else %}none{% endfor %}"));

    [Fact]
    public void For_with_a_filter_in_the_iterable_and_a_loop_condition() =>
        Assert.Equal("C1B2", Jinja.Render("{% for x in xs|reverse if x != 'a' %}{{ x|upper }}{{ loop.index }}{% endfor %}", new { xs = new[] { "a", "b", "c" } }));

    [Fact]
    public void For_unpacks_tuples() =>
        Assert.Equal("a=1,b=2,", Jinja.Render("{% for k, v in d.items() %}{{ k }}={{ v }},{% endfor %}", new { d = new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 } }));

    [Fact]
    public void Break_and_continue() =>
        Assert.Equal("13", Jinja.Render("{% for i in range(10) %}{% if i == 4 %}{% break %}{% endif %}{% if i is even %}{% continue %}{% endif %}{{ i }}{% endfor %}"));

    [Fact]
    public void Set_inside_a_loop_does_not_leak_but_namespace_does() =>
        Assert.Equal("0 3", Jinja.Render("{% set n = 0 %}{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set n = n + 1 %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ n }} {{ ns.n }}"));

    [Fact]
    public void Set_block_captures_and_filters() =>
        Assert.Equal("[HELLO]", Jinja.Render("{% set x | upper %}hello{% endset %}[{{ x }}]"));

    [Fact]
    public void Set_with_tuple_unpacking() =>
        Assert.Equal("2 1", Jinja.Render("{% set a, b = 1, 2 %}{{ b }} {{ a }}"));

    [Fact]
    public void Macro_with_defaults_and_keywords() =>
        Assert.Equal("<a:x> <b:y>", Jinja.Render("{% macro tag(name, v='x') %}<{{ name }}:{{ v }}>{% endmacro %}{{ tag('a') }} {{ tag(v='y', name='b') }}"));

    [Fact]
    public void Macro_sees_top_level_variables() =>
        Assert.Equal("[T]", Jinja.Render("{% set t = 'T' %}{% macro m() %}[{{ t }}]{% endmacro %}{{ m() }}"));

    [Fact]
    public void Call_block_passes_caller() =>
        Assert.Equal("<b>inner 7</b>", Jinja.Render("{% macro wrap() %}<b>{{ caller(7) }}</b>{% endmacro %}{% call(n) wrap() %}inner {{ n }}{% endcall %}"));

    [Fact]
    public void Filter_block_applies_its_filters() =>
        Assert.Equal("ABC", Jinja.Render("{% filter upper|trim %}  abc  {% endfilter %}"));

    [Fact]
    public void Raw_block_is_literal() =>
        Assert.Equal("{{ x }}", Jinja.Render("{% raw %}{{ x }}{% endraw %}"));

    [Fact]
    public void Generation_block_renders_its_body() =>
        Assert.Equal("ab", Jinja.Render("a{% generation %}b{% endgeneration %}"));

    [Fact]
    public void Recursive_loop() =>
        Assert.Equal("a(b(c()))", Jinja.Render("{% for n in tree recursive %}{{ n.name }}({{ loop(n.kids) }}){% endfor %}",
            new { tree = new[] { new Dictionary<string, object?> { ["name"] = "a", ["kids"] = new[] { new Dictionary<string, object?> { ["name"] = "b", ["kids"] = new[] { new Dictionary<string, object?> { ["name"] = "c", ["kids"] = Array.Empty<object>() } } } } } } }));

    [Fact]
    public void Raise_exception_reports_the_templates_message_and_line()
    {
        var e = Jinja.Fails("line1\n{{ raise_exception('System role not supported') }}");
        Assert.Equal(2, e.Line);
        Assert.Equal("raise_exception", e.Construct);
        Assert.Contains("System role not supported", e.Message);
    }

    [Fact]
    public void Strftime_now_uses_python_codes() =>
        Assert.Equal("2026-01-05 Jan 05 January 5", Jinja.Render("{{ strftime_now('%Y-%m-%d %b %d %B %-d') }}", options: new() { Now = () => new DateTime(2026, 1, 5, 10, 0, 0) }));
}
