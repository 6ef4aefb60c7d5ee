using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.MathAnswers;

/// <summary>
/// A port of lm-eval's hendrycks_math <c>strip_string</c> (tasks/hendrycks_math/utils.py), step for step.
/// Where the Python raises (an <c>a/b</c> whose parts are not integers, two <c>"\text{ "</c> unit markers, a
/// dangling <c>\frac</c> or <c>\sqrt</c>) <see cref="TryStrip"/> returns null, so that the caller can fall back
/// to raw string equality exactly as <c>is_equiv</c>'s <c>except Exception</c> does.
/// </summary>
public static partial class HendrycksMathNormaliser
{
    /// <summary>The normalised answer, or null where lm-eval's strip_string would raise.</summary>
    public static string? TryStrip(string text)
    {
        var s = text.Replace("\n", "", StringComparison.Ordinal)
            .Replace("\\!", "", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal)
            .Replace("tfrac", "frac", StringComparison.Ordinal)
            .Replace("dfrac", "frac", StringComparison.Ordinal)
            .Replace("\\left", "", StringComparison.Ordinal)
            .Replace("\\right", "", StringComparison.Ordinal)
            .Replace("^{\\circ}", "", StringComparison.Ordinal)
            .Replace("^\\circ", "", StringComparison.Ordinal)
            .Replace("\\$", "", StringComparison.Ordinal);

        var withoutUnits = RemoveRightUnits(s);
        if (withoutUnits is null)
        {
            return null;
        }

        s = withoutUnits.Replace("\\%", "", StringComparison.Ordinal)
            .Replace(" .", " 0.", StringComparison.Ordinal)
            .Replace("{.", "{0.", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            return s;
        }

        if (s[0] == '.')
        {
            s = "0" + s;
        }

        // "k = 5" → "5" when the left side is short (a variable name).
        var sides = s.Split('=');
        if (sides.Length == 2 && sides[0].Length <= 2)
        {
            s = sides[1];
        }

        var withSqrt = FixSqrt(s);
        if (withSqrt is null)
        {
            return null;
        }

        s = withSqrt.Replace(" ", "", StringComparison.Ordinal);
        var withFracs = FixFracs(s);
        if (withFracs is null)
        {
            return null;
        }

        s = withFracs == "0.5" ? "\\frac{1}{2}" : withFracs;
        return FixASlashB(s);
    }

    /// <summary>lm-eval's hendrycks_math <c>is_equiv</c>: normalised strings equal; raw equality if normalising fails.</summary>
    public static bool IsEquivalent(string predicted, string target)
    {
        var a = TryStrip(predicted);
        var b = TryStrip(target);
        return a is null || b is null ? string.Equals(predicted, target, StringComparison.Ordinal) : a == b;
    }

    private static string? RemoveRightUnits(string s)
    {
        // lm-eval: "\text{ " only ever introduces units; it asserts there is exactly one.
        const string Marker = "\\text{ ";
        if (!s.Contains(Marker, StringComparison.Ordinal))
        {
            return s;
        }

        var parts = s.Split(Marker);
        return parts.Length == 2 ? parts[0] : null;
    }

    private static string? FixSqrt(string s)
    {
        if (!s.Contains("\\sqrt", StringComparison.Ordinal))
        {
            return s;
        }

        var parts = s.Split("\\sqrt");
        var result = new StringBuilder(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            if (part.Length == 0)
            {
                return null; // Python: IndexError on split[0]
            }

            result.Append(part[0] != '{' ? "\\sqrt{" + part[0] + "}" + part[1..] : "\\sqrt" + part);
        }

        return result.ToString();
    }

    private static string? FixFracs(string s)
    {
        var parts = s.Split("\\frac");
        var result = new StringBuilder(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            result.Append("\\frac");
            if (part.Length == 0)
            {
                return null; // Python: IndexError on substr[0]
            }

            if (part[0] == '{')
            {
                result.Append(part);
                continue;
            }

            if (part.Length < 2)
            {
                return s; // lm-eval returns the string unchanged when the assertion fails
            }

            var (a, b, rest) = (part[0], part[1], part[2..]);
            result.Append(b != '{' ? "{" + a + "}{" + b + "}" + rest : "{" + a + "}" + b + rest);
        }

        return result.ToString();
    }

    private static string? FixASlashB(string s)
    {
        var parts = s.Split('/');
        if (parts.Length != 2)
        {
            return s;
        }

        if (!TryParsePythonInt(parts[0], out var a) || !TryParsePythonInt(parts[1], out var b))
        {
            return null; // Python: int() raises ValueError, which is_equiv catches
        }

        var canonical = a.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" +
                        b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return s == canonical ? "\\frac{" + parts[0] + "}{" + parts[1] + "}" : s;
    }

    /// <summary>What Python's <c>int(str)</c> accepts: optional sign, digits with single underscores, outer spaces.</summary>
    private static bool TryParsePythonInt(string text, out BigInteger value)
    {
        value = default;
        if (!PythonInt().IsMatch(text))
        {
            return false;
        }

        return BigInteger.TryParse(text.Trim().Replace("_", "", StringComparison.Ordinal),
            System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture,
            out value);
    }

    [GeneratedRegex(@"^\s*[+-]?[0-9]+(_[0-9]+)*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonInt();
}
