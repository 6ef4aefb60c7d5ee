namespace EvalHarness;

/// <summary>
/// An error the user caused and can fix (bad path, corrupt file, missing tool, unsupported request).
/// The CLI prints <see cref="Exception.Message"/> and <see cref="Fix"/> and exits with code 2; nothing else
/// should ever reach the user as a stack trace. It lives in the lowest assembly so every layer can throw it.
/// </summary>
public class UserInputException : Exception
{
    public UserInputException(string message, string fix, Exception? inner = null)
        : base(message, inner)
    {
        Fix = fix;
    }

    /// <summary>What the user should do about it, one sentence.</summary>
    public string Fix { get; }
}
