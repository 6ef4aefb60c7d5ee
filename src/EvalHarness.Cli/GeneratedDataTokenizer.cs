using EvalHarness.Core.Datasets;
using EvalHarness.Core.Tasks;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli;

/// <summary>
/// Tasks with generated datasets (RULER) measure lengths in the model's own tokens, so planning them needs the
/// model's tokenizer before the model itself loads: its vocabulary is loaded alone (no weights) for as long as this
/// lives, and the dataset options carry its token counter.
/// </summary>
public sealed class GeneratedDataTokenizer : IDisposable
{
    private readonly LlamaTokenizer? _tokenizer;

    private GeneratedDataTokenizer(LlamaTokenizer? tokenizer, DatasetAccessOptions options) => (_tokenizer, Options) = (tokenizer, options);

    public DatasetAccessOptions Options { get; }

    /// <param name="resolveModel">Gives the model's local path; only called when a task needs the tokenizer.</param>
    public static GeneratedDataTokenizer For(IEnumerable<TaskSpec> tasks, DatasetAccessOptions options, Func<string> resolveModel, NativeRuntimeOptions runtime)
    {
        var generatedHere = tasks.Any(t => t.Dataset.Source == DatasetSourceKind.Generated && !options.TaskDataDirectories.ContainsKey(t.Name));
        if (options.DataDirectoryOverride is not null || !generatedHere)
        {
            return new GeneratedDataTokenizer(null, options);
        }
        var modelPath = resolveModel();
        var tokenizer = LlamaTokenizer.Load(modelPath, NativeRuntime.Load(runtime));
        var vocabulary = tokenizer.Vocabulary;
        return new GeneratedDataTokenizer(tokenizer, options with
        {
            CountTokens = text => vocabulary.Tokenize(text, addSpecial: true, parseSpecial: false).Length,
            TokenizerKey = $"{Path.GetFileName(modelPath)}-{new FileInfo(modelPath).Length}",
        });
    }

    public void Dispose() => _tokenizer?.Dispose();
}
