namespace EvalHarness.Core.Datasets;

/// <summary>A malformed record: names the file and line. Records are never silently dropped.</summary>
public sealed class DatasetFormatException(string file, int line, string problem)
    : UserInputException($"{file}:{line}: {problem}", "repair or re-download the dataset file (delete it from the cache to fetch it again)")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}
