using EvalHarness.Gguf;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// Checks a model file in C# before llama.cpp sees it — structure (the GGUF reader validates every offset, count
/// and type), then what llama.cpp needs to run it — so bad input is a clear error, never a native crash.
/// </summary>
public static class ModelFileValidator
{
    public static GgufFile Validate(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UserInputException($"{path} is a directory, not a GGUF model file", "pass the path of the .gguf file itself");
        }
        if (!File.Exists(path))
        {
            throw new UserInputException($"model file {path} does not exist", "check the path, or fetch a model with `evalharness models pull <name>`");
        }
        var file = GgufReader.Read(path);
        var architecture = file.Metadata.GetString("general.architecture");
        if (architecture is null)
        {
            throw new UserInputException($"{path} has no general.architecture key, so llama.cpp cannot tell what model it is", "convert the model again with llama.cpp's convert_hf_to_gguf.py");
        }
        if (!SupportedArchitectures.Names.Contains(architecture))
        {
            throw new UserInputException(
                $"{path} is a '{architecture}' model, an architecture llama.cpp {NativeRuntimeCatalog.LlamaCppRelease} does not support",
                "use a model of a supported architecture (llama, qwen2, qwen3, gemma3, exaone4, …), or a llama.cpp build that knows this one via EVALHARNESS_LLAMA_DIR");
        }
        if (file.Tensors.Count == 0)
        {
            throw new UserInputException($"{path} holds a vocabulary but no weights (a vocab-only GGUF)", "pass the full model file, not its tokenizer");
        }
        if (file.FindTensor("token_embd.weight") is null)
        {
            throw new UserInputException($"{path} has no token_embd.weight tensor; it is not a complete language model", "pass the full model file (for split models, the first part)");
        }
        return file;
    }
}
