namespace EvalHarness.Llama.Runtime;

/// <summary>Where fetched runtimes live: EVALHARNESS_CACHE, else the per-user cache folder of the OS.</summary>
public static class RuntimeCacheDirectory
{
    public const string EnvironmentVariable = "EVALHARNESS_CACHE";

    public static string Default()
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
