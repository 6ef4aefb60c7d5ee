using System.Collections;
using System.Text.Json;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// A parsed Jinja2 template, reusable across renders. Parse errors surface here, render errors from
/// <see cref="Render"/>, both as <see cref="JinjaTemplateException"/> with the construct and line.
/// </summary>
public sealed class JinjaTemplate
{
    private readonly IReadOnlyList<JinjaNode> _nodes;

    private JinjaTemplate(string source, IReadOnlyList<JinjaNode> nodes, JinjaOptions options)
    {
        Source = source;
        _nodes = nodes;
        Options = options;
    }

    public string Source { get; }

    public JinjaOptions Options { get; }

    public static JinjaTemplate Parse(string source, JinjaOptions? options = null)
    {
        options ??= JinjaOptions.Default;
        return new JinjaTemplate(source, JinjaParser.Parse(source, options.TrimBlocks, options.LstripBlocks, options.KeepTrailingNewline), options);
    }

    /// <summary>Renders with these variables; values may be CLR values (converted by <see cref="ToValue"/>).</summary>
    public string Render(IReadOnlyDictionary<string, object?> variables)
    {
        var globals = new JinjaScope(null);
        JinjaGlobals.AddTo(globals, Options);
        var scope = new JinjaScope(globals);
        foreach (var (name, value) in variables) scope.Set(name, ToValue(value));
        try
        {
            return new JinjaRenderer(Options).Render(_nodes, scope);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new JinjaTemplateException("expressions nested too deeply", 0, "template");
        }
    }

    /// <summary>
    /// Converts CLR data to the engine's value model: integers to long, floating point to double, dictionaries to
    /// <see cref="JinjaDict"/>, other enumerables to lists, <see cref="JsonElement"/> by its kind. Values already in
    /// the model pass through.
    /// </summary>
    public static object? ToValue(object? value) => value switch
    {
        null or string or bool or long or double or JinjaUndefined or JinjaNamespace or JinjaCallable or JinjaMarkup => value,
        JinjaDict dict => dict,
        JinjaTuple tuple => tuple,
        List<object?> list => list.Select(ToValue).ToList(),
        int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        ulong u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        JsonElement json => FromJson(json),
        IEnumerable<KeyValuePair<string, object?>> pairs => new JinjaDict(pairs.Select(kv => new KeyValuePair<string, object?>(kv.Key, ToValue(kv.Value)))),
        IDictionary dict => FromDictionary(dict),
        IEnumerable items => items.Cast<object?>().Select(ToValue).ToList(),
        _ => value.ToString(),
    };

    private static JinjaDict FromDictionary(IDictionary dict)
    {
        var result = new JinjaDict();
        var entries = dict.GetEnumerator();
        while (entries.MoveNext()) result[ToValue(entries.Key) ?? "None"] = ToValue(entries.Value);
        return result;
    }

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => new JinjaDict(json.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetInt64(out var l) ? l : json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
