namespace EvalHarness.Core.Tasks;

/// <summary>A task file is invalid: the message names the file, the line and the field.</summary>
public sealed class TaskSpecException(string file, long line, string field, string problem)
    : UserInputException($"{file}:{line}: {field}: {problem}", $"fix `{field}` at line {line} of {file} (the schema is in tasks/README.md)")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Field { get; } = field;
}
