using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Runtime;

/// <summary>
/// The pinned native packages per platform. Versions and integrity hashes are pinned so that the binding (written
/// against llama.h of release v0.5.0) always meets the library it was written for.
/// </summary>
public static class NativeRuntimeCatalog
{
    public const string LlamaCppRelease = "v0.5.0";
    public const string NodeLlamaCppVersion = "3.22.1";

    public static readonly NativeRuntimePackage LinuxX64Cpu = new(
        "@node-llama-cpp/linux-x64", NodeLlamaCppVersion,
        "sha512-5uCCDNqWCNfaAm8aR/Uzxbo4HBpKgNF91kCHPepKhgMgV2OAmatoefbOlMihsqCiH2Od35E/eUHQCFbfRBJuOg==",
        "bins/linux-x64");

    public static readonly NativeRuntimePackage LinuxX64Cuda = new(
        "@node-llama-cpp/linux-x64-cuda", NodeLlamaCppVersion,
        "sha512-8rQCjyNNLZJUFit+YpjwlC4hwkKgOMIkB2wuycKBf8NU2O3ySKbiWZQ8aw9ku2nUTXjSnUIrE6KB88itduTBuA==",
        "bins/linux-x64-cuda");

    /// <summary>Only the CUDA 12 build of libggml-cuda; the other libraries come from <see cref="LinuxX64Cuda"/>.</summary>
    public static readonly NativeRuntimePackage LinuxX64CudaExt = new(
        "@node-llama-cpp/linux-x64-cuda-ext", NodeLlamaCppVersion,
        "sha512-4e5ajkiM2aR2WAdB/N/ACk4weEhHvOAIrzxZPsIX0xDFW5+6hhShuy1/vs88SK9NGdgAco9IyE28eYS0H1efpA==",
        "bins/linux-x64-cuda/fallback");

    public static readonly NativeRuntimePackage LinuxArm64Cpu = new(
        "@node-llama-cpp/linux-arm64", NodeLlamaCppVersion,
        "sha512-W+7naKCXX9/eEjjFmRS8vvx91QyLXDbeFxexZc3bh/PtQABZgmRL3C0AtYYXn4YGTj/3Qor4lWZn2tpjZFPLdQ==",
        "bins/linux-arm64");

    // The registry copy this project is developed against does not serve the Windows and macOS twins, so their
    // hashes could not be pinned here; npm verifies them against the registry and the manifest records "unpinned".
    public static readonly NativeRuntimePackage WinX64Cpu = new("@node-llama-cpp/win-x64", NodeLlamaCppVersion, null, "bins/win-x64");
    public static readonly NativeRuntimePackage WinX64Cuda = new("@node-llama-cpp/win-x64-cuda", NodeLlamaCppVersion, null, "bins/win-x64-cuda");
    public static readonly NativeRuntimePackage MacArm64Metal = new("@node-llama-cpp/mac-arm64-metal", NodeLlamaCppVersion, null, "bins/mac-arm64-metal");

    /// <summary>The package holding the CPU build for this machine.</summary>
    public static NativeRuntimePackage CpuPackage()
    {
        if (OperatingSystem.IsLinux())
        {
            return RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? LinuxArm64Cpu : LinuxX64Cpu;
        }
        if (OperatingSystem.IsWindows()) return WinX64Cpu;
        if (OperatingSystem.IsMacOS()) return MacArm64Metal;
        throw new UserInputException(
            $"no prebuilt llama.cpp runtime is known for {RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})",
            $"build llama.cpp {LlamaCppRelease} with shared libraries and set EVALHARNESS_LLAMA_DIR to its library folder");
    }

    /// <summary>The package holding the CUDA 13 build, or null where none exists for this platform.</summary>
    public static NativeRuntimePackage? CudaPackage()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        if (OperatingSystem.IsLinux()) return LinuxX64Cuda;
        if (OperatingSystem.IsWindows()) return WinX64Cuda;
        return null;
    }
}
