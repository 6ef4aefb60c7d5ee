using System.Diagnostics;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>Malformed templates fail fast with the construct and the line, and never hang.</summary>
public sealed class JinjaErrorTests
{
    [Fact]
    public void Unterminated_if_names_the_opening_line()
    {
        var e = Jinja.Fails("a\n{% if x %}\nb\n{% for y in z %}{% endfor %}\n");
        Assert.Equal(2, e.Line);
        Assert.Contains("never closed", e.Message);
        Assert.Contains("endif", e.Message);
    }

    [Fact]
    public void Unterminated_for_and_macro()
    {
        Assert.Equal(3, Jinja.Fails("\n\n{% for x in xs %}{{ x }}").Line);
        Assert.Contains("endmacro", Jinja.Fails("{% macro m() %}x").Message);
    }

    [Fact]
    public void Unclosed_tags_strings_and_comments()
    {
        Assert.Equal(2, Jinja.Fails("ok\n{{ x ").Line);
        Assert.Contains("never closed", Jinja.Fails("{% if true").Message);
        Assert.Contains("string literal", Jinja.Fails("{{ 'abc }}").Message);
        Assert.Contains("comment", Jinja.Fails("{# note").Message);
    }

    [Fact]
    public void Mismatched_end_tag()
    {
        var e = Jinja.Fails("{% if x %}\n{% endfor %}");
        Assert.Equal(2, e.Line);
        Assert.Contains("endfor", e.Message);
    }

    [Fact]
    public void Unknown_tag_filter_and_test()
    {
        Assert.Contains("unknown or misplaced tag 'include'", Jinja.Fails("{% include 'x' %}").Message);
        var filter = Jinja.Fails("a\nb\n{{ 'x' | frobnicate }}");
        Assert.Equal(3, filter.Line);
        Assert.Equal("filter 'frobnicate'", filter.Construct);
        var test = Jinja.Fails("{{ 1 is prime }}");
        Assert.Equal("test 'prime'", test.Construct);
    }

    [Fact]
    public void Syntax_error_in_an_expression()
    {
        var e = Jinja.Fails("\n{{ 1 + }}");
        Assert.Equal(2, e.Line);
        Assert.Contains("expected an expression", e.Message);
    }

    [Fact]
    public void Type_errors_name_the_operator()
    {
        var e = Jinja.Fails("{{ 'a' + 1 }}");
        Assert.Equal("operator '+'", e.Construct);
        Assert.Contains("str and int", e.Message);
    }

    [Fact]
    public void Infinite_macro_recursion_stops_at_the_depth_limit()
    {
        var watch = Stopwatch.StartNew();
        var e = Jinja.Fails("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(0) }}");
        Assert.Contains("nested deeper than", e.Message);
        Assert.Equal("macro 'f'", e.Construct);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Runaway_loops_stop_at_the_step_budget()
    {
        var watch = Stopwatch.StartNew();
        var e = Jinja.Fails("{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}",
            options: new JinjaOptions { MaxSteps = 100_000 });
        Assert.Contains("exceeded 100000 steps", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Huge_ranges_and_outputs_are_refused()
    {
        Assert.Contains("exceeds the limit", Jinja.Fails("{{ range(10000000000)|length }}").Message);
        Assert.Contains("output exceeded", Jinja.Fails("{% for i in range(100) %}{{ 'x' * 1000 }}{% endfor %}", options: new JinjaOptions { MaxOutputChars = 10_000 }).Message);
    }

    [Fact]
    public void Deeply_nested_expressions_fail_cleanly()
    {
        var template = "{{ " + new string('(', 50_000) + "1" + new string(')', 50_000) + " }}";
        Assert.Contains("nested too deeply", Jinja.Fails(template).Message);
    }

    [Fact]
    public void Assigning_an_attribute_of_a_non_namespace_is_an_error() =>
        Assert.Contains("namespace()", Jinja.Fails("{% set d = {} %}{% set d.x = 1 %}").Message);
}
