namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// EvalPlus-style sanitising (evalplus/sanitize.py): keep every top-level import, then — in source order — the
/// entry-point function and the functions, classes and global assignments it reaches through the names it uses;
/// drop everything else (test code, prints, asserts, `if __name__ == "__main__":` blocks, prose).
/// As in EvalPlus: the first definition of a name wins; a function without any `return` is not a definition
/// (so a prompt's docstring-only signature repeated before the model's full function is skipped).
/// Deliberate differences: decorated definitions are kept (tree-sitter calls them decorated_definition, which
/// EvalPlus silently drops, failing e.g. an entry point under @lru_cache); a generator (`yield`, no `return`) counts as
/// a definition (EvalPlus drops it, failing MBPP+'s own canonical solution of Mbpp/630 written as an answer).
/// </summary>
public static class CodeSanitizer
{
    public static string Sanitize(string code, string? entryPoint)
    {
        var statements = PythonStatementSplitter.Split(code);
        var imports = statements.Where(s => s.Kind == PythonStatementKind.Import).ToList();
        var definitions = FirstDefinitions(statements);
        var reachable = entryPoint is null ? null : Reachable(entryPoint, definitions);
        var kept = imports.Concat(definitions.Where(d => reachable is null || reachable.Contains(d.Name!)));
        var ordered = statements.Where(s => kept.Contains(s));
        return string.Join("\n", ordered.Where(s => s.Kind == PythonStatementKind.Import)
            .Concat(ordered.Where(s => s.Kind != PythonStatementKind.Import)).Select(s => s.Text));
    }

    /// <summary>True when the code defines a function (with a body that returns) named <paramref name="entryPoint"/>.</summary>
    public static bool Defines(string code, string entryPoint) =>
        PythonStatementSplitter.Split(code).Any(s => s.Kind == PythonStatementKind.Function && s.Name == entryPoint);

    private static List<PythonStatement> FirstDefinitions(IReadOnlyList<PythonStatement> statements)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var definitions = new List<PythonStatement>();
        foreach (var statement in statements)
        {
            var isDefinition = statement.Kind switch
            {
                PythonStatementKind.Class or PythonStatementKind.Assignment => true,
                PythonStatementKind.Function => statement.HasReturn,
                _ => false,
            };
            if (isDefinition && statement.Name is not null && seen.Add(statement.Name)) definitions.Add(statement);
        }
        return definitions;
    }

    private static HashSet<string> Reachable(string entryPoint, List<PythonStatement> definitions)
    {
        var byName = definitions.ToDictionary(d => d.Name!, StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal) { entryPoint };
        var queue = new Queue<string>([entryPoint]);
        while (queue.Count > 0)
        {
            if (!byName.TryGetValue(queue.Dequeue(), out var definition)) continue;
            foreach (var name in definition.Identifiers.Where(n => byName.ContainsKey(n) && visited.Add(n))) queue.Enqueue(name);
        }
        return visited;
    }
}
