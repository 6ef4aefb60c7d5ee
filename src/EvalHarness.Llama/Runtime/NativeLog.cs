using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using EvalHarness.Llama.Native;

namespace EvalHarness.Llama.Runtime;

/// <summary>
/// Receives llama.cpp's and ggml's log. Quiet by default; with <see cref="Verbose"/> every line goes to stderr.
/// The last lines are kept so a failure (e.g. a model llama.cpp refuses) can quote what llama.cpp said.
/// </summary>
public static class NativeLog
{
    private const int Remembered = 40;
    private static readonly Queue<string> Recent = new();
    private static readonly StringBuilder Pending = new();
    private static readonly Lock Gate = new();
    private static GgmlLogLevel _pendingLevel;

    /// <summary>Echo everything llama.cpp says to stderr.</summary>
    public static bool Verbose { get; set; }

    /// <summary>The last lines llama.cpp logged at warning level or above.</summary>
    public static IReadOnlyList<string> RecentProblems()
    {
        lock (Gate) return [.. Recent];
    }

    public static void ClearRecent()
    {
        lock (Gate) Recent.Clear();
    }

    internal static unsafe void Install()
    {
        LlamaApi.LogSet(&OnLog, IntPtr.Zero);
        GgmlApi.LogSet(&OnLog, IntPtr.Zero);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(GgmlLogLevel level, IntPtr text, IntPtr userData)
    {
        var message = Marshal.PtrToStringUTF8(text) ?? "";
        lock (Gate)
        {
            if (Pending.Length == 0) _pendingLevel = level;
            Pending.Append(message);
            if (!message.EndsWith('\n')) return; // llama.cpp sends some lines in pieces (GGML_LOG_LEVEL_CONT)
            var line = Pending.ToString().TrimEnd('\n');
            Pending.Clear();
            if (Verbose) Console.Error.WriteLine($"[llama.cpp] {line}");
            if (_pendingLevel is GgmlLogLevel.Warn or GgmlLogLevel.Error)
            {
                Recent.Enqueue(line);
                while (Recent.Count > Remembered) Recent.Dequeue();
            }
        }
    }
}
