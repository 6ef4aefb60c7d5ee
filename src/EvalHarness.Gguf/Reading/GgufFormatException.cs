namespace EvalHarness.Gguf.Reading;

/// <summary>
/// A GGUF file that cannot be used: wrong format, corrupt, truncated, or something llama.cpp would refuse.
/// The message names the file, the problem and (where it helps) the byte offset; <see cref="UserInputException.Fix"/>
/// says what to do.
/// </summary>
public sealed class GgufFormatException : UserInputException
{
    public GgufFormatException(string path, string problem, long? byteOffset, string fix)
        : base(Describe(path, problem, byteOffset), fix)
    {
        FilePath = path;
        Problem = problem;
        ByteOffset = byteOffset;
    }

    public string FilePath { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }

    /// <summary>Where in the file the problem was found, when that is meaningful.</summary>
    public long? ByteOffset { get; }

    /// <summary>The advice for a file that is damaged rather than of the wrong kind.</summary>
    public const string CorruptFix =
        "the file is damaged or incomplete: download or convert it again (compare its size and sha256 with the source)";

    private static string Describe(string path, string problem, long? byteOffset) =>
        byteOffset is { } at
            ? $"GGUF file '{path}' is not usable: {problem} (at byte {at})"
            : $"GGUF file '{path}' is not usable: {problem}";
}
