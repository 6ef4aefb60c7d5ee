using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>Jinja2's built-in filters as chat templates use them, with Jinja2's defaults (e.g. case-insensitive sort).</summary>
internal sealed partial class JinjaRenderer
{
    private object? ApplyFilter(FilterCall filter, object? value, JinjaScope scope)
    {
        var args = EvaluateArguments(filter.Arguments, filter.Keywords, scope);
        try
        {
            return RunFilter(filter.Name, value, args, scope, filter.Line);
        }
        catch (Exception e) when (e is not JinjaTemplateException and not OutOfMemoryException)
        {
            throw new JinjaTemplateException(e.Message, filter.Line, $"filter '{filter.Name}'");
        }
    }

    private object? RunFilter(string name, object? value, JinjaArguments args, JinjaScope scope, int line)
    {
        switch (name)
        {
            case "trim": return JinjaMethods.PyStrip(ToText(value), args.Get(0, "chars") as string, true, true);
            case "tojson": return JinjaJson.Serialize(value, args);
            case "length" or "count": return (long)Length(value);
            case "upper": return ToText(value).ToUpperInvariant();
            case "lower": return ToText(value).ToLowerInvariant();
            case "capitalize": return JinjaMethods.Capitalize(ToText(value));
            case "title": return TitleFilter(ToText(value));
            case "replace":
                return JinjaMethods.Bind(ToText(value), "replace")!.Invoke(new JinjaArguments(
                    [JinjaOps.ToStr(args.Get(0, "old")), JinjaOps.ToStr(args.Get(1, "new")), args.Get(2, "count")], new Dictionary<string, object?>()));
            case "join":
                var separator = JinjaOps.ToStr(args.Get(0, "d", ""));
                var attribute = args.Get(1, "attribute") as string;
                return string.Join(separator, JinjaOps.Iterate(value).Select(x => JinjaOps.ToStr(attribute is null ? x : LookupPath(x, attribute))));
            case "default" or "d":
                var useFallback = JinjaOps.IsTruthy(args.Get(1, "boolean", false)) ? !JinjaOps.IsTruthy(value) : value is JinjaUndefined;
                return useFallback ? args.Get(0, "default_value", "") : value;
            case "items":
                return value switch
                {
                    JinjaDict d => JinjaMethods.Bind(d, "items")!.Invoke(JinjaArguments.Empty),
                    JinjaUndefined => new List<object?>(),
                    _ => throw new InvalidOperationException($"can only get items of a mapping, got {JinjaOps.TypeName(value)}"),
                };
            case "list": return JinjaOps.Iterate(value).ToList();
            case "first": return JinjaOps.Iterate(value).FirstOrDefault(new JinjaUndefined("first"));
            case "last": return value is List<object?> { Count: > 0 } l ? l[^1] : JinjaOps.Iterate(value).LastOrDefault(new JinjaUndefined("last"));
            case "string": return JinjaOps.ToStr(value);
            case "int": return ToInt(value, args);
            case "float": return ToFloat(value, args);
            case "abs": return value is double d1 ? Math.Abs(d1) : (object)Math.Abs(JinjaOps.ToLong(value));
            case "round": return Round(value, args);
            case "reverse":
                return value is string rs ? new string(rs.Reverse().ToArray()) : JinjaOps.Iterate(value).Reverse().ToList();
            case "indent": return Indent(ToText(value), args);
            case "safe": return value as JinjaMarkup ?? new JinjaMarkup(JinjaOps.ToStr(value));
            case "escape" or "e": return value as JinjaMarkup ?? new JinjaMarkup(JinjaMarkup.Escape(JinjaOps.ToStr(value)));
            case "forceescape": return new JinjaMarkup(JinjaMarkup.Escape(JinjaOps.ToStr(value)));
            case "wordcount": return (long)WordPattern().Count(ToText(value));
            case "center":
                var text = ToText(value);
                var width = (int)JinjaOps.ToLong(args.Get(0, "width", 80L));
                var pad = Math.Max(0, width - text.Length);
                return new string(' ', pad / 2) + text + new string(' ', pad - pad / 2);
            case "format": return PercentFormat(ToText(value), args.Positional);
            case "truncate":
                var full = ToText(value);
                var length = (int)JinjaOps.ToLong(args.Get(0, "length", 255L));
                return full.Length <= length ? full : full[..Math.Max(0, length - 3)] + "...";
            default:
                return RunCollectionFilter(name, value, args, scope, line);
        }
    }

    private object? RunCollectionFilter(string name, object? value, JinjaArguments args, JinjaScope scope, int line)
    {
        switch (name)
        {
            case "dictsort": return DictSort(value, args);
            case "sort": return Sort(value, args);
            case "unique": return Unique(value, args);
            case "selectattr" or "rejectattr": return SelectAttribute(value, args, name == "selectattr", scope, line);
            case "select" or "reject": return Select(value, args, name == "select", scope, line);
            case "map": return Map(value, args, scope, line);
            case "min" or "max":
                var ordered = JinjaOps.Iterate(value).Order(Comparer<object?>.Create(JinjaOps.Compare)).ToList();
                return ordered.Count == 0 ? new JinjaUndefined(name) : name == "min" ? ordered[0] : ordered[^1];
            case "sum":
                return JinjaOps.Iterate(value).Aggregate(args.Get(-1, "start", 0L), (acc, x) => JinjaOps.Add(acc, args.Get(0, "attribute") is string a ? LookupPath(x, a) : x));
            case "batch": return Batch(value, args);
            default:
                throw new JinjaTemplateException($"unknown filter '{name}'", line, $"filter '{name}'");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\w+")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"([-\s({\[<]+)")]
    private static partial System.Text.RegularExpressions.Regex WordBeginning();

    /// <summary>Jinja2's title filter: words start after spaces, dashes and brackets (not after apostrophes, unlike str.title).</summary>
    private static string TitleFilter(string s) => string.Concat(WordBeginning().Split(s)
        .Where(item => item.Length > 0)
        .Select(item => char.ToUpperInvariant(item[0]) + item[1..].ToLowerInvariant()));

    internal static string PercentFormat(string format, object? values) =>
        PercentFormat(format, values is JinjaTuple tuple ? tuple : [values]);

    private static string ToText(object? value) => value is string s ? s : JinjaOps.ToStr(value);

    private static int Length(object? value) => JinjaOps.Unwrap(value) switch
    {
        string s => s.Length,
        List<object?> l => l.Count,
        JinjaDict d => d.Count,
        JinjaUndefined => 0,
        _ => throw new InvalidOperationException($"object of type '{JinjaOps.TypeName(value)}' has no len()"),
    };

    /// <summary>Attribute or key lookup along a dotted path, as selectattr/map/join/sort take it ("function.name").</summary>
    internal static object? LookupPath(object? item, string path)
    {
        foreach (var part in path.Split('.'))
        {
            item = item switch
            {
                JinjaDict d => d.TryGetValue(part, out var v) ? v : new JinjaUndefined(part),
                JinjaNamespace ns => ns.Attributes.TryGetValue(part, out var v) ? v : new JinjaUndefined(part),
                List<object?> l when int.TryParse(part, out var i) => i < l.Count ? l[i] : new JinjaUndefined(part),
                _ => new JinjaUndefined(part),
            };
        }
        return item;
    }

    private static object? ToInt(object? value, JinjaArguments args)
    {
        var fallback = args.Get(0, "default", 0L);
        switch (value)
        {
            case long or bool: return JinjaOps.ToLong(value);
            case double d: return (long)Math.Truncate(d);
            case string s:
                var t = s.Trim().Replace("_", "");
                if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)) return (long)Math.Truncate(f);
                return fallback;
            default: return fallback;
        }
    }

    private static object? ToFloat(object? value, JinjaArguments args) => value switch
    {
        long or bool or double => JinjaOps.ToDouble(value),
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f) => f,
        _ => args.Get(0, "default", 0.0),
    };

    private static object? Round(object? value, JinjaArguments args)
    {
        var precision = (int)JinjaOps.ToLong(args.Get(0, "precision", 0L));
        var method = JinjaOps.ToStr(args.Get(1, "method", "common"));
        var x = JinjaOps.ToDouble(value);
        var scale = Math.Pow(10, precision);
        return method switch
        {
            "ceil" => Math.Ceiling(x * scale) / scale,
            "floor" => Math.Floor(x * scale) / scale,
            _ => value is long l && precision >= 0 ? (object)l : Math.Round(x, Math.Clamp(precision, 0, 15), MidpointRounding.ToEven),
        };
    }

    private static object? SortKey(object? item, JinjaArguments args, int attributePosition)
    {
        var key = args.Get(attributePosition, "attribute") is string a ? LookupPath(item, a) : item;
        var caseSensitive = JinjaOps.IsTruthy(args.Get(-1, "case_sensitive", false));
        return !caseSensitive && key is string s ? s.ToLowerInvariant() : key;
    }

    private static List<object?> Unique(object? value, JinjaArguments args)
    {
        var seen = new List<object?>();
        var result = new List<object?>();
        foreach (var item in JinjaOps.Iterate(value))
        {
            var key = SortKey(item, args, 1);
            if (seen.Any(s => JinjaOps.Equals(s, key))) continue;
            seen.Add(key);
            result.Add(item);
        }
        return result;
    }

    private static List<object?> Sort(object? value, JinjaArguments args)
    {
        var reverse = JinjaOps.IsTruthy(args.Get(0, "reverse", false));
        var comparer = Comparer<object?>.Create((a, b) => JinjaOps.Compare(SortKey(a, args, 2), SortKey(b, args, 2)));
        var sorted = JinjaOps.Iterate(value).Order(comparer).ToList();
        if (reverse) sorted.Reverse();
        return sorted;
    }

    private static List<object?> DictSort(object? value, JinjaArguments args)
    {
        if (value is not JinjaDict dict) throw new InvalidOperationException($"dictsort needs a mapping, got {JinjaOps.TypeName(value)}");
        var caseSensitive = JinjaOps.IsTruthy(args.Get(0, "case_sensitive", false));
        var byValue = JinjaOps.ToStr(args.Get(1, "by", "key")) == "value";
        var reverse = JinjaOps.IsTruthy(args.Get(2, "reverse", false));
        object? Key(KeyValuePair<object, object?> kv)
        {
            var k = byValue ? kv.Value : kv.Key;
            return !caseSensitive && k is string s ? s.ToLowerInvariant() : k;
        }
        var sorted = dict.Order(Comparer<KeyValuePair<object, object?>>.Create((a, b) => JinjaOps.Compare(Key(a), Key(b))))
            .Select(kv => (object?)new JinjaTuple { kv.Key, kv.Value }).ToList();
        if (reverse) sorted.Reverse();
        return sorted;
    }

    /// <summary>Jinja2 3.x indent: every line but the first (unless first=True), blank lines only when blank=True.</summary>
    private static string Indent(string s, JinjaArguments args)
    {
        var width = args.Get(0, "width", 4L);
        var indentation = width is string w ? w : new string(' ', (int)JinjaOps.ToLong(width));
        var first = JinjaOps.IsTruthy(args.Get(1, "first", false));
        var blank = JinjaOps.IsTruthy(args.Get(2, "blank", false));
        var lines = JinjaMethods.SplitLines(s + "\n");
        string result;
        if (blank)
        {
            result = string.Join("\n" + indentation, lines);
        }
        else
        {
            result = lines[0];
            if (lines.Count > 1) result += "\n" + string.Join("\n", lines.Skip(1).Select(l => l.Length > 0 ? indentation + l : l));
        }
        return first ? indentation + result : result;
    }

    private static List<object?> Batch(object? value, JinjaArguments args)
    {
        var size = (int)Math.Max(1, JinjaOps.ToLong(args.Get(0, "linecount")));
        return JinjaOps.Iterate(value).Chunk(size).Select(c => (object?)c.ToList()).ToList();
    }

    private static string PercentFormat(string format, IReadOnlyList<object?> values)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
            var spec = format[++i];
            if (spec == '%') { sb.Append('%'); continue; }
            var v = next < values.Count ? values[next++] : throw new InvalidOperationException("not enough arguments for format string");
            sb.Append(spec == 'r' ? JinjaOps.Repr(v) : spec is 'd' or 'i' ? JinjaOps.ToLong(v).ToString(CultureInfo.InvariantCulture) : JinjaOps.ToStr(v));
        }
        return sb.ToString();
    }

    private List<object?> SelectAttribute(object? value, JinjaArguments args, bool keep, JinjaScope scope, int line)
    {
        if (!JinjaOps.IsTruthy(value)) return [];
        var attribute = JinjaOps.ToStr(args.Get(0, "attribute"));
        var testName = args.Positional.Count > 1 ? JinjaOps.ToStr(args.Positional[1]) : null;
        var testArgs = args.Positional.Skip(2).ToList();
        return JinjaOps.Iterate(value).Where(item =>
        {
            var field = LookupPath(item, attribute);
            var passed = testName is null ? JinjaOps.IsTruthy(field) : RunTest(testName, field, testArgs, scope, line);
            return passed == keep;
        }).ToList();
    }

    private List<object?> Select(object? value, JinjaArguments args, bool keep, JinjaScope scope, int line)
    {
        if (!JinjaOps.IsTruthy(value)) return [];
        var testName = args.Positional.Count > 0 ? JinjaOps.ToStr(args.Positional[0]) : null;
        var testArgs = args.Positional.Skip(1).ToList();
        return JinjaOps.Iterate(value)
            .Where(item => (testName is null ? JinjaOps.IsTruthy(item) : RunTest(testName, item, testArgs, scope, line)) == keep)
            .ToList();
    }

    /// <summary>Like Jinja2's select/reject/map, a falsy input (none, empty) maps to an empty list.</summary>
    private List<object?> Map(object? value, JinjaArguments args, JinjaScope scope, int line)
    {
        if (!JinjaOps.IsTruthy(value)) return [];
        if (args.Keywords.TryGetValue("attribute", out var attribute))
        {
            var hasDefault = args.Keywords.TryGetValue("default", out var fallback);
            return JinjaOps.Iterate(value).Select(item =>
            {
                var v = LookupPath(item, JinjaOps.ToStr(attribute));
                return v is JinjaUndefined && hasDefault ? fallback : v;
            }).ToList();
        }
        var filterName = JinjaOps.ToStr(args.Get(0, "filter"));
        var filterArgs = new JinjaArguments(args.Positional.Skip(1).ToList(), args.Keywords);
        return JinjaOps.Iterate(value).Select(item => RunFilter(filterName, item, filterArgs, scope, line)).ToList();
    }
}
