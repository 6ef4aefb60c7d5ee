namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// The base-model route (human-eval, Codex paper): program = prompt + completion, the completion cut at the first
/// stop sequence — a new top-level def, class, `if __name__`, print( or comment means the function has ended.
/// One repair: when the completion starts by repeating the prompt's signature, the repeated function replaces the
/// prompt's (Python keeps the later definition) instead of being cut away by the "\ndef " stop.
/// </summary>
public static class CompletionCodeBuilder
{
    public static readonly IReadOnlyList<string> StopSequences = ["\ndef ", "\nclass ", "\nif __name__", "\nprint(", "\n#"];

    public static string Build(string prompt, string completion, string entryPoint)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(completion);
        prompt = ChatCodeExtractor.Normalize(prompt);
        completion = ChatCodeExtractor.Normalize(completion);
        var body = completion.TrimStart('\n');
        var firstLine = body.Split('\n', 2)[0];
        var trimmedFirst = firstLine.TrimStart();
        if (trimmedFirst.StartsWith($"def {entryPoint}(", StringComparison.Ordinal) || trimmedFirst.StartsWith($"async def {entryPoint}(", StringComparison.Ordinal))
        {
            var indent = firstLine.Length - trimmedFirst.Length;
            var rest = Truncate(body[firstLine.Length..]);
            var function = Dedent(firstLine + rest, indent);
            return prompt.TrimEnd('\n') + "\n\n" + function;
        }
        return prompt + Truncate(completion);
    }

    /// <summary>The completion up to (not including) the earliest stop sequence.</summary>
    public static string Truncate(string completion)
    {
        var cut = completion.Length;
        foreach (var stop in StopSequences)
        {
            var at = completion.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && at < cut) cut = at;
        }
        return completion[..cut];
    }

    private static string Dedent(string code, int indent)
    {
        if (indent == 0) return code;
        return string.Join("\n", code.Split('\n').Select(line =>
        {
            var remove = 0;
            while (remove < indent && remove < line.Length && line[remove] == ' ') remove++;
            return line[remove..];
        }));
    }
}
