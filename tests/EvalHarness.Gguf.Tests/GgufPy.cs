using System.Diagnostics;

namespace EvalHarness.Gguf.Tests;

/// <summary>
/// Runs llama.cpp's own Python GGUF library (gguf-py) as an independent reference. Needs python3 with numpy and a
/// gguf-py folder (EVALHARNESS_GGUF_PY, or /tmp/llsrc/gguf-py where the llama.cpp v0.5.0 tree is unpacked);
/// tests skip with the reason when either is missing.
/// </summary>
internal static class GgufPy
{
    private static readonly Lazy<(string? Python, string? Library, string Reason)> Setup = new(Find);

    public static string Run(string script, params string[] args)
    {
        var (python, library, reason) = Setup.Value;
        if (python is null || library is null) Assert.Skip(reason);
        var scriptPath = Path.Combine(Path.GetTempPath(), $"ggufpy-{Guid.NewGuid():N}.py");
        File.WriteAllText(scriptPath, script);
        try
        {
            var start = new ProcessStartInfo(python!) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(scriptPath);
            foreach (var a in args) start.ArgumentList.Add(a);
            start.Environment["PYTHONPATH"] = library;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"gguf-py script failed: {stderr}");
            return stdout.Result;
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    private static (string?, string?, string) Find()
    {
        var library = new[] { Environment.GetEnvironmentVariable("EVALHARNESS_GGUF_PY"), "/tmp/llsrc/gguf-py" }
            .FirstOrDefault(d => !string.IsNullOrEmpty(d) && File.Exists(Path.Combine(d, "gguf", "quants.py")));
        if (library is null) return (null, null, "gguf-py not found (set EVALHARNESS_GGUF_PY to llama.cpp's gguf-py folder)");
        foreach (var python in new[] { "python3", "/usr/bin/python3", "python" })
        {
            try
            {
                var start = new ProcessStartInfo(python, ["-c", "import numpy"]) { RedirectStandardError = true, RedirectStandardOutput = true };
                using var process = Process.Start(start)!;
                process.WaitForExit();
                if (process.ExitCode == 0) return (python, library, "");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed under this name
            }
        }
        return (library, null, "no python3 with numpy found (apt install python3-numpy)");
    }
}
