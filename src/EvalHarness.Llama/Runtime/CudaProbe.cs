using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Runtime;

/// <summary>What CUDA pieces this machine has, found the way the dynamic loader would find them.</summary>
public sealed record CudaProbe(bool HasDriver, bool HasRuntime13, bool HasRuntime12)
{
    public static CudaProbe Detect()
    {
        if (OperatingSystem.IsLinux())
        {
            return new CudaProbe(
                CanLoad("libcuda.so.1"),
                CanLoad("libcudart.so.13") && CanLoad("libcublas.so.13"),
                CanLoad("libcudart.so.12") && CanLoad("libcublas.so.12"));
        }
        if (OperatingSystem.IsWindows())
        {
            return new CudaProbe(
                CanLoad("nvcuda.dll"),
                CanLoad("cudart64_13.dll") && CanLoad("cublas64_13.dll"),
                CanLoad("cudart64_12.dll") && CanLoad("cublas64_12.dll"));
        }
        return new CudaProbe(false, false, false);
    }

    public bool Usable => HasDriver && (HasRuntime13 || HasRuntime12);

    public string Describe() =>
        $"driver (libcuda): {(HasDriver ? "found" : "missing")}; CUDA 13 runtime: {(HasRuntime13 ? "found" : "missing")}; " +
        $"CUDA 12 runtime: {(HasRuntime12 ? "found" : "missing")}";

    private static bool CanLoad(string name)
    {
        if (!NativeLibrary.TryLoad(name, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }
}
