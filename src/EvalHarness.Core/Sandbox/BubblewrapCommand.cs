namespace EvalHarness.Core.Sandbox;

/// <summary>
/// Builds the bwrap command line: an empty root with read-only system directories and the interpreter's prefix,
/// fresh /proc, /dev and /tmp, the run's temporary directory as the only writable host path (/sandbox, also $HOME
/// and the cwd), no environment but a few fixed variables, and new net/pid/ipc/uts namespaces. Nothing from the
/// user's home or the repository is visible.
/// </summary>
internal static class BubblewrapCommand
{
    public const string InsideWorkDirectory = "/sandbox";
    public const string InsideProgram = "/sandbox/main.py";

    /// <summary>System directories; merged-/usr distributions have several of them as symlinks into /usr.</summary>
    private static readonly string[] SystemDirectories = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>The few /etc files the dynamic loader and Python's standard library read; not all of /etc.</summary>
    private static readonly string[] EtcFiles =
    [
        "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/etc/passwd", "/etc/group",
        "/etc/nsswitch.conf", "/etc/alternatives",
    ];

    /// <param name="asRoot">Root cannot use a user namespace and drop to another uid afterwards (the uid would be
    /// unmapped), so as root the user namespace is skipped and the launcher drops privileges itself.</param>
    public static List<string> Arguments(PythonInterpreter python, string hostWorkDirectory, bool asRoot, string runMarker)
    {
        var args = new List<string>();
        if (asRoot) args.AddRange(["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]);
        else args.Add("--unshare-all");
        args.AddRange(["--die-with-parent", "--new-session"]);
        foreach (var dir in SystemDirectories) AddSystemDirectory(args, dir);
        foreach (var file in EtcFiles) args.AddRange(["--ro-bind-try", file, file]);
        var created = new HashSet<string>(StringComparer.Ordinal) { "/" };
        foreach (var prefix in python.Prefixes.Where(p => !IsCoveredBySystem(p)))
        {
            AddParentDirectories(args, prefix, created);
            args.AddRange(["--ro-bind", prefix, prefix]);
        }
        args.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        args.AddRange(["--perms", "1777", "--size", (64 * SandboxLimits.MiB).ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", "/tmp"]);
        args.AddRange(["--bind", hostWorkDirectory, InsideWorkDirectory, "--chdir", InsideWorkDirectory]);
        args.AddRange(["--clearenv", "--setenv", "HOME", InsideWorkDirectory, "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
            "--setenv", "LANG", "C.UTF-8", "--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--setenv", "EVALHARNESS_SANDBOX_RUN", runMarker]);
        return args;
    }

    private static void AddSystemDirectory(List<string> args, string dir)
    {
        var info = new DirectoryInfo(dir);
        if (!info.Exists) return;
        if (info.LinkTarget is { } target) args.AddRange(["--symlink", target, dir]);
        else args.AddRange(["--ro-bind", dir, dir]);
    }

    private static bool IsCoveredBySystem(string path) =>
        SystemDirectories.Any(d => path == d || path.StartsWith(d + "/", StringComparison.Ordinal));

    /// <summary>bwrap copies the host's mode for implicit parents (/root is 0700), which would lock the dropped uid
    /// out of the interpreter; creating them explicitly as 0755 directories avoids that.</summary>
    private static void AddParentDirectories(List<string> args, string path, HashSet<string> created)
    {
        var parents = new List<string>();
        for (var parent = Path.GetDirectoryName(path); !string.IsNullOrEmpty(parent) && parent != "/"; parent = Path.GetDirectoryName(parent))
        {
            parents.Add(parent);
        }
        parents.Reverse();
        foreach (var parent in parents.Where(created.Add)) args.AddRange(["--perms", "0755", "--dir", parent]);
    }
}
