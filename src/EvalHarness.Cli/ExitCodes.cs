namespace EvalHarness.Cli;

/// <summary>Every exit code the CLI uses, in one place.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An unexpected failure inside the harness (a bug): the stack trace is printed.</summary>
    public const int InternalError = 1;
    /// <summary>Bad input the user can fix: one clear message and the fix.</summary>
    public const int UserError = 2;
    /// <summary>Interrupted (Ctrl+C); whatever was stored so far is kept.</summary>
    public const int Cancelled = 130;
}
