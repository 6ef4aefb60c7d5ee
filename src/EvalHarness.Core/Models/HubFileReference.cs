namespace EvalHarness.Core.Models;

/// <summary>
/// One file in a Hugging Face model repository at a revision: written <c>hf:owner/repo/path/file.gguf</c>, or
/// <c>hf:owner/repo@revision/path/file.gguf</c> to pin a branch, tag or commit (default <c>main</c>).
/// </summary>
public sealed record HubFileReference
{
    public const string Prefix = "hf:";
    public const string DefaultRevision = "main";

    public HubFileReference(string owner, string repository, string filePath, string? revision = null)
    {
        Owner = owner;
        Repository = repository;
        FilePath = filePath;
        Revision = string.IsNullOrEmpty(revision) ? DefaultRevision : revision;
        if (Problem() is { } problem)
        {
            throw new UserInputException($"model reference {this}: {problem}", Usage);
        }
    }

    public string Owner { get; }
    public string Repository { get; }
    public string Revision { get; }

    /// <summary>The file's path inside the repository, '/'-separated.</summary>
    public string FilePath { get; }

    /// <summary>owner/repo, as the Hub writes it.</summary>
    public string RepositoryId => $"{Owner}/{Repository}";

    public string FileName => FilePath[(FilePath.LastIndexOf('/') + 1)..];

    private const string Usage = "write hf:owner/repo/path/file.gguf, or hf:owner/repo@revision/path/file.gguf to pin a revision";

    public static bool LooksLikeHubReference(string text) => text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static HubFileReference Parse(string text)
    {
        if (!LooksLikeHubReference(text)) throw new UserInputException($"'{text}' is not a Hugging Face reference", Usage);
        var parts = text[Prefix.Length..].Split('/');
        if (parts.Length < 3 || parts.Any(p => p.Length == 0))
        {
            throw new UserInputException($"'{text}' is not a Hugging Face file reference (it needs owner, repository and file)", Usage);
        }
        var repository = parts[1];
        string? revision = null;
        var at = repository.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            revision = repository[(at + 1)..];
            repository = repository[..at];
            if (revision.Length == 0) throw new UserInputException($"'{text}' names an empty revision after '@'", Usage);
        }
        return new HubFileReference(parts[0], repository, string.Join('/', parts[2..]), revision);
    }

    /// <summary>The Hub's download address of the file: {endpoint}/{owner}/{repo}/resolve/{revision}/{path}.</summary>
    public string DownloadUrl(string endpoint) =>
        $"{endpoint.TrimEnd('/')}/{Escape(Owner)}/{Escape(Repository)}/resolve/{Escape(Revision)}/{string.Join('/', FilePath.Split('/').Select(Escape))}";

    /// <summary>Where the file lives under a models cache folder: owner/repo/revision/path.</summary>
    public string CachePath(string modelsCacheDirectory) =>
        Path.Combine([modelsCacheDirectory, Owner, Repository, Revision, .. FilePath.Split('/')]);

    public override string ToString() =>
        $"{Prefix}{Owner}/{Repository}{(Revision == DefaultRevision ? "" : "@" + Revision)}/{FilePath}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    // Every segment becomes a folder name in the cache, so nothing may climb out of it or hide a separator.
    private string? Problem()
    {
        foreach (var (segment, what) in new[] { (Owner, "owner"), (Repository, "repository"), (Revision, "revision") })
        {
            if (!IsSafeSegment(segment)) return $"the {what} '{segment}' is not a plain name";
        }
        var fileSegments = FilePath.Split('/');
        if (fileSegments.Any(s => !IsSafeSegment(s))) return $"the file path '{FilePath}' has an empty, '.', '..' or otherwise unusable part";
        return null;
    }

    private static bool IsSafeSegment(string segment) =>
        segment.Length > 0 && segment is not "." and not ".."
        && segment.IndexOfAny(['\\', '/', ':', '*', '?', '"', '<', '>', '|']) < 0
        && !segment.Any(char.IsControl);
}
