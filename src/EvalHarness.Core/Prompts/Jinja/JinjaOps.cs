using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// Python semantics for the value model: truthiness, str() and repr(), equality and ordering, arithmetic. Chat
/// templates were written against Python's Jinja2, so `{{ true }}` prints "True" and `1 == 1.0` holds.
/// </summary>
internal static class JinjaOps
{
    public static bool IsUndefined(object? v) => v is JinjaUndefined;

    /// <summary>Markup behaves as its text everywhere but in +.</summary>
    public static object? Unwrap(object? v) => v is JinjaMarkup m ? m.Value : v;

    public static bool IsTruthy(object? v) => Unwrap(v) switch
    {
        null or JinjaUndefined => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> list => list.Count > 0,
        JinjaDict dict => dict.Count > 0,
        _ => true,
    };

    /// <summary>Python's str(): what `{{ value }}` prints.</summary>
    public static string ToStr(object? v) => Unwrap(v) switch
    {
        null => "None",
        JinjaUndefined => "",
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        _ => Repr(v),
    };

    /// <summary>Python's repr(): how lists and dicts print their items.</summary>
    public static string Repr(object? v)
    {
        switch (Unwrap(v))
        {
            case string s: return ReprString(s);
            case JinjaTuple tuple: return "(" + string.Join(", ", tuple.Select(Repr)) + (tuple.Count == 1 ? ",)" : ")");
            case List<object?> list: return "[" + string.Join(", ", list.Select(Repr)) + "]";
            case JinjaDict dict: return "{" + string.Join(", ", dict.Select(kv => Repr(kv.Key) + ": " + Repr(kv.Value))) + "}";
            case JinjaNamespace ns: return "<Namespace " + Repr(ns.Attributes) + ">";
            case JinjaUndefined: return "Undefined";
            case null: return "None";
            case bool or long or double: return ToStr(v);
            default: return v?.ToString() ?? "";
        }
    }

    private static string ReprString(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>Python's repr of a float: shortest round-trip digits, ".0" on integers, e-notation from 1e16 and below 1e-4.</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var sign = r.StartsWith('-') ? "-" : "";
        if (sign.Length > 0) r = r[1..];
        var exponent = 0;
        var e = r.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var dot = r.IndexOf('.');
        var pointPosition = (dot >= 0 ? dot : r.Length) + exponent;
        var digits = r.Replace(".", "");
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0').TrimEnd('0');
        pointPosition -= leadingZeros;
        if (digits.Length == 0) digits = "0";
        var scientificExponent = pointPosition - 1;
        if (scientificExponent < -4 || scientificExponent >= 16)
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            var expSign = scientificExponent < 0 ? "-" : "+";
            return sign + mantissa + "e" + expSign + Math.Abs(scientificExponent).ToString("00", CultureInfo.InvariantCulture);
        }
        if (pointPosition <= 0) return sign + "0." + new string('0', -pointPosition) + digits;
        if (pointPosition >= digits.Length) return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
        return sign + digits[..pointPosition] + "." + digits[pointPosition..];
    }

    public static new bool Equals(object? a, object? b)
    {
        (a, b) = (Unwrap(a), Unwrap(b));
        if (a is JinjaUndefined && b is JinjaUndefined) return true;
        if (a is null || b is null) return a is null && b is null;
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double) return ToDouble(a) == ToDouble(b);
            return ToLong(a) == ToLong(b);
        }
        switch (a)
        {
            case string sa: return b is string sb && sa == sb;
            case List<object?> la:
                return b is List<object?> lb && la.Count == lb.Count && la.Zip(lb).All(p => Equals(p.First, p.Second));
            case JinjaDict da:
                return b is JinjaDict db && da.Count == db.Count
                    && da.All(kv => db.TryGetValue(kv.Key, out var other) && Equals(kv.Value, other));
            default: return ReferenceEquals(a, b);
        }
    }

    /// <summary>Ordering for &lt;, &gt;, sort: numbers with numbers, strings ordinally, lists item by item.</summary>
    public static int Compare(object? a, object? b)
    {
        (a, b) = (Unwrap(a), Unwrap(b));
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double) return ToDouble(a).CompareTo(ToDouble(b));
            return ToLong(a).CompareTo(ToLong(b));
        }
        if (a is string sa && b is string sb) return string.CompareOrdinal(sa, sb);
        if (a is List<object?> la && b is List<object?> lb)
        {
            for (var i = 0; i < Math.Min(la.Count, lb.Count); i++)
            {
                var c = Compare(la[i], lb[i]);
                if (c != 0) return c;
            }
            return la.Count.CompareTo(lb.Count);
        }
        throw new InvalidOperationException($"'<' not supported between {TypeName(a)} and {TypeName(b)}");
    }

    public static bool IsNumber(object? v) => v is long or double or bool;

    public static long ToLong(object? v) => v switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        double d => (long)d,
        _ => throw new InvalidOperationException($"expected a number, got {TypeName(v)}"),
    };

    public static double ToDouble(object? v) => v switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        double d => d,
        _ => throw new InvalidOperationException($"expected a number, got {TypeName(v)}"),
    };

    public static string TypeName(object? v) => v switch
    {
        null => "none",
        JinjaUndefined u => u.Name.Length > 0 ? $"undefined ('{u.Name}')" : "undefined",
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        JinjaMarkup => "Markup",
        List<object?> => "list",
        JinjaDict => "dict",
        JinjaNamespace => "namespace",
        JinjaCallable => "callable",
        _ => v.GetType().Name,
    };

    /// <summary>The items a for loop or filter walks: list items, dict keys, string characters; undefined is empty.</summary>
    public static IEnumerable<object?> Iterate(object? v) => Unwrap(v) switch
    {
        List<object?> list => list,
        JinjaDict dict => dict.Keys.Cast<object?>().ToList(),
        string s => s.Select(c => (object?)c.ToString()).ToList(),
        JinjaUndefined or null => v is null ? throw new InvalidOperationException("'NoneType' object is not iterable") : [],
        _ => throw new InvalidOperationException($"'{TypeName(v)}' object is not iterable"),
    };

    public static object? Add(object? a, object? b)
    {
        if (a is JinjaMarkup || b is JinjaMarkup)
        {
            string Escaped(object? x) => x switch
            {
                JinjaMarkup m => m.Value,
                string s => JinjaMarkup.Escape(s),
                _ => throw new InvalidOperationException($"unsupported operand types for +: {TypeName(a)} and {TypeName(b)}"),
            };
            return new JinjaMarkup(Escaped(a) + Escaped(b));
        }
        if (a is string sa && b is string sb) return sa + sb;
        if (a is List<object?> la && b is List<object?> lb) return new List<object?>([.. la, .. lb]);
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is double || b is double) return ToDouble(a) + ToDouble(b);
            return ToLong(a) + ToLong(b);
        }
        throw new InvalidOperationException($"unsupported operand types for +: {TypeName(a)} and {TypeName(b)}");
    }

    public static object? Arithmetic(string op, object? a, object? b)
    {
        if (op == "+") return Add(a, b);
        if (op == "%" && Unwrap(a) is string format) return JinjaRenderer.PercentFormat(format, b);
        if (op == "*" && a is string s && b is long n) return string.Concat(Enumerable.Repeat(s, (int)Math.Max(0, n)));
        if (op == "*" && a is List<object?> l && b is long times) return Enumerable.Range(0, (int)Math.Max(0, times)).SelectMany(_ => l).ToList();
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw new InvalidOperationException($"unsupported operand types for {op}: {TypeName(a)} and {TypeName(b)}");
        }
        var isFloat = a is double || b is double;
        switch (op)
        {
            case "-": return isFloat ? ToDouble(a) - ToDouble(b) : (object)(ToLong(a) - ToLong(b));
            case "*": return isFloat ? ToDouble(a) * ToDouble(b) : (object)(ToLong(a) * ToLong(b));
            case "/":
                if (ToDouble(b) == 0) throw new InvalidOperationException("division by zero");
                return ToDouble(a) / ToDouble(b);
            case "//":
                if (ToDouble(b) == 0) throw new InvalidOperationException("integer division by zero");
                if (isFloat) return Math.Floor(ToDouble(a) / ToDouble(b));
                return FloorDiv(ToLong(a), ToLong(b));
            case "%":
                if (ToDouble(b) == 0) throw new InvalidOperationException("modulo by zero");
                if (isFloat)
                {
                    var x = ToDouble(a); var y = ToDouble(b);
                    return x - y * Math.Floor(x / y);
                }
                return ToLong(a) - ToLong(b) * FloorDiv(ToLong(a), ToLong(b));
            case "**":
                if (!isFloat && ToLong(b) >= 0) return (long)Math.Pow(ToLong(a), ToLong(b));
                return Math.Pow(ToDouble(a), ToDouble(b));
            default: throw new InvalidOperationException($"unknown operator {op}");
        }
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }

    public static bool Contains(object? container, object? item) => Unwrap(container) switch
    {
        string s => Unwrap(item) is string sub ? s.Contains(sub, StringComparison.Ordinal) : throw new InvalidOperationException($"'in <string>' requires string as left operand, not {TypeName(item)}"),
        List<object?> list => list.Any(x => Equals(x, item)),
        JinjaDict dict => item is not null and not JinjaUndefined && dict.ContainsKey(item),
        JinjaNamespace ns => item is string key && ns.Attributes.ContainsKey(key),
        JinjaUndefined => false,
        _ => throw new InvalidOperationException($"argument of type '{TypeName(container)}' is not iterable"),
    };
}
