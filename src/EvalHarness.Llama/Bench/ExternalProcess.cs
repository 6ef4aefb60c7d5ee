using System.Diagnostics;

namespace EvalHarness.Llama.Bench;

/// <summary>Runs a helper program (git, cmake, llama.cpp tools) and captures its output.</summary>
internal static class ExternalProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(string program, IEnumerable<string> arguments, string? workingDirectory = null, TextWriter? echo = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UserInputException($"{program} was not found on PATH", $"install {program} (it is needed to build llama.cpp's reference tools)", e);
        }
        using (process)
        using (cancellationToken.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
        {
            // Read both streams to their end (not line events, whose last lines can arrive after WaitForExit returns).
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            if (echo is not null) echo.Write(stdout.Result);
            return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    public static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
