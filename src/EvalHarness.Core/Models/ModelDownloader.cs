using System.Diagnostics;
using EvalHarness.Core.Datasets;

namespace EvalHarness.Core.Models;

/// <summary>What <see cref="ModelDownloader.EnsureAsync"/> did and what the file is.</summary>
/// <param name="Verified">True when the file's sha256 matched an expected value (false: nothing to compare with).</param>
public sealed record ModelFileResult(string Path, long SizeBytes, string Sha256, bool Downloaded, bool Verified);

/// <summary>
/// Puts one model file at its destination: nothing to do when it is already there and checks out; else a resumable
/// download (the shared <see cref="ResumableDownloader"/>: a ".part" file, HTTP Range from the bytes on disk, an
/// atomic rename) that is tried again, resuming, when the connection drops mid-file. Before the rename the bytes are
/// hashed and compared with the expected size and sha256 when those are known.
/// <para>On a mismatch the downloaded ".part" file is deleted (it is ours, and a corrupt 20 GB file is of no use; the
/// error prints both hashes so a wrong catalog value can be told from a bad transfer). A file that was already at the
/// destination is never deleted or overwritten: it may be the user's own.</para>
/// </summary>
public sealed class ModelDownloader(HttpClient http, ModelAccessOptions options)
{
    private const string RetryFix = "run the same command again: the download resumes from the bytes already on disk";

    public async Task<ModelFileResult> EnsureAsync(
        string url, string destination, long? expectedSize, string? expectedSha256,
        Action<DownloadProgress>? progress = null, Action<string>? notice = null, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(destination);
        if (File.Exists(destination))
        {
            return await CheckExistingAsync(destination, expectedSize, expectedSha256, progress, cancellationToken);
        }
        string? sha256 = null;
        var downloader = new ResumableDownloader(http)
        {
            Subject = "model",
            NotFoundFix = "check the repository, revision and file name (in models/catalog.yaml or the hf: reference)",
            UnreachableFix = "check the network connection (and EVALHARNESS_HF_ENDPOINT / HF_ENDPOINT), or use a model file already on disk",
        };
        async Task CheckPart(string part, CancellationToken token)
        {
            sha256 = await CheckCompleteDownloadAsync(part, name, expectedSize, expectedSha256, progress, token);
        }

        for (var attempt = 1; ; attempt++)
        {
            var meter = new RateMeter(name, progress);
            try
            {
                await downloader.DownloadAsync(url, destination, options.HubToken, meter.Report, CheckPart, cancellationToken);
                break;
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                var kept = PartLength(destination);
                if (attempt >= options.MaxAttempts)
                {
                    throw new UserInputException(
                        $"the download of {url} was interrupted {attempt} times (last: {e.Message}); {kept:N0} bytes are kept in {ResumableDownloader.PartPath(destination)}",
                        RetryFix, e);
                }
                notice?.Invoke($"connection lost after {kept:N0} bytes ({e.Message}); resuming (try {attempt + 1} of {options.MaxAttempts})");
                await Task.Delay(options.RetryDelay * attempt, cancellationToken);
            }
        }
        sha256 ??= await ModelFileHash.ComputeAsync(destination, name, progress, cancellationToken);
        ModelFileHash.Remember(destination, sha256);
        return new ModelFileResult(destination, new FileInfo(destination).Length, sha256, Downloaded: true, Verified: expectedSha256 is not null);
    }

    private static async Task<string> CheckCompleteDownloadAsync(
        string part, string name, long? expectedSize, string? expectedSha256, Action<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var size = new FileInfo(part).Length;
        if (expectedSize is { } wanted && size != wanted)
        {
            File.Delete(part);
            throw new UserInputException(
                $"the download of {name} has {size:N0} bytes but should have {wanted:N0}; the partial file was deleted",
                "if the repository's file changed, correct size (and sha256) in models/catalog.yaml; otherwise pull again");
        }
        var actual = await ModelFileHash.ComputeAsync(part, name, progress, cancellationToken);
        if (expectedSha256 is not null && !string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(part);
            throw new UserInputException(
                $"sha256 mismatch for {name}: expected {expectedSha256}, got {actual} ({size:N0} bytes); the downloaded file was deleted",
                "if the Hub page shows the new hash, correct sha256 in models/catalog.yaml; otherwise pull again (the transfer was corrupted)");
        }
        return actual;
    }

    private static async Task<ModelFileResult> CheckExistingAsync(
        string path, long? expectedSize, string? expectedSha256, Action<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var size = new FileInfo(path).Length;
        var fix = $"move or delete {path} and pull again (it was left as it is), or point at it directly as a local file";
        if (expectedSize is { } wanted && size != wanted)
        {
            throw new UserInputException($"{path} already exists with {size:N0} bytes, but the expected file has {wanted:N0}", fix);
        }
        var sha256 = ModelFileHash.ReadRemembered(path);
        if (sha256 is null)
        {
            sha256 = await ModelFileHash.ComputeAsync(path, Path.GetFileName(path), progress, cancellationToken);
        }
        if (expectedSha256 is not null && !string.Equals(sha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException($"{path} already exists but its sha256 is {sha256}, not the expected {expectedSha256}", fix);
        }
        ModelFileHash.Remember(path, sha256);
        return new ModelFileResult(path, size, sha256, Downloaded: false, Verified: expectedSha256 is not null);
    }

    private static long PartLength(string destination)
    {
        var part = ResumableDownloader.PartPath(destination);
        return File.Exists(part) ? new FileInfo(part).Length : 0;
    }

    /// <summary>Turns the downloader's byte counts into throttled progress reports with a transfer rate.</summary>
    private sealed class RateMeter(string name, Action<DownloadProgress>? progress)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastReport = -ProgressThrottle.Interval; // so the first call reports
        private long? _startBytes;

        public void Report(long done, long? total)
        {
            if (progress is null) return;
            _startBytes ??= done;
            var now = _clock.Elapsed;
            if (now - _lastReport < ProgressThrottle.Interval && done != total) return;
            _lastReport = now;
            var rate = (done - _startBytes.Value) / Math.Max(now.TotalSeconds, 1e-3);
            progress(new DownloadProgress(DownloadPhase.Downloading, name, done, total, rate));
        }
    }
}
