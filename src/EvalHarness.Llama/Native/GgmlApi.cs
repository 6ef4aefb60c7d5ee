using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Native;

/// <summary>ggml-backend.h: backend registry (loading CPU variants and GPU backends) and devices.</summary>
internal static unsafe partial class GgmlApi
{
    [LibraryImport(NativeLibraryNames.Ggml, EntryPoint = "ggml_backend_load_all_from_path", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void BackendLoadAllFromPath(string directory);

    [LibraryImport(NativeLibraryNames.Ggml, EntryPoint = "ggml_backend_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr BackendLoad(string path);

    [LibraryImport(NativeLibraryNames.Ggml, EntryPoint = "ggml_backend_dev_count")]
    public static partial nuint DeviceCount();

    [LibraryImport(NativeLibraryNames.Ggml, EntryPoint = "ggml_backend_dev_get")]
    public static partial IntPtr DeviceGet(nuint index);

    [LibraryImport(NativeLibraryNames.GgmlBase, EntryPoint = "ggml_backend_dev_name")]
    public static partial IntPtr DeviceName(IntPtr device);

    [LibraryImport(NativeLibraryNames.GgmlBase, EntryPoint = "ggml_backend_dev_description")]
    public static partial IntPtr DeviceDescription(IntPtr device);

    [LibraryImport(NativeLibraryNames.GgmlBase, EntryPoint = "ggml_backend_dev_type")]
    public static partial GgmlBackendDeviceType DeviceType(IntPtr device);

    [LibraryImport(NativeLibraryNames.GgmlBase, EntryPoint = "ggml_backend_dev_memory")]
    public static partial void DeviceMemory(IntPtr device, nuint* free, nuint* total);

    [LibraryImport(NativeLibraryNames.GgmlBase, EntryPoint = "ggml_log_set")]
    public static partial void LogSet(delegate* unmanaged[Cdecl]<GgmlLogLevel, IntPtr, IntPtr, void> callback, IntPtr userData);
}
