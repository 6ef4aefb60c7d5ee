using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// Splits Python source (or a model's mix of Python and prose) into top-level statements by lines and
/// indentation, the way a parser's module body would be split, without a parser. EvalPlus uses tree-sitter here;
/// the differences are deliberate and small:
/// <list type="bullet">
/// <item>A statement starts at a non-blank, non-comment line in column 0 outside any string, bracket or
///   continuation; `else`, `elif`, `except`, `finally` lines join the statement before them, and decorators join
///   the definition after them.</item>
/// <item>A column-0 line beginning with def, class, import, from … import or @ always starts a new statement,
///   even inside an unclosed bracket: prose such as "(see below" must not swallow the code after it.</item>
/// <item>Prose is not rejected, only classified as <see cref="PythonStatementKind.Other"/> (which sanitising
///   drops); EvalPlus first cuts the longest syntactically valid line range, which we cannot check without Python.</item>
/// </list>
/// </summary>
public static partial class PythonStatementSplitter
{
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    public static IReadOnlyList<PythonStatement> Split(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var statements = new List<PythonStatement>();
        var scanner = new PythonLineScanner();
        var current = new List<string>();
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (StartsNewStatement(line, scanner, current))
            {
                Flush(current, identifiers, statements);
                identifiers = new HashSet<string>(StringComparer.Ordinal);
                scanner.Reset();
            }
            current.Add(line);
            scanner.Scan(line, identifiers);
        }
        Flush(current, identifiers, statements);
        return statements;
    }

    private static bool StartsNewStatement(string line, PythonLineScanner scanner, List<string> current)
    {
        if (current.Count == 0 || line.Length == 0 || char.IsWhiteSpace(line[0]) || line[0] == '#') return false;
        if (scanner.InsideTripleString) return false;
        if (scanner.InsideStatement) return ForcedStart().IsMatch(line);
        if (ClauseContinuation().IsMatch(line)) return false;
        // A decorator belongs to the definition that follows it.
        var head = current.FirstOrDefault(l => l.Trim().Length > 0 && !l.StartsWith('#'));
        return !(head is null || (head.StartsWith('@') && !line.StartsWith('@') && DefinitionStart().IsMatch(line)) || (head.StartsWith('@') && line.StartsWith('@')));
    }

    private static void Flush(List<string> lines, HashSet<string> identifiers, List<PythonStatement> statements)
    {
        // Trailing blank lines and column-0 comments belong to no statement (tree-sitter ends a node at its last token).
        while (lines.Count > 0 && (lines[^1].Trim().Length == 0 || lines[^1].StartsWith('#'))) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && (lines[0].Trim().Length == 0 || lines[0].StartsWith('#'))) lines.RemoveAt(0);
        if (lines.Count == 0) return;
        var text = string.Join("\n", lines).TrimEnd();
        statements.Add(Classify(text, lines, identifiers));
        lines.Clear();
    }

    private static PythonStatement Classify(string text, List<string> lines, HashSet<string> identifiers)
    {
        var head = lines.FirstOrDefault(l => l.Length > 0 && !l.StartsWith('@') && !char.IsWhiteSpace(l[0])) ?? lines[0];
        var definition = Definition().Match(head);
        if (definition.Success)
        {
            var isClass = definition.Groups["kind"].Value == "class";
            return new PythonStatement(isClass ? PythonStatementKind.Class : PythonStatementKind.Function, definition.Groups["name"].Value,
                text, identifiers, HasReturn: !isClass && (identifiers.Contains("return") || identifiers.Contains("yield")));
        }
        if (Import().IsMatch(lines[0])) return new PythonStatement(PythonStatementKind.Import, null, text, identifiers, false);
        var assignment = Assignment().Match(lines[0]);
        if (assignment.Success && !Keywords.Contains(assignment.Groups["name"].Value))
        {
            return new PythonStatement(PythonStatementKind.Assignment, assignment.Groups["name"].Value, text, identifiers, false);
        }
        return new PythonStatement(PythonStatementKind.Other, null, text, identifiers, false);
    }

    [GeneratedRegex(@"^(?:(?:async\s+)?def\s+[A-Za-z_]|class\s+[A-Za-z_]|import\s+[A-Za-z_]|from\s+[\w.]+\s+import\b|@[A-Za-z_])")]
    private static partial Regex ForcedStart();

    [GeneratedRegex(@"^(?:async\s+)?(?:def|class)\s")]
    private static partial Regex DefinitionStart();

    [GeneratedRegex(@"^(?:else|elif|except|finally)\b")]
    private static partial Regex ClauseContinuation();

    [GeneratedRegex(@"^(?:async\s+)?(?<kind>def|class)\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"^(?:import\s+[A-Za-z_]|from\s+[\w.]+\s+import\b)")]
    private static partial Regex Import();

    /// <summary>`name = …`, `name: T = …`, `name: T`, chained `a = b = …`; not `==`, not augmented assignment.</summary>
    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*(?:=(?!=)|:(?!=)\s*\S)")]
    private static partial Regex Assignment();
}
