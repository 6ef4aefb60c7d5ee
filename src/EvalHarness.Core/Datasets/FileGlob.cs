using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Datasets;

/// <summary>
/// Matches dataset paths against a split's glob: <c>*</c> and <c>?</c> within one folder name, <c>**/</c> any
/// number of folders including none (so <c>**/test.jsonl</c> finds the file at the root of a local copy and under
/// <c>grade_school_math/data/</c> in the authors' layout alike). Matches come back sorted ordinally, so the
/// order of records never depends on the file system.
/// </summary>
public static class FileGlob
{
    public static IReadOnlyList<string> Find(string root, string pattern)
    {
        if (!Directory.Exists(root)) return [];
        var regex = ToRegex(pattern);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(relative => regex.IsMatch(relative))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 2 < pattern.Length && pattern[i + 1] == '*' && pattern[i + 2] == '/') { regex.Append("(?:.*/)?"); i += 2; }
            else if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*') { regex.Append(".*"); i++; }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
