namespace EvalHarness.Testing;

/// <summary>
/// Where tests find the repository and the read-only ../shared folder (real datasets and the tiny real model).
/// Acceptance tests that need ../shared call <see cref="RequireShared"/>, which skips with a visible reason when
/// the folder is absent.
/// </summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The ../shared folder beside the checkout, or null when it is absent.</summary>
    public static string? SharedOrNull
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("EVALHARNESS_SHARED");
            if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return Path.GetFullPath(fromEnv);
            var beside = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    /// <summary>A path inside ../shared; skips the calling test when it does not exist.</summary>
    public static string RequireShared(params string[] relative)
    {
        var shared = SharedOrNull;
        if (shared is null)
        {
            Assert.Skip("../shared is absent beside the checkout (set EVALHARNESS_SHARED to point at it)");
        }
        var path = Path.Combine([shared!, .. relative]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"{Path.Combine(relative)} is absent from ../shared");
        }
        return path;
    }

    /// <summary>A fresh empty temporary directory, removed when the returned handle is disposed.</summary>
    public static TempDirectory NewTempDirectory() => new();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EvalHarness.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"EvalHarness.sln not found above {AppContext.BaseDirectory}");
    }
}

public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evalharness-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
