using System.Globalization;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// Small templates over every construct, rendered by our engine and by the Python Jinja2 reference (HF's
/// configuration) with the same variables: outputs, and whether each raises, must agree.
/// </summary>
public sealed class JinjaConstructReferenceTests
{
    private static readonly string[] Templates =
    [
        "{% for k, v in d|dictsort(by='value', reverse=true) %}{{ k }}={{ v }};{% endfor %}",
        "{% for k in d %}{{ k }}{{ loop.revindex0 }}{% endfor %}",
        "{{ xs[1:] }}{{ xs[-2:] }}{{ xs[::-1] }}{{ xs[5:9] }}{{ 'hello'[-3:-1] }}{{ xs[::-2] }}",
        "{% macro outer(x) %}[{{ inner(x) }}]{% endmacro %}{% macro inner(y) %}{{ y * 2 }}{% endmacro %}{{ outer(21) }}",
        "{% macro list(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(i) list(xs) %}<{{ i }}>{% endcall %}",
        "{% set ns = namespace(found=false, n=0) %}{% for m in msgs %}{% if m.role == 'user' %}{% set ns.found = true %}{% set ns.n = ns.n + 1 %}{% endif %}{% endfor %}{{ ns.found }}{{ ns.n }}",
        "{{ msgs|selectattr('role', 'equalto', 'user')|map(attribute='content')|list }}",
        "{{ msgs|rejectattr('content')|list|length }} {{ msgs|map(attribute='role')|unique|list }}",
        "{{ msgs[0].content.split('\\n')[0].strip().upper() }}",
        "{{ (msgs|last).content }} {{ msgs[-1]['role'] }} {{ msgs|length > 2 }}",
        "{{ d|tojson }} {{ d|tojson(indent=4) }} {{ xs|tojson }} {{ 'ü'|tojson }} {{ 1.5|tojson }} {{ none|tojson }}",
        "{{ d.items()|list }} {{ d.keys()|list }} {{ d|list }} {{ d.get('x', 'nx') }}",
        "{{ 'a' if x is defined else 'b' }}{{ 'c' if y is defined else 'd' }}{{ x is not none }}{{ y is none }}",
        "{{ msgs[0].tool_calls is defined }}{{ msgs[0]['missing'] | default('dflt') }}{{ msgs[0].content is string }}",
        "{{ '  Mixed Case  '|trim|lower|replace(' ', '_') }}|{{ 'abc'|upper|reverse }}|{{ 'x'|center(5) }}|",
        "{{ 'text\\nmore\\n'|indent(4, first=true) }}|{{ 'a\\n\\nb'|indent(2, blank=true) }}",
        "{{ 7|string ~ 7 }}{{ '3'|int * 2 }}{{ 2.0|int }}{{ '1e3'|float }}{{ 10|float }}{{ '0x1A'|int }}",
        "{{ [3, 1, 2]|sort|first }}{{ ['b', 'a']|sort|join }}{{ [{'n': 2}, {'n': 1}]|sort(attribute='n')|map(attribute='n')|join(',') }}",
        "{{ range(3)|list }}{{ range(1, 7, 2)|list }}{{ range(5, 0, -2)|list }}{{ range(0)|list }}",
        "{{ dict(a=1, b=2) }} {{ dict(a=1).a }}",
        "{% set l = xs|list %}{{ l|length }}{{ l|count }}{{ xs|first }}{{ xs|last }}{{ xs|join('-') }}{{ xs|sum }}",
        "{{ 10 / 4 }} {{ 10 // 4 }} {{ 10 % 4 }} {{ 2 ** 3 ** 2 }} {{ -2 ** 2 }} {{ 1 + 2.5 }} {{ 1e3 }}",
        "{{ true and 'x' }}|{{ false or 'y' }}|{{ none or 0 or '' }}|{{ not none }}|{{ 0 and 1 }}",
        "{{ 'ab' in ['ab'] }}{{ 'a' in 'cat' }}{{ 1 in [1.0] }}{{ 'k' not in d }}{{ xs is sequence }}{{ d is mapping }}",
        "{% for x in xs %}{% if loop.first %}<{% endif %}{{ x }}{% if not loop.last %},{% else %}>{% endif %}{% endfor %}",
        "{% for x in [] %}never{% else %}empty{% endfor %}{% for x in none|default([]) %}{% endfor %}",
        "{% if x > 1 %}big{% elif x == 1 %}one{% else %}small{% endif %}",
        "{%- for m in msgs -%}\n  {{- m.role -}}\n  {%- if not loop.last %}, {% endif -%}\n{%- endfor -%}",
        "{% for m in msgs %}\n    {% if m.role == 'user' %}\n    U:{{ m.content }}\n    {% endif %}\n{% endfor %}\n",
        "{% set x %}  captured {{ 1 + 1 }}  {% endset %}[{{ x }}]{% set y = x|trim %}[{{ y }}]",
        "{% filter upper %}{% for x in xs %}{{ x }}{% endfor %}{% endfilter %}",
        "{{ raise_exception('bad: ' ~ x) }}",
        "{{ xs.nope.deeper }}",
        "{{ 'a' + 1 }}",
        "{{ strftime_now('%d %b %Y') }} {{ strftime_now('%A %B %-d %H:%M') }}",
        "{{ '%s is %d'|format('x', 3) }} {{ 'a{}c'.format('b') }} {{ '{0}{0}'.format('z') }}",
        "{{ 'Hello World'.lower().startswith('hello') }} {{ 'a-b-c'.rsplit('-', 1) }} {{ 'abc'.find('c') }} {{ '  '.isspace() }}",
        "{{ xs|map('string')|join('+') }} {{ ['a', 'bb']|map('length')|list }} {{ xs|select('odd')|list }}",
        "{{ [1, [2, 3]]|tojson }} {{ {'a': [1, {'b': none}]}|tojson(indent=2) }} {{ {'z': 1, 'a': 2}|tojson(sort_keys=true) }}",
        "{{ xs }} {{ d }} {{ (1, 'a') }} {{ none }} {{ true }} {{ 3.0 }} {{ 1/3 }} {{ [none, false] }}",
        "{{ '\\u00e9\\t\\\\' }}|{{ \"it's\" }}|{{ 'say \"hi\"' }}|{{ ['it\\'s'] }}",
        "{%- set a = 1 -%}{%- if true -%}{%- set a = 2 -%}{%- endif -%}{{ a }}{% for i in xs %}{% set a = i %}{% endfor %}{{ a }}",
        "{{ xs|batch(2)|list }} {{ xs|min }} {{ xs|max }} {{ [1.5, 2]|sum }} {{ -1.5|abs }} {{ 1.25|round(1) }} {{ 1.35|round(1, 'floor') }}",
        "{{ \"it's a-b (c) d\"|title }}|{{ \"it's\".title() }}|{{ 'a-b c_d'|wordcount }}|{{ '%s=%d' % ('k', 3) }}|{{ 'v:%s' % 'x' }}",
        "{{ 'abc'|capitalize }}{{ 'ABC DEF'|title }}{{ 'a b'|wordcount }}{{ 'abc'|list }}{{ 'a,b'|replace(',', '') }}",
    ];

    private static readonly Dictionary<string, object?> Variables = new()
    {
        ["x"] = 1,
        ["xs"] = new List<object?> { 1, 2, 3, 4 },
        ["d"] = new Dictionary<string, object?> { ["b"] = 2, ["a"] = 1, ["c"] = 3 },
        ["msgs"] = new List<object?>
        {
            new Dictionary<string, object?> { ["role"] = "system", ["content"] = "  Be brief.\nReally.  " },
            new Dictionary<string, object?> { ["role"] = "user", ["content"] = "Hi" },
            new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = "" },
            new Dictionary<string, object?> { ["role"] = "user", ["content"] = "Bye" },
        },
    };

    [Fact]
    public void Constructs_render_as_python_jinja2_does()
    {
        var reference = PythonJinjaReference.Render(Templates.Select((t, i) => new PythonJinjaReference.Job(i.ToString(CultureInfo.InvariantCulture), t, Variables)).ToList());
        var now = DateTime.Parse(PythonJinjaReference.FixedNow, CultureInfo.InvariantCulture);
        var failures = new List<string>();
        for (var i = 0; i < Templates.Length; i++)
        {
            var expected = reference[i.ToString(CultureInfo.InvariantCulture)];
            string? actual = null, error = null;
            try
            {
                actual = JinjaTemplate.Parse(Templates[i], JinjaOptions.Default with { Now = () => now }).Render(Variables);
            }
            catch (JinjaTemplateException e)
            {
                error = e.Message;
            }
            var same = expected.Ok ? actual == expected.Output : error is not null && TemplateFilesReferenceTests.SameRaise(expected.Error!, error);
            if (!same)
            {
                failures.Add($"{Templates[i]}\n  reference {(expected.Ok ? expected.Output : "raised " + expected.Error)}\n  ours      {error ?? actual}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
