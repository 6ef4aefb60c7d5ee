using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Bench;

/// <summary>
/// llama.cpp's own command-line tools (llama-batched-bench, llama-perplexity) of the same release as the runtime,
/// used as the reference in benchmarks. Built on demand from the source bundle inside the node-llama-cpp npm package
/// (llama/gitRelease.bundle) into the cache — never committed — or taken from EVALHARNESS_LLAMA_TOOLS.
/// </summary>
public sealed class LlamaCppTools
{
    public const string ToolsDirectoryVariable = "EVALHARNESS_LLAMA_TOOLS";

    /// <summary>The npm package that carries llama.cpp's source as a git bundle.</summary>
    public static readonly NativeRuntimePackage SourcePackage = new(
        "node-llama-cpp", NativeRuntimeCatalog.NodeLlamaCppVersion,
        "sha512-bltIipuWmc123H7tMIgDGKSsSrhmhlQYeVUC48XTjVW7XGJJiJJyCdlTMzQ/LiWoPkGDpcL4FviDpgw7qfTiDw==",
        "llama");

    private static readonly string[] Targets = ["llama-batched-bench", "llama-perplexity"];

    private readonly string _cacheRoot;
    private readonly TextWriter? _log;

    public LlamaCppTools(string cacheRoot, TextWriter? log = null)
    {
        _cacheRoot = cacheRoot;
        _log = log;
    }

    /// <summary>Path of a built tool, building the tools first if needed.</summary>
    public string Ensure(string tool, bool cuda, CancellationToken cancellationToken = default)
    {
        var fromEnv = Environment.GetEnvironmentVariable(ToolsDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            var given = Path.Combine(fromEnv, ExecutableName(tool));
            return File.Exists(given) ? given : throw new UserInputException(
                $"{ToolsDirectoryVariable}={fromEnv} has no {ExecutableName(tool)}", $"build llama.cpp {NativeRuntimeCatalog.LlamaCppRelease}'s tools there, or unset {ToolsDirectoryVariable}");
        }
        var binary = CachedBinary(tool, cuda);
        if (File.Exists(binary)) return binary;
        Build(EnsureSource(cancellationToken), BuildDirectory(cuda), cuda, cancellationToken);
        return File.Exists(binary) ? binary : throw new InvalidOperationException($"the build finished but {binary} is missing");
    }

    /// <summary>A tool that is already built (EVALHARNESS_LLAMA_TOOLS or the cache), or null; never builds.</summary>
    public string? TryFind(string tool, bool cuda)
    {
        var fromEnv = Environment.GetEnvironmentVariable(ToolsDirectoryVariable);
        var path = !string.IsNullOrWhiteSpace(fromEnv) ? Path.Combine(fromEnv, ExecutableName(tool)) : CachedBinary(tool, cuda);
        return File.Exists(path) ? path : null;
    }

    private string BuildDirectory(bool cuda) =>
        Path.Combine(_cacheRoot, "llama.cpp-tools", $"{NativeRuntimeCatalog.LlamaCppRelease}-{(cuda ? "cuda" : "cpu")}");

    // llama.cpp's CMakeLists puts every executable in <build>/bin.
    private string CachedBinary(string tool, bool cuda) => Path.Combine(BuildDirectory(cuda), "bin", ExecutableName(tool));

    /// <summary>The pinned llama.cpp source tree (cloned once from the bundle inside the node-llama-cpp npm package):
    /// the tools are built from it, and tests read its vocabulary files and chat templates.</summary>
    public string EnsureSource(CancellationToken cancellationToken = default)
    {
        var source = Path.Combine(_cacheRoot, "llama.cpp-src", NativeRuntimeCatalog.LlamaCppRelease);
        if (File.Exists(Path.Combine(source, "include", "llama.h"))) return source;
        var installer = new NativeRuntimeInstaller(_cacheRoot);
        var llamaFolder = installer.EnsurePackage(SourcePackage, cancellationToken);
        var bundle = Path.Combine(llamaFolder, "gitRelease.bundle");
        _log?.WriteLine($"cloning llama.cpp {NativeRuntimeCatalog.LlamaCppRelease} from {bundle}");
        var clone = ExternalProcess.Run("git", ["clone", "--quiet", bundle, source], cancellationToken: cancellationToken);
        if (clone.ExitCode != 0)
        {
            throw new UserInputException($"git could not clone {bundle}: {ExternalProcess.Tail(clone.Stderr, 3)}", $"delete {source} and try again");
        }
        return source;
    }

    private void Build(string source, string buildDirectory, bool cuda, CancellationToken cancellationToken)
    {
        var configure = new List<string>
        {
            "-S", source, "-B", buildDirectory, "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_SHARED_LIBS=OFF", "-DGGML_NATIVE=ON",
            "-DLLAMA_BUILD_TESTS=OFF", "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_BUILD_SERVER=OFF", "-DLLAMA_OPENSSL=OFF",
        };
        if (cuda) configure.AddRange(["-DGGML_CUDA=ON", "-DCMAKE_CUDA_ARCHITECTURES=native"]);
        _log?.WriteLine($"building llama.cpp's reference tools ({string.Join(", ", Targets)}) into {buildDirectory}; this takes several minutes once");
        Check(ExternalProcess.Run("cmake", configure, cancellationToken: cancellationToken), "configure");
        var build = new List<string> { "--build", buildDirectory, "--config", "Release", "-j", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "--target" };
        build.AddRange(Targets);
        Check(ExternalProcess.Run("cmake", build, cancellationToken: cancellationToken), "build");
    }

    private static void Check(ExternalProcess.Outcome outcome, string step)
    {
        if (outcome.ExitCode == 0) return;
        throw new UserInputException(
            $"cmake could not {step} llama.cpp's tools: {ExternalProcess.Tail(outcome.Stderr + outcome.Stdout, 5)}",
            $"install a C++ compiler and cmake (and the CUDA toolkit for --device cuda), or point {ToolsDirectoryVariable} at existing llama.cpp {NativeRuntimeCatalog.LlamaCppRelease} tools");
    }

    private static string ExecutableName(string tool) => OperatingSystem.IsWindows() ? tool + ".exe" : tool;
}
