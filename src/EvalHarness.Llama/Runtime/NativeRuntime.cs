using System.Reflection;
using System.Runtime.InteropServices;
using EvalHarness.Llama.Native;

namespace EvalHarness.Llama.Runtime;

/// <summary>
/// Explicit, once-per-process loading of llama.cpp. Nothing loads native code implicitly: every engine entry point
/// calls <see cref="Load"/> first, which either returns the loaded runtime or throws one actionable error saying
/// what was tried. Native libraries cannot be unloaded, so a second call asking for another flavour is refused.
/// </summary>
public static class NativeRuntime
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IntPtr> Handles = new(StringComparer.Ordinal);
    private static NativeRuntimeInfo? _loaded;
    private static bool _resolverInstalled;

    public static NativeRuntimeInfo? Loaded
    {
        get { lock (Gate) return _loaded; }
    }

    public static NativeRuntimeInfo Load(NativeRuntimeOptions options, CancellationToken cancellationToken = default)
    {
        lock (Gate)
        {
            var (flavour, directory) = Resolve(options, cancellationToken);
            if (_loaded is not null)
            {
                if (_loaded.Flavour == flavour || options.Device == DeviceChoice.Auto) return _loaded;
                throw new UserInputException(
                    $"llama.cpp is already loaded in this process as the {_loaded.Flavour} build; {flavour} was asked for",
                    "use one --device per process");
            }
            _loaded = LoadFrom(flavour, directory);
            if (options.Device == DeviceChoice.Cuda && !_loaded.HasGpu)
            {
                throw new UserInputException(
                    $"the CUDA build of llama.cpp loaded from {directory} but registered no GPU ({CudaProbe.Detect().Describe()})",
                    "check the NVIDIA driver with nvidia-smi, or use --device cpu");
            }
            return _loaded;
        }
    }

    /// <summary>Which build to use and where its libraries are (fetching it when needed).</summary>
    public static (RuntimeFlavour Flavour, string Directory) Resolve(NativeRuntimeOptions options, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(options.LlamaDirectory))
        {
            return (RuntimeFlavour.Custom, Path.GetFullPath(options.LlamaDirectory));
        }
        var installer = new NativeRuntimeInstaller(
            options.CacheDirectory ?? RuntimeCacheDirectory.Default(), new NpmPackageFetcher(options.NpmExecutable));
        var flavour = ChooseFlavour(options.Device, CudaProbe.Detect());
        return (flavour, installer.EnsureFlavour(flavour, cancellationToken));
    }

    /// <summary>CUDA 13 first, then the CUDA 12 fallback, then CPU — as far as the device choice allows.</summary>
    public static RuntimeFlavour ChooseFlavour(DeviceChoice device, CudaProbe cuda)
    {
        switch (device)
        {
            case DeviceChoice.Cpu:
                return RuntimeFlavour.Cpu;
            case DeviceChoice.Cuda when !cuda.HasDriver:
                throw new UserInputException(
                    $"--device cuda was asked for but no NVIDIA driver was found ({cuda.Describe()})",
                    "install the NVIDIA driver (nvidia-smi should list your GPU), or use --device cpu");
            case DeviceChoice.Cuda when !cuda.HasRuntime13 && !cuda.HasRuntime12:
                throw new UserInputException(
                    $"--device cuda was asked for but no CUDA runtime was found ({cuda.Describe()})",
                    "install the CUDA 13 runtime (libcudart.so.13 and libcublas.so.13; CUDA 12 also works) and make it visible to the loader " +
                    "(e.g. LD_LIBRARY_PATH), or use --device cpu");
            case DeviceChoice.Cuda:
            case DeviceChoice.Auto when cuda.Usable && NativeRuntimeCatalog.CudaPackage() is not null:
                return cuda.HasRuntime13 ? RuntimeFlavour.Cuda : RuntimeFlavour.Cuda12;
            default:
                return RuntimeFlavour.Cpu;
        }
    }

    private static NativeRuntimeInfo LoadFrom(RuntimeFlavour flavour, string directory)
    {
        var files = NativeLibraryFiles.Find(directory);
        try
        {
            Handles[NativeLibraryNames.GgmlBase] = NativeLibrary.Load(files.GgmlBase);
            Handles[NativeLibraryNames.Ggml] = NativeLibrary.Load(files.Ggml);
            Handles[NativeLibraryNames.Llama] = NativeLibrary.Load(files.Llama);
        }
        catch (DllNotFoundException e)
        {
            Handles.Clear();
            throw new UserInputException(
                $"llama.cpp's libraries in {directory} could not be loaded: {e.Message}",
                "check that the folder holds a complete llama.cpp v0.5.0 build for this OS and CPU " +
                $"(delete the cache folder to fetch it again), or set {NativeRuntimeOptions.LlamaDirectoryVariable}", e);
        }
        InstallResolver();
        NativeLog.Install();
        // Registers the best CPU variant for this processor and, in GPU builds, the GPU backend.
        GgmlApi.BackendLoadAllFromPath(directory);
        LlamaApi.BackendInit();
        return new NativeRuntimeInfo(flavour, directory, NativeRuntimeCatalog.LlamaCppRelease, SystemInfo(), Devices());
    }

    private static void InstallResolver()
    {
        if (_resolverInstalled) return;
        NativeLibrary.SetDllImportResolver(typeof(NativeRuntime).Assembly, Resolve);
        _resolverInstalled = true;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        lock (Gate)
        {
            return Handles.TryGetValue(name, out var handle) ? handle : IntPtr.Zero;
        }
    }

    private static string SystemInfo() => Marshal.PtrToStringUTF8(LlamaApi.PrintSystemInfo()) ?? "";

    /// <summary>The devices llama.cpp registered, with their free memory now.</summary>
    public static IReadOnlyList<ComputeDevice> QueryDevices()
    {
        lock (Gate)
        {
            return _loaded is null ? [] : Devices();
        }
    }

    private static unsafe List<ComputeDevice> Devices()
    {
        var devices = new List<ComputeDevice>();
        var count = GgmlApi.DeviceCount();
        for (nuint i = 0; i < count; i++)
        {
            var device = GgmlApi.DeviceGet(i);
            nuint free = 0, total = 0;
            GgmlApi.DeviceMemory(device, &free, &total);
            var kind = GgmlApi.DeviceType(device) switch
            {
                GgmlBackendDeviceType.Cpu => "CPU",
                GgmlBackendDeviceType.Gpu => "GPU",
                GgmlBackendDeviceType.IntegratedGpu => "iGPU",
                GgmlBackendDeviceType.Accelerator => "accelerator",
                var other => other.ToString(),
            };
            devices.Add(new ComputeDevice(
                Marshal.PtrToStringUTF8(GgmlApi.DeviceName(device)) ?? "?",
                Marshal.PtrToStringUTF8(GgmlApi.DeviceDescription(device)) ?? "",
                kind, free, total));
        }
        return devices;
    }
}
