using System.Text;

namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Drains one output pipe to its end, keeping at most a fixed number of bytes and discarding the rest. Reading
/// never stops early, so a program that floods its output can never block on a full pipe (and so never hangs
/// the harness); it is stopped by its time limit instead.
/// </summary>
internal sealed class CappedOutputReader
{
    private readonly MemoryStream _kept = new();
    private readonly int _capacity;

    private CappedOutputReader(int capacity) => _capacity = capacity;

    public bool Truncated { get; private set; }

    public string Text => Encoding.UTF8.GetString(_kept.GetBuffer(), 0, (int)_kept.Length);

    /// <summary>Starts draining; the task ends at end-of-stream or cancellation (never throws for either).</summary>
    public static (CappedOutputReader Reader, Task Completion) Start(Stream stream, int capacity, CancellationToken cancellationToken)
    {
        var reader = new CappedOutputReader(capacity);
        return (reader, reader.DrainAsync(stream, cancellationToken));
    }

    private async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0) return;
                var room = _capacity - (int)_kept.Length;
                if (read > room) Truncated = true;
                if (room > 0) _kept.Write(buffer, 0, Math.Min(room, read));
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }
}
