using System.Text.RegularExpressions;

namespace EvalHarness.Llama.Runtime;

/// <summary>
/// Finds llama.cpp's three core libraries in a folder. Their names differ by build: libllama.v0.5.0.so,
/// libllama.cuda.v0.5.0.so, libllama.so, llama.dll, libllama.dylib.
/// </summary>
public sealed partial record NativeLibraryFiles(string GgmlBase, string Ggml, string Llama)
{
    public static NativeLibraryFiles Find(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UserInputException(
                $"the llama.cpp library folder {directory} does not exist",
                $"point {NativeRuntimeOptions.LlamaDirectoryVariable} at the folder holding libllama and libggml, or unset it");
        }
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().ToArray();
        return new NativeLibraryFiles(
            Pick(directory, files, GgmlBasePattern(), "ggml-base"),
            Pick(directory, files, GgmlPattern(), "ggml"),
            Pick(directory, files, LlamaPattern(), "llama"));
    }

    private static string Pick(string directory, string[] files, Regex pattern, string what)
    {
        var match = files.Where(f => pattern.IsMatch(f)).OrderBy(f => f.Length).FirstOrDefault();
        return match is not null
            ? Path.Combine(directory, match)
            : throw new UserInputException(
                $"no {what} library in {directory} (looked for lib{what}.so, {what}.dll, lib{what}.dylib and versioned variants)",
                $"point {NativeRuntimeOptions.LlamaDirectoryVariable} at a llama.cpp v0.5.0 build made with -DBUILD_SHARED_LIBS=ON, or unset it");
    }

    [GeneratedRegex(@"^(lib)?ggml-base(\.[A-Za-z0-9]+)*\.(so|dll|dylib)$")]
    private static partial Regex GgmlBasePattern();

    [GeneratedRegex(@"^(lib)?ggml(\.[A-Za-z0-9]+)*\.(so|dll|dylib)$")]
    private static partial Regex GgmlPattern();

    [GeneratedRegex(@"^(lib)?llama(\.[A-Za-z0-9]+)*\.(so|dll|dylib)$")]
    private static partial Regex LlamaPattern();
}
