namespace EvalHarness.Core.Models;

/// <summary>
/// Turns what a user passes as <c>--model</c> into a file on disk: an existing path as it is; <c>hf:owner/repo[@rev]/file</c>
/// or a catalog name from the cache (&lt;cache&gt;/models/&lt;owner&gt;/&lt;repo&gt;/&lt;revision&gt;/&lt;file&gt;),
/// downloaded there first unless offline. The catalog is read only when a name needs it.
/// </summary>
public sealed class ModelResolver(ModelAccessOptions options, ModelCatalog? catalog = null, HttpClient? http = null)
{
    private ModelCatalog? _catalog = catalog;
    private bool _catalogSearched = catalog is not null;

    /// <summary>Download and hashing progress (called from the download's thread).</summary>
    public Action<DownloadProgress>? Progress { get; init; }

    /// <summary>Warnings and retries, one line each (e.g. a catalog entry without a sha256).</summary>
    public Action<string>? Notice { get; init; }

    public ModelAccessOptions Options => options;

    public async Task<ResolvedModel> ResolveAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new UserInputException("no model given", "pass --model with a .gguf path, a catalog name (evalharness models list) or hf:owner/repo/file.gguf");
        }
        if (HubFileReference.LooksLikeHubReference(reference))
        {
            return await FetchAsync(reference, HubFileReference.Parse(reference), null, cancellationToken);
        }
        if (File.Exists(reference))
        {
            return new ResolvedModel(Path.GetFullPath(reference), ModelReferenceKind.LocalFile, reference, null, null, null, false, false);
        }
        if (Directory.Exists(reference))
        {
            throw new UserInputException($"model {reference} is a directory", "pass the .gguf file inside it");
        }
        if (FindInCatalog(reference) is { } entry)
        {
            return await FetchAsync(reference, entry.Source, entry, cancellationToken);
        }
        throw NotFound(reference);
    }

    /// <summary>
    /// Downloads a catalog model or hf: reference (never a local path) into the cache, or into
    /// <paramref name="targetDirectory"/> under its file name.
    /// </summary>
    public async Task<ResolvedModel> PullAsync(string reference, string? targetDirectory = null, CancellationToken cancellationToken = default)
    {
        if (HubFileReference.LooksLikeHubReference(reference))
        {
            return await FetchAsync(reference, HubFileReference.Parse(reference), null, cancellationToken, targetDirectory);
        }
        if (FindInCatalog(reference) is { } entry)
        {
            return await FetchAsync(reference, entry.Source, entry, cancellationToken, targetDirectory);
        }
        if (File.Exists(reference))
        {
            throw new UserInputException($"{reference} is a file on disk: there is nothing to pull", "pass it to --model as it is, or pull a catalog name or hf:owner/repo/file.gguf");
        }
        throw NotFound(reference);
    }

    /// <summary>Where a Hub file is (or would be) kept: the cache, or the target directory under its file name.</summary>
    public string LocalPath(HubFileReference source, string? targetDirectory = null) =>
        targetDirectory is null
            ? source.CachePath(options.CacheDirectory)
            : Path.Combine(Path.GetFullPath(targetDirectory), source.FileName);

    public CatalogEntry? FindInCatalog(string name) => Catalog()?.Find(name);

    private async Task<ResolvedModel> FetchAsync(
        string reference, HubFileReference source, CatalogEntry? entry, CancellationToken cancellationToken, string? targetDirectory = null)
    {
        // An hf: reference to a catalogued file gets the catalog's size and hash, so it is verified too.
        entry ??= Catalog()?.Entries.FirstOrDefault(e => e.Source == source);
        var kind = HubFileReference.LooksLikeHubReference(reference) ? ModelReferenceKind.Hub : ModelReferenceKind.Catalog;
        var destination = LocalPath(source, targetDirectory);
        if (!File.Exists(destination) && options.Offline)
        {
            throw new UserInputException(
                $"model {reference} ({source}) is not on disk at {destination}, and offline mode is on",
                $"run `evalharness models pull {reference}{(targetDirectory is null ? "" : $" --dir {targetDirectory}")}` with network access (without --offline / EVALHARNESS_OFFLINE), or pass a local .gguf path");
        }
        if (entry?.Sha256 is null && !File.Exists(destination))
        {
            Notice?.Invoke(entry is null
                ? $"warning: {source} has no known sha256 (it is not in the model catalog): the download cannot be verified"
                : $"warning: the catalog has no sha256 for {entry.Name}: the download cannot be verified");
        }

        using var ownClient = http is null ? CreateClient() : null;
        var downloader = new ModelDownloader(http ?? ownClient!, options);
        var file = await downloader.EnsureAsync(source.DownloadUrl(options.HubEndpoint), destination, entry?.SizeBytes, entry?.Sha256,
            Progress, Notice, cancellationToken);
        return new ResolvedModel(file.Path, kind, reference, entry, source, file.Sha256, file.Downloaded, file.Verified);
    }

    private ModelCatalog? Catalog()
    {
        if (!_catalogSearched)
        {
            _catalogSearched = true;
            _catalog = ModelCatalog.TryLocateDefault() is { } path ? ModelCatalog.Load(path) : null;
        }
        return _catalog;
    }

    private UserInputException NotFound(string reference)
    {
        var looksLikePath = reference.Contains('/') || reference.Contains('\\') || reference.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase);
        if (looksLikePath)
        {
            return new UserInputException($"model file {reference} does not exist",
                "check the path, or use a catalog name (evalharness models list) or hf:owner/repo/file.gguf");
        }
        var names = Catalog()?.Entries.Select(e => e.Name).ToArray() ?? [];
        return new UserInputException(
            $"'{reference}' is neither a model file nor a name in the model catalog",
            names.Length == 0
                ? "pass a .gguf path or hf:owner/repo/file.gguf (no models/catalog.yaml was found)"
                : $"use a .gguf path, hf:owner/repo/file.gguf, or one of: {string.Join(", ", names)}");
    }

    // No overall timeout: a 34 GB file takes as long as it takes. Connecting is bounded, and Ctrl+C cancels.
    private static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) }) { Timeout = Timeout.InfiniteTimeSpan };
}
