namespace EvalHarness.Core.Sandbox;

/// <summary>
/// A Python program to run: its source (written as main.py into a fresh temporary directory), optional
/// command-line arguments and optional standard input.
/// </summary>
/// <param name="Source">The whole program text.</param>
/// <param name="Arguments">Passed to the program as sys.argv[1:].</param>
/// <param name="StandardInput">Written to the program's stdin, which is then closed; null = empty stdin.</param>
public sealed record SandboxProgram(string Source, IReadOnlyList<string>? Arguments = null, string? StandardInput = null)
{
    public IReadOnlyList<string> ArgumentsOrEmpty => Arguments ?? [];
}
