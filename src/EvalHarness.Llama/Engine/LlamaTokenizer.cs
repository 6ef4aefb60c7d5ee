using EvalHarness.Llama.Native;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// A model's vocabulary loaded alone (llama.cpp's vocab_only: no weights are read), for tokenizing without the cost
/// of loading a model — and for the tokenizer-only GGUFs llama.cpp ships (ggml-vocab-*.gguf), which have no tensors.
/// </summary>
public sealed class LlamaTokenizer : IDisposable
{
    private readonly SafeLlamaModelHandle _handle;

    private LlamaTokenizer(SafeLlamaModelHandle handle)
    {
        _handle = handle;
        Vocabulary = new LlamaVocabulary(LlamaApi.ModelGetVocab(handle.DangerousGetHandle()));
    }

    public LlamaVocabulary Vocabulary { get; }

    public static LlamaTokenizer Load(string path, NativeRuntimeInfo runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (!File.Exists(path)) throw new UserInputException($"{path} does not exist", "pass the path of a GGUF file");
        // A well-formed GGUF with a tokenizer before native code sees it (no tensors are needed for a vocabulary).
        var file = Gguf.GgufReader.Read(path, Gguf.Reading.GgufReadOptions.Specification);
        if (file.Metadata.GetString("tokenizer.ggml.model") is null)
        {
            throw new UserInputException($"{path} has no tokenizer (tokenizer.ggml.model is missing)", "pass a model GGUF or one of llama.cpp's ggml-vocab-*.gguf files");
        }
        var parameters = LlamaApi.ModelDefaultParams();
        parameters.VocabOnly = true;
        parameters.NGpuLayers = 0;
        NativeLog.ClearRecent();
        var raw = LlamaApi.ModelLoadFromFile(path, parameters);
        if (raw == IntPtr.Zero)
        {
            throw new UserInputException($"llama.cpp could not load the vocabulary of {path}: {LlamaModel.NativeProblem()}",
                "check that the file is a GGUF with a tokenizer (tokenizer.ggml.*) llama.cpp v0.5.0 supports");
        }
        return new LlamaTokenizer(new SafeLlamaModelHandle(raw));
    }

    public void Dispose() => _handle.Dispose();
}
