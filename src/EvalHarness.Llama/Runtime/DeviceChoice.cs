namespace EvalHarness.Llama.Runtime;

/// <summary>What the user asked to run on (<c>--device</c>).</summary>
public enum DeviceChoice
{
    /// <summary>CUDA when the machine has an NVIDIA driver and a CUDA runtime, else CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}

/// <summary>Which build of llama.cpp is loaded.</summary>
public enum RuntimeFlavour
{
    Cpu,
    /// <summary>CUDA 13 build.</summary>
    Cuda,
    /// <summary>CUDA 12 build (node-llama-cpp's "cuda-ext" fallback library).</summary>
    Cuda12,
    /// <summary>A user's own build of the same release (EVALHARNESS_LLAMA_DIR).</summary>
    Custom,
}
