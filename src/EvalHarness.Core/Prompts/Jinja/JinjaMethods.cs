using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// The Python methods templates call on values: str (strip, split, startswith, replace, format, ...), dict
/// (items, keys, values, get) and list (append, pop, index, count), with Python's argument conventions.
/// </summary>
internal static class JinjaMethods
{
    private static readonly HashSet<string> DictMethods = ["items", "keys", "values", "get", "pop", "update", "copy", "setdefault"];

    public static bool IsDictMethod(string name) => DictMethods.Contains(name);

    /// <summary>The method as a callable bound to its receiver, or null when the type has no such method.</summary>
    public static JinjaCallable? Bind(object? receiver, string name) => JinjaOps.Unwrap(receiver) switch
    {
        string s => StringMethod(s, name),
        JinjaDict d => DictMethod(d, name),
        List<object?> l => ListMethod(l, name),
        _ => null,
    };

    private static string Str(JinjaArguments a, int i, string keyword) =>
        a.Get(i, keyword) is string s ? s : throw new InvalidOperationException($"argument {keyword} must be a string, got {JinjaOps.TypeName(a.Get(i, keyword))}");

    private static string? OptionalChars(JinjaArguments a) => a.Get(0, "chars") is string s ? s : null;

    private static JinjaCallable? StringMethod(string s, string name) => name switch
    {
        "strip" => new(name, a => PyStrip(s, OptionalChars(a), true, true)),
        "lstrip" => new(name, a => PyStrip(s, OptionalChars(a), true, false)),
        "rstrip" => new(name, a => PyStrip(s, OptionalChars(a), false, true)),
        "upper" => new(name, _ => s.ToUpperInvariant()),
        "lower" => new(name, _ => s.ToLowerInvariant()),
        "title" => new(name, _ => Title(s)),
        "capitalize" => new(name, _ => Capitalize(s)),
        "split" => new(name, a => Split(s, a.Get(0, "sep") as string, a.Get(1, "maxsplit") is long m ? (int)m : -1)),
        "rsplit" => new(name, a => RSplit(s, a.Get(0, "sep") as string, a.Get(1, "maxsplit") is long m ? (int)m : -1)),
        "splitlines" => new(name, _ => SplitLines(s).Select(x => (object?)x).ToList()),
        "startswith" => new(name, a => Affix(a.Get(0, "prefix")).Any(p => s.StartsWith(p, StringComparison.Ordinal))),
        "endswith" => new(name, a => Affix(a.Get(0, "suffix")).Any(p => s.EndsWith(p, StringComparison.Ordinal))),
        "replace" => new(name, a => Replace(s, Str(a, 0, "old"), Str(a, 1, "new"), a.Get(2, "count") is long c ? c : -1)),
        "find" => new(name, a => (long)s.IndexOf(Str(a, 0, "sub"), StringComparison.Ordinal)),
        "rfind" => new(name, a => (long)s.LastIndexOf(Str(a, 0, "sub"), StringComparison.Ordinal)),
        "count" => new(name, a => (long)CountOccurrences(s, Str(a, 0, "sub"))),
        "join" => new(name, a => string.Join(s, JinjaOps.Iterate(a.Get(0, "iterable")).Select(JinjaOps.ToStr))),
        "isdigit" => new(name, _ => s.Length > 0 && s.All(char.IsDigit)),
        "isspace" => new(name, _ => s.Length > 0 && s.All(char.IsWhiteSpace)),
        "isalpha" => new(name, _ => s.Length > 0 && s.All(char.IsLetter)),
        "format" => new(name, a => Format(s, a)),
        _ => null,
    };

    /// <summary>Python's str.splitlines() for \n, \r\n and \r: no empty item after a final line break.</summary>
    public static List<string> SplitLines(string s)
    {
        var lines = s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static IEnumerable<string> Affix(object? value) => value switch
    {
        string s => [s],
        List<object?> list => list.Select(JinjaOps.ToStr),
        _ => throw new InvalidOperationException($"startswith/endswith take a string or tuple, got {JinjaOps.TypeName(value)}"),
    };

    public static string PyStrip(string s, string? chars, bool left, bool right)
    {
        Func<char, bool> strip = chars is null ? char.IsWhiteSpace : chars.Contains;
        var start = 0;
        var end = s.Length;
        if (left) while (start < end && strip(s[start])) start++;
        if (right) while (end > start && strip(s[end - 1])) end--;
        return s[start..end];
    }

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previousIsLetter = false;
        foreach (var c in s)
        {
            sb.Append(previousIsLetter ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousIsLetter = char.IsLetter(c);
        }
        return sb.ToString();
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();

    private static List<object?> Split(string s, string? sep, int maxSplit)
    {
        if (sep is null)
        {
            var parts = new List<object?>();
            var i = 0;
            while (true)
            {
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i >= s.Length) break;
                if (maxSplit >= 0 && parts.Count == maxSplit) { parts.Add(s[i..].TrimEnd()); break; }
                var start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i])) i++;
                parts.Add(s[start..i]);
            }
            return parts;
        }
        if (sep.Length == 0) throw new InvalidOperationException("empty separator");
        var count = maxSplit < 0 ? int.MaxValue : maxSplit + 1;
        return s.Split(sep, count).Select(p => (object?)p).ToList();
    }

    private static List<object?> RSplit(string s, string? sep, int maxSplit)
    {
        if (maxSplit < 0 || sep is null) return Split(s, sep, maxSplit);
        var parts = new List<object?>();
        var rest = s;
        while (parts.Count < maxSplit)
        {
            var at = rest.LastIndexOf(sep, StringComparison.Ordinal);
            if (at < 0) break;
            parts.Insert(0, rest[(at + sep.Length)..]);
            rest = rest[..at];
        }
        parts.Insert(0, rest);
        return parts;
    }

    private static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0) return old.Length == 0 ? InsertBetween(s, replacement) : s.Replace(old, replacement, StringComparison.Ordinal);
        var sb = new StringBuilder();
        var pos = 0;
        for (var n = 0; n < count; n++)
        {
            var at = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (at < 0 || old.Length == 0) break;
            sb.Append(s, pos, at - pos).Append(replacement);
            pos = at + old.Length;
        }
        return sb.Append(s, pos, s.Length - pos).ToString();
    }

    private static string InsertBetween(string s, string sep) => sep + string.Join(sep, s.Select(c => c.ToString())) + sep;

    private static int CountOccurrences(string s, string sub)
    {
        if (sub.Length == 0) return s.Length + 1;
        var count = 0;
        for (var at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + sub.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>str.format with {}, {0} and {name} fields (no format specs beyond plain conversion).</summary>
    private static string Format(string s, JinjaArguments a)
    {
        var sb = new StringBuilder();
        var auto = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '{' && i + 1 < s.Length && s[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < s.Length && s[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c != '{') { sb.Append(c); continue; }
            var close = s.IndexOf('}', i);
            if (close < 0) throw new InvalidOperationException("single '{' encountered in format string");
            var field = s[(i + 1)..close].Split(':')[0];
            object? value = field.Length == 0 ? a.Positional.ElementAtOrDefault(auto++)
                : int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? a.Positional.ElementAtOrDefault(n)
                : a.Keywords.GetValueOrDefault(field);
            sb.Append(JinjaOps.ToStr(value));
            i = close;
        }
        return sb.ToString();
    }

    private static JinjaCallable? DictMethod(JinjaDict d, string name) => name switch
    {
        "items" => new(name, _ => d.Select(kv => (object?)new JinjaTuple { kv.Key, kv.Value }).ToList()),
        "keys" => new(name, _ => d.Keys.Select(k => (object?)k).ToList()),
        "values" => new(name, _ => d.Values.ToList()),
        "get" => new(name, a => a.Get(0, "key") is { } k and not JinjaUndefined && d.TryGetValue(k, out var v) ? v : a.Get(1, "default")),
        "pop" => new(name, a =>
        {
            var key = a.Get(0, "key") ?? throw new InvalidOperationException("KeyError: None");
            if (d.Remove(key, out var v)) return v;
            return a.Has(1, "default") ? a.Get(1, "default") : throw new InvalidOperationException($"KeyError: '{key}'");
        }),
        "setdefault" => new(name, a =>
        {
            var key = a.Get(0, "key") ?? throw new InvalidOperationException("KeyError: None");
            if (!d.TryGetValue(key, out var v)) d[key] = v = a.Get(1, "default");
            return v;
        }),
        "update" => new(name, a =>
        {
            if (a.Get(0, "other") is JinjaDict other) foreach (var (k, v) in other) d[k] = v;
            foreach (var (k, v) in a.Keywords) d[k] = v;
            return null;
        }),
        "copy" => new(name, _ => new JinjaDict(d)),
        _ => null,
    };

    private static JinjaCallable? ListMethod(List<object?> l, string name) => name switch
    {
        "append" => new(name, a => { l.Add(a.Get(0, "item")); return null; }),
        "extend" => new(name, a => { l.AddRange(JinjaOps.Iterate(a.Get(0, "iterable")).ToList()); return null; }),
        "insert" => new(name, a => { l.Insert(NormalizeIndex(JinjaOps.ToLong(a.Get(0, "index")), l.Count, clamp: true), a.Get(1, "item")); return null; }),
        "pop" => new(name, a =>
        {
            if (l.Count == 0) throw new InvalidOperationException("pop from empty list");
            var i = NormalizeIndex(a.Has(0, "index") ? JinjaOps.ToLong(a.Get(0, "index")) : -1, l.Count, clamp: false);
            var item = l[i];
            l.RemoveAt(i);
            return item;
        }),
        "index" => new(name, a =>
        {
            var i = l.FindIndex(x => JinjaOps.Equals(x, a.Get(0, "item")));
            return i >= 0 ? (object)(long)i : throw new InvalidOperationException("item is not in list");
        }),
        "count" => new(name, a => (long)l.Count(x => JinjaOps.Equals(x, a.Get(0, "item")))),
        _ => null,
    };

    private static int NormalizeIndex(long i, int count, bool clamp)
    {
        if (i < 0) i += count;
        if (clamp) return (int)Math.Clamp(i, 0, count);
        if (i < 0 || i >= count) throw new InvalidOperationException("list index out of range");
        return (int)i;
    }

    /// <summary>Python's slice semantics, negative steps included ([::-1] reverses).</summary>
    public static IEnumerable<int> SliceIndices(int length, long? start, long? stop, long step)
    {
        if (step == 0) throw new InvalidOperationException("slice step cannot be zero");
        long Clip(long? v, long fallback, long low, long high)
        {
            if (v is null) return fallback;
            var x = v.Value < 0 ? v.Value + length : v.Value;
            return Math.Clamp(x, low, high);
        }
        if (step > 0)
        {
            var from = Clip(start, 0, 0, length);
            var to = Clip(stop, length, 0, length);
            for (var i = from; i < to; i += step) yield return (int)i;
        }
        else
        {
            var from = Clip(start, length - 1, -1, length - 1);
            var to = Clip(stop, -1, -1, length - 1);
            for (var i = from; i > to; i += step) yield return (int)i;
        }
    }
}
