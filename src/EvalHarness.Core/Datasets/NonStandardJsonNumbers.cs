using System.Text;

namespace EvalHarness.Core.Datasets;

/// <summary>
/// Python's json module writes float('inf') as a bare <c>Infinity</c>, which strict JSON parsers reject; EvalPlus's
/// MBPP+ file does this (Mbpp/404). Outside string literals, <c>Infinity</c> and <c>-Infinity</c> become
/// <c>1e999</c> and <c>-1e999</c>: valid JSON numbers that Python reads back as the same infinities, so a record
/// passed on to Python code (the EvalPlus checker) means exactly what the file meant. NaN has no such spelling and
/// is left alone (the line stays unreadable).
/// </summary>
public static class NonStandardJsonNumbers
{
    private const string Infinity = "Infinity";

    /// <summary>The line with bare infinities rewritten, or null when it has none.</summary>
    public static string? RewriteInfinities(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        StringBuilder? rewritten = null;
        var inString = false;
        var copied = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') { inString = true; continue; }
            if (c != 'I' || string.CompareOrdinal(json, i, Infinity, 0, Infinity.Length) != 0) continue;
            rewritten ??= new StringBuilder(json.Length + 16);
            rewritten.Append(json, copied, i - copied).Append("1e999");
            i += Infinity.Length - 1;
            copied = i + 1;
        }
        return rewritten?.Append(json, copied, json.Length - copied).ToString();
    }
}
