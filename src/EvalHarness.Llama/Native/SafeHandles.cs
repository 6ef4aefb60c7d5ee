using System.Runtime.InteropServices;

namespace EvalHarness.Llama.Native;

/// <summary>Owns a llama_model*.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandle
{
    public SafeLlamaModelHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaApi.ModelFree(handle);
        return true;
    }
}

/// <summary>Owns a llama_context* and keeps its model alive for as long as the context lives.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandle
{
    private readonly SafeLlamaModelHandle _model;

    public SafeLlamaContextHandle(IntPtr handle, SafeLlamaModelHandle model) : base(IntPtr.Zero, ownsHandle: true)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        _model = model;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaApi.Free(handle);
        _model.DangerousRelease();
        return true;
    }
}

/// <summary>Owns a llama_sampler* (a chain owns the samplers added to it).</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandle
{
    public SafeLlamaSamplerHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LlamaApi.SamplerFree(handle);
        return true;
    }
}
