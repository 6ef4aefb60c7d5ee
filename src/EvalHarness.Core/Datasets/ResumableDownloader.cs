using System.Net;
using System.Net.Http.Headers;

namespace EvalHarness.Core.Datasets;

/// <summary>
/// Downloads one file into place through a ".part" file. An interrupted download resumes with an HTTP Range
/// request from the bytes already on disk; a server that ignores Range (200 instead of 206) restarts it. The file
/// only appears under its final name once complete (and, when a check is given, checked), so a half-written or
/// corrupt file is never read. Used for datasets and model files; the wording of its errors follows <see cref="Subject"/>.
/// </summary>
public sealed class ResumableDownloader(HttpClient http)
{
    private const int BufferSize = 1 << 20;

    /// <summary>What is being downloaded, for error messages ("dataset", "model").</summary>
    public string Subject { get; init; } = "dataset";

    /// <summary>The fix printed when the server answers 404 or another error status.</summary>
    public string NotFoundFix { get; init; } = "check the task file's dataset location, revision and files";

    /// <summary>The fix printed when the server cannot be reached.</summary>
    public string UnreachableFix { get; init; } =
        "check the network connection, or run offline with the dataset already in the cache (EVALHARNESS_OFFLINE=1)";

    /// <returns>The response headers of the final request (e.g. the Hub's X-Repo-Commit).</returns>
    public Task<HttpResponseHeaders?> DownloadAsync(string url, string destination, string? bearerToken, CancellationToken cancellationToken) =>
        DownloadAsync(url, destination, bearerToken, progress: null, checkBeforeRename: null, cancellationToken);

    /// <param name="progress">Called after every write with the bytes in the part file and the total when the server says it.</param>
    /// <param name="checkBeforeRename">Runs on the complete part file before it takes its final name; it throws to refuse it.</param>
    public async Task<HttpResponseHeaders?> DownloadAsync(
        string url, string destination, string? bearerToken, Action<long, long?>? progress,
        Func<string, CancellationToken, Task>? checkBeforeRename, CancellationToken cancellationToken)
    {
        if (File.Exists(destination)) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var part = PartPath(destination);
        var existing = File.Exists(part) ? new FileInfo(part).Length : 0L;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0) request.Headers.Range = new RangeHeaderValue(existing, null);
        if (bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UserInputException($"cannot download {url}: {e.Message}", UnreachableFix, e);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
            {
                // The part file already holds every byte: the previous run died between the last write and the rename.
                await CompleteAsync(part, destination, checkBeforeRename, cancellationToken);
                return response.Headers;
            }
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new UserInputException($"{url} refused the download ({(int)response.StatusCode}): the {Subject} is gated or private",
                    $"accept the {Subject}'s terms on its Hugging Face page and set HF_TOKEN to an access token");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new UserInputException($"cannot download {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", NotFoundFix);
            }
            var append = response.StatusCode == HttpStatusCode.PartialContent;
            var done = append ? existing : 0L;
            long? total = response.Content.Headers.ContentRange?.Length
                ?? (response.Content.Headers.ContentLength is { } length ? done + length : null);
            await using (var output = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize))
            await using (var input = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                progress?.Invoke(done, total);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    done += read;
                    progress?.Invoke(done, total);
                }
            }
            await CompleteAsync(part, destination, checkBeforeRename, cancellationToken);
            return response.Headers;
        }
    }

    /// <summary>Where the bytes of an unfinished download of <paramref name="destination"/> are kept.</summary>
    public static string PartPath(string destination) => destination + ".part";

    private static async Task CompleteAsync(string part, string destination, Func<string, CancellationToken, Task>? check, CancellationToken cancellationToken)
    {
        if (check is not null) await check(part, cancellationToken);
        File.Move(part, destination, overwrite: true);
    }
}
