using System.Net;
using System.Net.Http.Headers;

namespace EvalHarness.Core.Datasets;

/// <summary>
/// Downloads one file into place through a ".part" file. An interrupted download resumes with an HTTP Range
/// request from the bytes already on disk; a server that ignores Range (200 instead of 206) restarts it. The file
/// only appears under its final name once complete, so a half-written dataset is never read.
/// </summary>
public sealed class ResumableDownloader(HttpClient http)
{
    /// <returns>The response headers of the final request (e.g. the Hub's X-Repo-Commit).</returns>
    public async Task<HttpResponseHeaders?> DownloadAsync(string url, string destination, string? bearerToken, CancellationToken cancellationToken)
    {
        if (File.Exists(destination)) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var part = destination + ".part";
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
            throw new UserInputException($"cannot download {url}: {e.Message}",
                "check the network connection, or run offline with the dataset already in the cache (EVALHARNESS_OFFLINE=1)", e);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
            {
                // The part file already holds every byte: the previous run died between the last write and the rename.
                File.Move(part, destination);
                return response.Headers;
            }
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new UserInputException($"{url} refused the download ({(int)response.StatusCode}): the dataset is gated or private",
                    "accept the dataset's terms on its Hugging Face page and set HF_TOKEN to an access token");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new UserInputException($"cannot download {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
                    "check the task file's dataset location, revision and files");
            }
            var append = response.StatusCode == HttpStatusCode.PartialContent;
            await using (var output = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write))
            await using (var input = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                await input.CopyToAsync(output, cancellationToken);
            }
            File.Move(part, destination, overwrite: true);
            return response.Headers;
        }
    }
}
