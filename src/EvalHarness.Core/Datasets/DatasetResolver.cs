using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Datasets;

/// <summary>
/// Puts a task's dataset on disk and says where: a local folder as it is; Hugging Face and URL sources downloaded
/// once into the cache (cache/&lt;kind&gt;/&lt;location&gt;/&lt;revision&gt;/), file by file and resumably, and
/// marked complete with a manifest only when every file is there. Offline, only a complete cache entry is used.
/// </summary>
public sealed class DatasetResolver(DatasetAccessOptions options, HttpClient? http = null)
{
    private const string ManifestName = ".evalharness-dataset.json";

    public ResolvedDataset Resolve(TaskSpec task, CancellationToken cancellationToken = default) =>
        ResolveAsync(task, cancellationToken).GetAwaiter().GetResult();

    public async Task<ResolvedDataset> ResolveAsync(TaskSpec task, CancellationToken cancellationToken = default)
    {
        var spec = task.Dataset;
        if ((options.TaskDataDirectories.GetValueOrDefault(task.Name) ?? options.DataDirectoryOverride) is { } overrideRoot)
        {
            return new ResolvedDataset(Path.GetFullPath(overrideRoot), $"local:{Path.GetFullPath(overrideRoot)}", null);
        }
        if (spec.Source == DatasetSourceKind.Generated)
        {
            return GeneratedDatasets.Resolve(task, options, cancellationToken);
        }
        if (spec.Source == DatasetSourceKind.Local)
        {
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(task.SourceFile)) ?? Directory.GetCurrentDirectory();
            var root = Path.GetFullPath(Path.Combine(baseDir, spec.Location));
            if (!Directory.Exists(root))
            {
                throw new UserInputException($"dataset folder {root} (task {task.Name}) does not exist", "create it or fix dataset.location in " + task.SourceFile);
            }
            return new ResolvedDataset(root, $"local:{root}", spec.Revision);
        }

        var cacheRoot = CacheFolder(spec);
        var source = spec.Source == DatasetSourceKind.HuggingFace ? $"hf:{spec.Location}" : $"url:{spec.Location}";
        if (ReadManifest(cacheRoot) is { } cached) return new ResolvedDataset(cacheRoot, source, cached);
        if (options.Offline)
        {
            throw new UserInputException($"dataset of task {task.Name} ({source} at {spec.Revision}) is not in the cache {cacheRoot} and offline mode is on",
                "run once with network access (unset EVALHARNESS_OFFLINE / drop --offline), or pass --data-dir with a local copy");
        }

        using var ownClient = http is null ? new HttpClient { Timeout = TimeSpan.FromMinutes(30) } : null;
        var downloader = new ResumableDownloader(http ?? ownClient!);
        var revision = spec.Source == DatasetSourceKind.HuggingFace
            ? await DownloadHubFilesAsync(spec, cacheRoot, downloader, cancellationToken)
            : await DownloadUrlFilesAsync(spec, cacheRoot, downloader, cancellationToken);
        WriteManifest(cacheRoot, source, spec, revision);
        return new ResolvedDataset(cacheRoot, source, revision);
    }

    /// <summary>Where a downloaded dataset lives in the cache.</summary>
    public string CacheFolder(DatasetSpec spec)
    {
        var kind = spec.Source == DatasetSourceKind.HuggingFace ? "hf" : "url";
        var location = string.Concat(spec.Location.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(options.CacheDirectory, kind, location, spec.Revision ?? "unpinned");
    }

    private async Task<string?> DownloadHubFilesAsync(DatasetSpec spec, string cacheRoot, ResumableDownloader downloader, CancellationToken cancellationToken)
    {
        string? reported = null;
        foreach (var file in spec.Files)
        {
            var url = $"{options.HubEndpoint}/datasets/{spec.Location}/resolve/{Uri.EscapeDataString(spec.Revision!)}/{EscapePath(file)}";
            var headers = await downloader.DownloadAsync(url, Path.Combine(cacheRoot, file), options.HubToken, cancellationToken);
            if (headers is not null && headers.TryGetValues("X-Repo-Commit", out var commits)) reported ??= commits.FirstOrDefault();
        }
        // A branch name as revision resolves to whatever commit the Hub served: record that commit.
        return reported ?? spec.Revision;
    }

    private async Task<string?> DownloadUrlFilesAsync(DatasetSpec spec, string cacheRoot, ResumableDownloader downloader, CancellationToken cancellationToken)
    {
        var baseUrl = options.UrlRewriter?.Invoke(spec.Location) ?? spec.Location;
        if (spec.Archive == ArchiveKind.None)
        {
            foreach (var file in spec.Files)
            {
                await downloader.DownloadAsync($"{baseUrl.TrimEnd('/')}/{EscapePath(file)}", Path.Combine(cacheRoot, file), null, cancellationToken);
            }
            return spec.Revision;
        }
        var archivePath = Path.Combine(cacheRoot, "_archive", Path.GetFileName(new Uri(baseUrl).AbsolutePath));
        await downloader.DownloadAsync(baseUrl, archivePath, null, cancellationToken);
        Extract(archivePath, spec.Archive, cacheRoot);
        return spec.Revision;
    }

    private static void Extract(string archivePath, ArchiveKind kind, string destination)
    {
        try
        {
            if (kind == ArchiveKind.Zip)
            {
                ZipFile.ExtractToDirectory(archivePath, destination, overwriteFiles: true);
                return;
            }
            using Stream file = File.OpenRead(archivePath);
            var gzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
            file.Position = 0;
            using var stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            TarFile.ExtractToDirectory(stream, destination, overwriteFiles: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new UserInputException($"cannot unpack {archivePath}: {e.Message}", $"delete {archivePath} so the next run downloads it again", e);
        }
    }

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string? ReadManifest(string cacheRoot)
    {
        var path = Path.Combine(cacheRoot, ManifestName);
        if (!File.Exists(path)) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("revision", out var revision) ? revision.GetString() : null;
    }

    private static void WriteManifest(string cacheRoot, string source, DatasetSpec spec, string? revision)
    {
        Directory.CreateDirectory(cacheRoot);
        var manifest = new { source, requested_revision = spec.Revision, revision, files = spec.Files, downloaded_utc = DateTime.UtcNow.ToString("O") };
        File.WriteAllText(Path.Combine(cacheRoot, ManifestName), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
    }
}
