namespace EvalHarness.Llama.Runtime;

/// <summary>A compute device llama.cpp registered (CPU, GPU, accelerator).</summary>
public sealed record ComputeDevice(string Name, string Description, string Kind, ulong FreeBytes, ulong TotalBytes);

/// <summary>The loaded runtime, for manifests and `evalharness runtime`.</summary>
public sealed record NativeRuntimeInfo(
    RuntimeFlavour Flavour,
    string Directory,
    string Release,
    string SystemInfo,
    IReadOnlyList<ComputeDevice> Devices)
{
    public bool HasGpu => Devices.Any(d => d.Kind is "GPU" or "iGPU");

    public string Describe() =>
        $"llama.cpp {Release} ({Flavour.ToString().ToLowerInvariant()}) from {Directory}; devices: " +
        string.Join(", ", Devices.Select(d => $"{d.Name} [{d.Kind}] {d.Description}"));
}
