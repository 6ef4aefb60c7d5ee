namespace EvalHarness.Core;

/// <summary>
/// The one cache root of the harness (runtimes, datasets, reference tools, generated models): EVALHARNESS_CACHE, else
/// the per-user cache folder of the OS (XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
/// %LOCALAPPDATA% on Windows).
/// </summary>
public static class CacheDirectory
{
    public const string EnvironmentVariable = "EVALHARNESS_CACHE";

    public static string Root()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "EvalHarness");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var baseDir = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), OperatingSystem.IsMacOS() ? "Library/Caches" : ".cache");
        return Path.Combine(baseDir, "evalharness");
    }
}
