using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// One HumanEval+ or MBPP+ problem as EvalPlus ships it (one JSON line). The inputs stay in <see cref="JsonLine"/>:
/// they are parsed by Python inside the sandbox, because some lines (Mbpp/404) contain bare Infinity/NaN, which
/// Python's json accepts and strict JSON parsers do not.
/// </summary>
public sealed partial record EvalPlusProblem(
    string TaskId,
    EvalPlusDataset Dataset,
    string EntryPoint,
    string Prompt,
    string CanonicalSolution,
    double Atol,
    int BaseCount,
    int PlusCount,
    string JsonLine)
{
    public static EvalPlusProblem FromJsonLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // Only the metadata is read here; neutralise non-standard number literals so the strict parser accepts the line.
        using var document = JsonDocument.Parse(NonStandardNumber().Replace(line, "0"));
        var root = document.RootElement;
        var taskId = root.GetProperty("task_id").GetString() ?? throw new FormatException("task_id is null");
        var dataset = taskId.StartsWith("Mbpp/", StringComparison.Ordinal) ? EvalPlusDataset.Mbpp
            : taskId.StartsWith("HumanEval/", StringComparison.Ordinal) ? EvalPlusDataset.HumanEval
            : throw new FormatException($"unknown EvalPlus task id '{taskId}'");
        var atol = root.TryGetProperty("atol", out var a) ? ReadNumber(a) : 0;
        return new EvalPlusProblem(taskId, dataset, root.GetProperty("entry_point").GetString()!, root.GetProperty("prompt").GetString()!,
            root.GetProperty("canonical_solution").GetString()!, atol, CountInputs(root.GetProperty("base_input")),
            CountInputs(root.GetProperty("plus_input")), line);
    }

    /// <summary>Inputs are a list of argument lists; Mbpp/793 ships an empty object instead, which Python iterates as nothing.</summary>
    private static int CountInputs(JsonElement inputs) => inputs.ValueKind switch
    {
        JsonValueKind.Array => inputs.GetArrayLength(),
        JsonValueKind.Object when !inputs.EnumerateObject().Any() => 0,
        _ => throw new FormatException($"inputs must be a list, found {inputs.ValueKind}"),
    };

    private static double ReadNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => double.Parse(element.GetString()!, CultureInfo.InvariantCulture),
        _ => 0,
    };

    [GeneratedRegex(@"(?<=[\[,:]\s*)-?(?:Infinity|NaN)(?=\s*[\],}])")]
    private static partial Regex NonStandardNumber();
}

public enum EvalPlusDataset
{
    HumanEval,
    Mbpp,
}
