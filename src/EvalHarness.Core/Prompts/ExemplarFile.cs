using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Prompts;

/// <summary>
/// Reads a fixed exemplar file for a sample (fewshot policy "file": BBH's cot-prompts/&lt;task&gt;.txt), dropping
/// everything up to the skip line (BBH's canary line and "-----"). Files are read once per path.
/// </summary>
public sealed class ExemplarFile(string datasetRoot, FewShotSpec spec)
{
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    public string For(Sample sample)
    {
        var relative = spec.File!.Render(sample.Resolve);
        if (_cache.TryGetValue(relative, out var text)) return text;
        var path = Path.Combine(datasetRoot, relative);
        if (!File.Exists(path)) throw new UserInputException($"exemplar file {path} (sample {sample.Id}) does not exist", "check fewshot.file in the task file and the dataset folder");
        text = File.ReadAllText(path).Replace("\r\n", "\n");
        if (spec.FileSkipUntil is { } marker)
        {
            var lines = text.Split('\n');
            var at = Array.IndexOf(lines, marker);
            if (at >= 0) text = string.Join('\n', lines.Skip(at + 1));
        }
        text = text.Trim('\n');
        _cache[relative] = text;
        return text;
    }
}
