namespace EvalHarness.Core.Inference;

/// <summary>Identifies a backend for manifests and reports.</summary>
/// <param name="Kind">"llama.cpp (in-process)", "openai-compatible", …</param>
/// <param name="Model">Model path or name.</param>
/// <param name="Runtime">Native runtime release and flavour, e.g. "llama.cpp v0.5.0 (cpu)".</param>
/// <param name="Device">Device description, e.g. "CPU (8 threads)" or "NVIDIA H100 80GB".</param>
/// <param name="ChatTemplate">The model's chat template text, when it has one.</param>
public sealed record BackendDescription(
    string Kind,
    string Model,
    string Runtime,
    string Device,
    string? ChatTemplate);
