using EvalHarness.Core;
using EvalHarness.Core.Ruler;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Native;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>
/// RULER lengths by a production tokenizer: llama.cpp's vocabulary-only Llama-3 BPE model (models/ggml-vocab-llama-bpe.gguf
/// of the pinned llama.cpp source the harness caches for its benchmark tools). Skips when that source is not cached.
/// </summary>
public sealed class RulerRealVocabularyTests
{
    private static string VocabularyFile()
    {
        var path = Path.Combine(CacheDirectory.Root(), "llama.cpp-src", "v0.5.0", "models", "ggml-vocab-llama-bpe.gguf");
        if (!File.Exists(path)) Assert.Skip($"{path} is absent (the llama.cpp source is cached by `evalharness bench` / the gguf-py tests)");
        return path;
    }

    private static (SafeLlamaModelHandle Handle, LlamaVocabulary Vocabulary) LoadVocabulary(string path)
    {
        NativeTestRuntime.Require();
        var parameters = LlamaApi.ModelDefaultParams();
        parameters.VocabOnly = true;
        parameters.NGpuLayers = 0;
        var raw = LlamaApi.ModelLoadFromFile(path, parameters);
        Assert.NotEqual(IntPtr.Zero, raw);
        return (new SafeLlamaModelHandle(raw), new LlamaVocabulary(LlamaApi.ModelGetVocab(raw)));
    }

    public static TheoryData<RulerTask, int> AllTasks()
    {
        var data = new TheoryData<RulerTask, int>();
        foreach (var task in Enum.GetValues<RulerTask>())
        {
            data.Add(task, 4096);
            data.Add(task, 8192);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllTasks))]
    public void Every_task_is_within_one_percent_by_the_llama3_tokenizer(RulerTask task, int target)
    {
        var (handle, vocabulary) = LoadVocabulary(VocabularyFile());
        using var _ = handle;
        int Count(string text) => vocabulary.Tokenize(text, addSpecial: true, parseSpecial: false).Length;
        var essays = RulerTaskNames.NeedsEssays(task) ? TestPaths.RequireShared("datasets", "niah_paulgraham_essays", "PaulGrahamEssays") : null;
        var generator = new RulerGenerator(new RulerGeneratorOptions { CountTokens = Count, EssayDirectory = essays });

        var sample = generator.GenerateOne(task, target, index: 0);

        Assert.Equal(Count(sample.Input), sample.PromptTokens);
        Assert.Equal(sample.PromptTokens + sample.MaxNewTokens, sample.Length);
        Assert.InRange(sample.Length, (int)Math.Ceiling(target * 0.99), target);
    }
}
