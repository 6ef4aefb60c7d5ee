namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>Jinja2's tests (`x is defined`, `x is string`, `x is equalto y`, ...).</summary>
internal sealed partial class JinjaRenderer
{
    private object? ApplyTest(TestExpr test, JinjaScope scope)
    {
        var value = Evaluate(test.Value, scope);
        var args = test.Arguments.Select(a => Evaluate(a, scope)).ToList();
        var result = RunTest(test.Test, value, args, scope, test.Line);
        return test.Negated ? !result : result;
    }

    private bool RunTest(string name, object? value, IReadOnlyList<object?> args, JinjaScope scope, int line)
    {
        object? Arg(int i) => i < args.Count ? args[i] : throw new JinjaTemplateException($"test '{name}' needs an argument", line, $"test '{name}'");
        value = JinjaOps.Unwrap(value);
        switch (name)
        {
            case "defined": return value is not JinjaUndefined;
            case "undefined": return value is JinjaUndefined;
            case "none": return value is null;
            case "string": return value is string;
            case "number": return value is long or double;
            case "integer": return value is long;
            case "float": return value is double;
            case "boolean": return value is bool;
            case "true": return value is true;
            case "false": return value is false;
            case "mapping": return value is JinjaDict;
            // Jinja2's Undefined has __len__ and __iter__, so it passes both (and iterates as empty).
            case "sequence": return value is string or List<object?> or JinjaDict or JinjaUndefined;
            case "iterable": return value is string or List<object?> or JinjaDict or JinjaUndefined;
            case "callable": return value is JinjaCallable || (value is JinjaLoop loop && loop.Recurse is not null);
            case "equalto" or "eq" or "==" or "sameas": return JinjaOps.Equals(value, Arg(0));
            case "ne" or "!=": return !JinjaOps.Equals(value, Arg(0));
            case "lt" or "lessthan" or "<": return JinjaOps.Compare(value, Arg(0)) < 0;
            case "le" or "<=": return JinjaOps.Compare(value, Arg(0)) <= 0;
            case "gt" or "greaterthan" or ">": return JinjaOps.Compare(value, Arg(0)) > 0;
            case "ge" or ">=": return JinjaOps.Compare(value, Arg(0)) >= 0;
            case "in": return JinjaOps.Contains(Arg(0), value);
            case "even": return JinjaOps.ToLong(value) % 2 == 0;
            case "odd": return JinjaOps.ToLong(value) % 2 != 0;
            case "divisibleby": return JinjaOps.ToLong(value) % JinjaOps.ToLong(Arg(0)) == 0;
            case "lower": return value is string lower && lower == lower.ToLowerInvariant();
            case "upper": return value is string upper && upper == upper.ToUpperInvariant();
            case "escaped": return false;
            case "filter": return value is string;
            case "test": return value is string;
            default:
                throw new JinjaTemplateException($"unknown test '{name}'", line, $"test '{name}'");
        }
    }
}
