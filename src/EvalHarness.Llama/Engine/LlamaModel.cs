using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using EvalHarness.Llama.Native;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Engine;

/// <summary>Loaded model weights plus vocabulary. Validate the file (<see cref="ModelFileValidator"/>) before this.</summary>
public sealed class LlamaModel : IDisposable
{
    private LlamaModel(SafeLlamaModelHandle handle, string path, int gpuLayers)
    {
        Handle = handle;
        Path = path;
        Vocabulary = new LlamaVocabulary(LlamaApi.ModelGetVocab(handle.DangerousGetHandle()));
        var raw = handle.DangerousGetHandle();
        TrainedContextLength = LlamaApi.ModelNCtxTrain(raw);
        EmbeddingLength = LlamaApi.ModelNEmbd(raw);
        LayerCount = LlamaApi.ModelNLayer(raw);
        HeadCount = LlamaApi.ModelNHead(raw);
        KvHeadCount = LlamaApi.ModelNHeadKv(raw);
        ParameterCount = LlamaApi.ModelNParams(raw);
        SizeBytes = LlamaApi.ModelSize(raw);
        Description = ReadDescription(raw);
        ChatTemplate = Marshal.PtrToStringUTF8(LlamaApi.ModelChatTemplate(raw, null));
        LayersOnGpu = gpuLayers < 0 ? LayerCount : Math.Min(gpuLayers, LayerCount);
    }

    internal SafeLlamaModelHandle Handle { get; }
    public string Path { get; }
    public LlamaVocabulary Vocabulary { get; }
    public int TrainedContextLength { get; }
    public int EmbeddingLength { get; }
    public int LayerCount { get; }
    /// <summary>Layers (and so the KV cache, which llama.cpp keeps beside them) live on a GPU.</summary>
    public bool OnGpu => LayersOnGpu > 0;

    /// <summary>Repeating layers on a GPU; their share of the KV cache is kept there too.</summary>
    public int LayersOnGpu { get; }
    public int HeadCount { get; }
    public int KvHeadCount { get; }
    public ulong ParameterCount { get; }
    public ulong SizeBytes { get; }
    public string Description { get; }
    public string? ChatTemplate { get; }

    /// <summary>Loads a GGUF that <see cref="ModelFileValidator"/> has accepted.</summary>
    public static unsafe LlamaModel Load(string path, LlamaModelOptions options, NativeRuntimeInfo runtime)
    {
        var parameters = LlamaApi.ModelDefaultParams();
        parameters.NGpuLayers = options.GpuLayers ?? (runtime.HasGpu ? -1 : 0);
        GCHandle progress = default;
        if (options.LoadProgress is not null)
        {
            progress = GCHandle.Alloc(options.LoadProgress);
            parameters.ProgressCallback = &OnProgress;
            parameters.ProgressCallbackUserData = GCHandle.ToIntPtr(progress);
        }
        try
        {
            NativeLog.ClearRecent();
            var raw = LlamaApi.ModelLoadFromFile(path, parameters);
            if (raw == IntPtr.Zero)
            {
                throw new UserInputException(
                    $"llama.cpp could not load {path}: {NativeProblem()}",
                    "check that the file is a complete GGUF of an architecture llama.cpp v0.5.0 supports (run `evalharness inspect` on it); with --verbose llama.cpp explains more");
            }
            return new LlamaModel(new SafeLlamaModelHandle(raw), path, runtime.HasGpu ? parameters.NGpuLayers : 0);
        }
        finally
        {
            if (progress.IsAllocated) progress.Free();
        }
    }

    internal static string NativeProblem()
    {
        var lines = NativeLog.RecentProblems();
        return lines.Count == 0 ? "no reason given" : string.Join(" / ", lines.TakeLast(3));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnProgress(float value, IntPtr userData)
    {
        if (GCHandle.FromIntPtr(userData).Target is IProgress<float> progress) progress.Report(value);
        return 1; // keep loading
    }

    private static unsafe string ReadDescription(IntPtr model)
    {
        var buffer = stackalloc byte[256];
        var length = LlamaApi.ModelDesc(model, buffer, 256);
        return length > 0 ? Encoding.UTF8.GetString(buffer, Math.Min(length, 255)) : "";
    }

    public void Dispose() => Handle.Dispose();
}
