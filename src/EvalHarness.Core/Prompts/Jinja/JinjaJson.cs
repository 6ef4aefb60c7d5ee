using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// The tojson filter as Hugging Face's chat-template environment defines it: Python's
/// <c>json.dumps(x, ensure_ascii=False, indent=indent, separators=separators, sort_keys=sort_keys)</c>: insertion
/// order unless sort_keys, no HTML escaping (unlike Jinja2's own tojson), ", " and ": " separators (","
/// between items when indented), non-ASCII kept unless ensure_ascii.
/// </summary>
internal sealed class JinjaJson
{
    private readonly string? _indent;
    private readonly string _itemSeparator;
    private readonly string _keySeparator;
    private readonly bool _sortKeys;
    private readonly bool _ensureAscii;

    public JinjaJson(object? indent, bool sortKeys, bool ensureAscii, object? separators)
    {
        _indent = indent switch
        {
            null or JinjaUndefined => null,
            long n => new string(' ', (int)Math.Max(0, n)),
            string s => s,
            _ => throw new InvalidOperationException($"tojson indent must be an int or string, got {JinjaOps.TypeName(indent)}"),
        };
        _itemSeparator = _indent is null ? ", " : ",";
        _keySeparator = ": ";
        if (separators is List<object?> { Count: 2 } pair)
        {
            _itemSeparator = JinjaOps.ToStr(pair[0]);
            _keySeparator = JinjaOps.ToStr(pair[1]);
        }
        _sortKeys = sortKeys;
        _ensureAscii = ensureAscii;
    }

    public static string Serialize(object? value, JinjaArguments args) =>
        new JinjaJson(args.Get(0, "indent"), JinjaOps.IsTruthy(args.Get(-1, "sort_keys", false)),
            JinjaOps.IsTruthy(args.Get(-1, "ensure_ascii", false)), args.Get(-1, "separators")).Serialize(value);

    public string Serialize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private void Write(StringBuilder sb, object? value, int level)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity") : JinjaOps.FormatDouble(d));
                break;
            case string s: WriteString(sb, s); break;
            case JinjaMarkup m: WriteString(sb, m.Value); break;
            case List<object?> list:
                WriteContainer(sb, '[', ']', list, level, (item, l) => Write(sb, item, l));
                break;
            case JinjaDict dict:
                IEnumerable<KeyValuePair<object, object?>> pairs = _sortKeys ? dict.OrderBy(kv => kv.Key, Comparer<object>.Create(JinjaOps.Compare)) : dict;
                WriteContainer(sb, '{', '}', pairs.ToList(), level, (kv, l) =>
                {
                    WriteString(sb, JsonKey(kv.Key));
                    sb.Append(_keySeparator);
                    Write(sb, kv.Value, l);
                });
                break;
            case JinjaNamespace ns: Write(sb, ns.Attributes, level); break;
            default: throw new InvalidOperationException($"Object of type {JinjaOps.TypeName(value)} is not JSON serializable");
        }
    }

    private void WriteContainer<T>(StringBuilder sb, char open, char close, IReadOnlyList<T> items, int level, Action<T, int> writeItem)
    {
        sb.Append(open);
        if (items.Count == 0)
        {
            sb.Append(close);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(_itemSeparator);
            if (_indent is not null) sb.Append('\n').Append(string.Concat(Enumerable.Repeat(_indent, level + 1)));
            writeItem(items[i], level + 1);
        }
        if (_indent is not null) sb.Append('\n').Append(string.Concat(Enumerable.Repeat(_indent, level)));
        sb.Append(close);
    }

    /// <summary>json.dumps turns non-string keys into strings: 1 → "1", True → "true", 1.5 → "1.5".</summary>
    private static string JsonKey(object key) => key switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d => JinjaOps.FormatDouble(d),
        _ => JinjaOps.ToStr(key),
    };

    private void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (_ensureAscii && c > 0x7f)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
