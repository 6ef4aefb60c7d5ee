using System.Diagnostics;
using System.Security.Cryptography;

namespace EvalHarness.Core.Models;

/// <summary>
/// The sha256 of a model file, remembered beside it in &lt;file&gt;.sha256 (the <c>sha256sum</c> format, so
/// <c>sha256sum -c</c> checks it too). Hashing a 20-34 GB file takes minutes; the remembered value is trusted only
/// while it is newer than the file it describes.
/// </summary>
public static class ModelFileHash
{
    private const int BufferSize = 1 << 20;

    public static string SidecarPath(string file) => file + ".sha256";

    /// <summary>The remembered hash when it is still valid for the file, else null.</summary>
    public static string? ReadRemembered(string file)
    {
        var sidecar = SidecarPath(file);
        if (!File.Exists(sidecar) || !File.Exists(file)) return null;
        if (File.GetLastWriteTimeUtc(sidecar) < File.GetLastWriteTimeUtc(file)) return null;
        var text = File.ReadAllText(sidecar).Trim();
        var hash = text.Split(' ', 2)[0].ToLowerInvariant();
        return hash.Length == 64 && hash.All(Uri.IsHexDigit) ? hash : null;
    }

    public static void Remember(string file, string sha256) =>
        File.WriteAllText(SidecarPath(file), $"{sha256}  {Path.GetFileName(file)}\n");

    /// <summary>Hashes the file, reporting progress in the <see cref="DownloadPhase.Verifying"/> phase.</summary>
    public static async Task<string> ComputeAsync(string file, string displayName, Action<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        var total = stream.Length;
        var buffer = new byte[BufferSize];
        var clock = Stopwatch.StartNew();
        var lastReport = -ProgressThrottle.Interval; // so the first block reports
        long done = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            done += read;
            if (progress is not null && (clock.Elapsed - lastReport > ProgressThrottle.Interval || done == total))
            {
                lastReport = clock.Elapsed;
                progress(new DownloadProgress(DownloadPhase.Verifying, displayName, done, total, done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

internal static class ProgressThrottle
{
    /// <summary>At most this often a progress report: enough for a smooth bar, cheap for the callback.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
}
