namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// The value model of the engine. Values are plain objects: null is Python's None, <see cref="JinjaUndefined"/> a
/// missing variable or key, bool, long, double, string, <see cref="List{T}"/> of object? (lists and tuples),
/// <see cref="JinjaDict"/> (insertion-ordered, string keys, as chat-template JSON is), <see cref="JinjaNamespace"/>,
/// <see cref="JinjaCallable"/> (globals, macros, bound methods).
/// </summary>
public sealed class JinjaUndefined
{
    public static readonly JinjaUndefined Instance = new("");

    public JinjaUndefined(string name) => Name = name;

    /// <summary>What was looked up, for error messages ("message.tool_calls").</summary>
    public string Name { get; }

    public override string ToString() => "";
}

/// <summary>
/// A Python dict keeping insertion order (tojson and items() follow it). Keys are strings in chat-template JSON,
/// but dict literals may use numbers (`{0: 0, 256: 128}`); keys compare as Python's do (1 == 1.0 == True).
/// </summary>
public sealed class JinjaDict : OrderedDictionary<object, object?>
{
    public JinjaDict() : base(PythonKeyComparer.Instance) { }

    public JinjaDict(IEnumerable<KeyValuePair<string, object?>> items) : base(PythonKeyComparer.Instance)
    {
        foreach (var (k, v) in items) this[k] = v;
    }

    public JinjaDict(IEnumerable<KeyValuePair<object, object?>> items) : base(PythonKeyComparer.Instance)
    {
        foreach (var (k, v) in items) this[k] = v;
    }

    private sealed class PythonKeyComparer : IEqualityComparer<object>
    {
        public static readonly PythonKeyComparer Instance = new();

        public new bool Equals(object? x, object? y) => JinjaOps.Equals(x, y);

        public int GetHashCode(object obj) => JinjaOps.Unwrap(obj) switch
        {
            string s => StringComparer.Ordinal.GetHashCode(s),
            bool b => b ? 1 : 0,
            long l => l.GetHashCode(),
            double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => ((long)d).GetHashCode(),
            var other => other?.GetHashCode() ?? 0,
        };
    }
}

/// <summary>
/// Jinja2's Markup, the "safe" string `|safe` and `|e` return. It matters even with autoescape off: Markup + str
/// HTML-escapes the plain operand (functionary's template relies on it). Elsewhere it behaves as its text.
/// </summary>
public sealed class JinjaMarkup(string value)
{
    public string Value { get; } = value;

    public override string ToString() => Value;

    /// <summary>markupsafe.escape: &amp; &lt; &gt; " '.</summary>
    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")
        .Replace("\"", "&#34;").Replace("'", "&#39;");
}

/// <summary>A Python tuple: behaves as a list, prints as (a, b). dict.items(), dictsort and `(a, b)` make them.</summary>
public sealed class JinjaTuple : List<object?>
{
    public JinjaTuple() { }

    public JinjaTuple(IEnumerable<object?> items) : base(items) { }
}

/// <summary>namespace(): the one object a template may mutate from inside a loop (`set ns.x = ...`).</summary>
public sealed class JinjaNamespace
{
    public JinjaDict Attributes { get; } = new();
}

/// <summary>Positional and keyword arguments of one call.</summary>
public sealed record JinjaArguments(IReadOnlyList<object?> Positional, IReadOnlyDictionary<string, object?> Keywords)
{
    public static readonly JinjaArguments Empty = new([], new Dictionary<string, object?>());

    /// <summary>Argument by keyword, else by position, else the fallback.</summary>
    public object? Get(int position, string keyword, object? fallback = null)
    {
        if (Keywords.TryGetValue(keyword, out var byName)) return byName;
        return position >= 0 && position < Positional.Count ? Positional[position] : fallback;
    }

    public bool Has(int position, string keyword) => Keywords.ContainsKey(keyword) || (position >= 0 && position < Positional.Count);
}

/// <summary>Anything a template can call: raise_exception, range, a macro, a bound string method.</summary>
public sealed class JinjaCallable(string name, Func<JinjaArguments, object?> invoke)
{
    public string Name { get; } = name;

    public object? Invoke(JinjaArguments arguments) => invoke(arguments);

    public override string ToString() => $"<callable {Name}>";
}
