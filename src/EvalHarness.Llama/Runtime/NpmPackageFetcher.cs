using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace EvalHarness.Llama.Runtime;

/// <summary>
/// Fetches one npm package tarball with <c>npm pack</c> (so the user's npm configuration — registry, proxy, auth —
/// applies), verifies it against the pinned integrity hash and unpacks it into a folder.
/// </summary>
public sealed class NpmPackageFetcher
{
    private readonly string _npm;
    private readonly IReadOnlyList<string> _extraArguments;

    /// <param name="npmExecutable">The npm command; "npm" finds it on PATH.</param>
    /// <param name="extraArguments">Extra arguments for npm (tests use them to point at an unreachable registry).</param>
    public NpmPackageFetcher(string npmExecutable = "npm", IReadOnlyList<string>? extraArguments = null)
    {
        _npm = npmExecutable;
        _extraArguments = extraArguments ?? [];
    }

    /// <summary>Downloads, verifies and unpacks <paramref name="package"/> into <paramref name="destination"/>.</summary>
    public void FetchInto(NativeRuntimePackage package, string destination, CancellationToken cancellationToken = default)
    {
        var work = Path.Combine(Path.GetDirectoryName(destination)!, ".download-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var tarball = Pack(package, work, cancellationToken);
            VerifyIntegrity(package, tarball);
            var unpacked = Path.Combine(work, "unpacked");
            Unpack(tarball, unpacked);
            // npm tarballs keep everything under "package/"; move it into place in one step so a half-unpacked
            // folder is never mistaken for a complete one.
            Directory.Move(Path.Combine(unpacked, "package"), destination);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private string Pack(NativeRuntimePackage package, string workDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_npm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pack", package.Spec, "--json", "--pack-destination", workDirectory }.Concat(_extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UserInputException(
                $"npm was not found (tried '{_npm}'); it is needed once to fetch the llama.cpp runtime {package.Spec}",
                "install Node.js with npm (https://nodejs.org), or set EVALHARNESS_LLAMA_DIR to a folder with llama.cpp v0.5.0 shared libraries",
                e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new UserInputException(
                    $"npm could not fetch {package.Spec} (exit {process.ExitCode}): {LastLines(stderr.Result, 3)}",
                    "connect to the npm registry once so the runtime can be cached (later runs work offline), " +
                    "or set EVALHARNESS_LLAMA_DIR to a folder with llama.cpp v0.5.0 shared libraries");
            }
            return TarballPath(stdout.Result, workDirectory, package);
        }
    }

    private static string TarballPath(string npmJson, string workDirectory, NativeRuntimePackage package)
    {
        using var document = JsonDocument.Parse(npmJson);
        var filename = document.RootElement[0].GetProperty("filename").GetString()!;
        // npm reports scoped names as "scope-name-version.tgz"; trust the file system over the report.
        var path = Path.Combine(workDirectory, filename);
        if (File.Exists(path)) return path;
        var tgz = Directory.GetFiles(workDirectory, "*.tgz");
        return tgz.Length == 1 ? tgz[0] : throw new InvalidOperationException($"npm pack of {package.Spec} produced no tarball");
    }

    /// <summary>Checks a tarball against the package's pinned sha512 SRI string.</summary>
    public static void VerifyIntegrity(NativeRuntimePackage package, string tarball)
    {
        if (package.Integrity is null) return;
        const string prefix = "sha512-";
        if (!package.Integrity.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"pinned integrity of {package.Spec} is not a sha512 SRI string");
        }
        using var stream = File.OpenRead(tarball);
        var actual = Convert.ToBase64String(SHA512.HashData(stream));
        if (actual != package.Integrity[prefix.Length..])
        {
            throw new UserInputException(
                $"the downloaded {package.Spec} does not match its pinned hash (expected {package.Integrity}, got sha512-{actual})",
                "check your npm registry or proxy configuration; the package may have been tampered with or replaced");
        }
    }

    private static void Unpack(string tarball, string destination)
    {
        Directory.CreateDirectory(destination);
        using var file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, destination, overwriteFiles: false);
    }

    private static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
