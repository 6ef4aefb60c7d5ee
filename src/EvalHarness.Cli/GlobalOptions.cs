using System.CommandLine;

namespace EvalHarness.Cli;

/// <summary>Options every command understands.</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show llama.cpp's own log and other diagnostics.",
        Recursive = true,
    };
}
