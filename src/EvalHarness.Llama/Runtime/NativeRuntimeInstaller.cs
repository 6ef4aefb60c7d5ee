namespace EvalHarness.Llama.Runtime;

/// <summary>
/// Makes a runtime flavour's library folder exist in the cache, fetching pinned packages on first use.
/// Safe across processes: a lock file serialises concurrent installs of the same package.
/// </summary>
public sealed class NativeRuntimeInstaller
{
    private readonly string _cacheRoot;
    private readonly NpmPackageFetcher _fetcher;

    public NativeRuntimeInstaller(string cacheRoot, NpmPackageFetcher? fetcher = null)
    {
        _cacheRoot = cacheRoot;
        _fetcher = fetcher ?? new NpmPackageFetcher();
    }

    public string RuntimeRoot => Path.Combine(_cacheRoot, "runtime");

    /// <summary>The library folder for <paramref name="flavour"/>, fetched if absent.</summary>
    public string EnsureFlavour(RuntimeFlavour flavour, CancellationToken cancellationToken = default) => flavour switch
    {
        RuntimeFlavour.Cpu => EnsurePackage(NativeRuntimeCatalog.CpuPackage(), cancellationToken),
        RuntimeFlavour.Cuda => EnsurePackage(RequireCudaPackage(), cancellationToken),
        RuntimeFlavour.Cuda12 => EnsureCuda12(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(flavour), flavour, "custom runtimes are not installed by the harness"),
    };

    /// <summary>The bin folder of one package, fetched if absent.</summary>
    public string EnsurePackage(NativeRuntimePackage package, CancellationToken cancellationToken = default)
    {
        var packageRoot = Path.Combine(RuntimeRoot, SafeName(package));
        var bin = Path.Combine(packageRoot, package.BinFolder);
        if (Directory.Exists(bin)) return bin;

        Directory.CreateDirectory(RuntimeRoot);
        using (AcquireLock(packageRoot + ".lock", cancellationToken))
        {
            if (!Directory.Exists(bin))
            {
                if (Directory.Exists(packageRoot)) Directory.Delete(packageRoot, recursive: true);
                _fetcher.FetchInto(package, packageRoot, cancellationToken);
            }
        }
        if (!Directory.Exists(bin))
        {
            throw new UserInputException(
                $"{package.Spec} was fetched but has no {package.BinFolder} folder",
                $"delete {packageRoot} and try again; report a bug if it persists");
        }
        return bin;
    }

    /// <summary>
    /// node-llama-cpp ships the CUDA 12 build as a lone libggml-cuda in a second package; assemble a folder with
    /// the CUDA package's libraries and that fallback so ggml's loader finds the right one by name.
    /// </summary>
    private string EnsureCuda12(CancellationToken cancellationToken)
    {
        var cudaBin = EnsurePackage(RequireCudaPackage(), cancellationToken);
        var fallbackBin = EnsurePackage(NativeRuntimeCatalog.LinuxX64CudaExt, cancellationToken);
        var merged = Path.Combine(RuntimeRoot, $"cuda12@{NativeRuntimeCatalog.NodeLlamaCppVersion}");
        if (Directory.Exists(merged)) return merged;

        var staging = merged + ".staging-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        foreach (var file in Directory.GetFiles(cudaBin))
        {
            var name = Path.GetFileName(file);
            var source = name.StartsWith("libggml-cuda", StringComparison.Ordinal) ? Path.Combine(fallbackBin, name) : file;
            File.CreateSymbolicLink(Path.Combine(staging, name), source);
        }
        try
        {
            Directory.Move(staging, merged);
        }
        catch (IOException) when (Directory.Exists(merged))
        {
            Directory.Delete(staging, recursive: true); // another process finished first
        }
        return merged;
    }

    private static NativeRuntimePackage RequireCudaPackage() =>
        NativeRuntimeCatalog.CudaPackage() ?? throw new UserInputException(
            "no prebuilt CUDA runtime of llama.cpp exists for this platform",
            "use --device cpu, or build llama.cpp v0.5.0 with CUDA and set EVALHARNESS_LLAMA_DIR");

    private static string SafeName(NativeRuntimePackage package) =>
        package.Name.TrimStart('@').Replace('/', '-') + "@" + package.Version;

    private static FileStream AcquireLock(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process is installing the same package: wait for it.
                Task.Delay(250, cancellationToken).Wait(cancellationToken);
            }
        }
    }
}
