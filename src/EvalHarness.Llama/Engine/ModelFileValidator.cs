namespace EvalHarness.Llama.Engine;

/// <summary>Checks a model file in C# before llama.cpp sees it, so bad input is a clear error, never a native crash.</summary>
public static class ModelFileValidator
{
    public static void Validate(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UserInputException($"{path} is a directory, not a GGUF model file", "pass the path of the .gguf file itself");
        }
        if (!File.Exists(path))
        {
            throw new UserInputException($"model file {path} does not exist", "check the path, or fetch a model with `evalharness models pull <name>`");
        }
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        if (stream.Length == 0) throw new UserInputException($"model file {path} is empty", "download it again");
        if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !magic.SequenceEqual("GGUF"u8))
        {
            throw new UserInputException($"{path} is not a GGUF file (it does not start with 'GGUF')", "pass a .gguf model file (convert other formats with llama.cpp's convert_hf_to_gguf.py)");
        }
    }
}
