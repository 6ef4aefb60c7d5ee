namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// Variables visible at one point of a render. A for-loop body and a macro call open a child scope, so `set`
/// inside them does not leak out (Jinja2's rule, which is why templates use namespace() to carry state).
/// </summary>
internal sealed class JinjaScope(JinjaScope? parent)
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public JinjaScope? Parent { get; } = parent;

    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.TryGetValue(name, out value)) return true;
        }
        value = null;
        return false;
    }

    public void Set(string name, object? value) => _variables[name] = value;
}

/// <summary>The `loop` object of a for loop: its counters, and for `recursive` loops a call to render children.</summary>
internal sealed class JinjaLoop
{
    public JinjaDict Fields { get; } = new();

    public Func<object?, string>? Recurse { get; init; }
}
