using System.Globalization;
using System.Text;

namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// The functions every chat template may call: range, dict, namespace, raise_exception (Hugging Face's, for
/// templates that reject a conversation) and strftime_now (Hugging Face's, Python strftime codes).
/// </summary>
internal static class JinjaGlobals
{
    public static void AddTo(JinjaScope scope, JinjaOptions options)
    {
        scope.Set("range", new JinjaCallable("range", Range));
        scope.Set("dict", new JinjaCallable("dict", args =>
        {
            var dict = args.Positional.Count > 0 && args.Positional[0] is JinjaDict source ? new JinjaDict(source) : new JinjaDict();
            foreach (var (k, v) in args.Keywords) dict[k] = v;
            return dict;
        }));
        scope.Set("namespace", new JinjaCallable("namespace", args =>
        {
            var ns = new JinjaNamespace();
            if (args.Positional.Count > 0 && args.Positional[0] is JinjaDict initial) foreach (var (k, v) in initial) ns.Attributes[k] = v;
            foreach (var (k, v) in args.Keywords) ns.Attributes[k] = v;
            return ns;
        }));
        scope.Set("raise_exception", new JinjaCallable("raise_exception", args =>
            throw new TemplateRaisedException(JinjaOps.ToStr(args.Get(0, "message", "raise_exception() called")))));
        scope.Set("strftime_now", new JinjaCallable("strftime_now", args => Strftime(options.Now(), JinjaOps.ToStr(args.Get(0, "format")))));
    }

    private static object? Range(JinjaArguments args)
    {
        var numbers = args.Positional.Select(JinjaOps.ToLong).ToList();
        var (start, stop, step) = numbers.Count switch
        {
            1 => (0L, numbers[0], 1L),
            2 => (numbers[0], numbers[1], 1L),
            3 => (numbers[0], numbers[1], numbers[2]),
            _ => throw new InvalidOperationException("range() takes 1 to 3 integer arguments"),
        };
        if (step == 0) throw new InvalidOperationException("range() arg 3 must not be zero");
        var count = step > 0 ? Math.Max(0, (stop - start + step - 1) / step) : Math.Max(0, (start - stop - step - 1) / -step);
        if (count > 1_000_000) throw new InvalidOperationException($"range() of {count} items exceeds the limit of 1000000");
        var result = new List<object?>((int)count);
        for (var i = 0L; i < count; i++) result.Add(start + i * step);
        return result;
    }

    /// <summary>Python's time.strftime for the codes chat templates use (C locale names).</summary>
    public static string Strftime(DateTime t, string format)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
            var code = format[++i];
            var noPad = false;
            if (code == '-' && i + 1 < format.Length) { noPad = true; code = format[++i]; }
            string Num(int v, int width) => noPad ? v.ToString(CultureInfo.InvariantCulture) : v.ToString(new string('0', width), CultureInfo.InvariantCulture);
            sb.Append(code switch
            {
                'Y' => t.Year.ToString(CultureInfo.InvariantCulture),
                'y' => Num(t.Year % 100, 2),
                'm' => Num(t.Month, 2),
                'd' => Num(t.Day, 2),
                'e' => t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2),
                'H' => Num(t.Hour, 2),
                'I' => Num(t.Hour % 12 == 0 ? 12 : t.Hour % 12, 2),
                'M' => Num(t.Minute, 2),
                'S' => Num(t.Second, 2),
                'p' => t.Hour < 12 ? "AM" : "PM",
                'j' => Num(t.DayOfYear, 3),
                'b' or 'h' => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(t.Month),
                'B' => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(t.Month),
                'a' => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(t.DayOfWeek),
                'A' => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(t.DayOfWeek),
                'w' => ((int)t.DayOfWeek).ToString(CultureInfo.InvariantCulture),
                'F' => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                'T' => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                '%' => "%",
                _ => "%" + code,
            });
        }
        return sb.ToString();
    }
}

/// <summary>raise_exception(message) from a template: the renderer reports it with the call's line.</summary>
internal sealed class TemplateRaisedException(string message) : Exception(message);
