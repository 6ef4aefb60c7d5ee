using System.Security.Cryptography;
using System.Text;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Models;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Runs;
using EvalHarness.Core.Tasks;
using EvalHarness.Gguf.Summary;
using EvalHarness.Llama.Engine;

namespace EvalHarness.Cli;

/// <summary>A GGUF model (file path, catalog name or hf: reference) evaluated in-process on llama.cpp.</summary>
public sealed class LocalRunModel(string reference, LlamaEngineOptions engine, CancellationToken cancellationToken) : RunModel
{
    private LlamaEngineOptions _engine = engine;

    /// <summary>The engine settings the model loads with (the context as <see cref="FitContext"/> sized it).</summary>
    public LlamaEngineOptions EngineOptions => _engine;

    private string? _path;

    /// <summary>The local file; a catalog name or hf: reference is downloaded (once) on first use.</summary>
    public string Path => _path ??= ModelReference.Resolve(reference, cancellationToken: cancellationToken);

    public override string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public override GeneratedDataTokenizer PlanningTokenizer(IEnumerable<TaskSpec> tasks, DatasetAccessOptions options) =>
        GeneratedDataTokenizer.ForModelFile(tasks, options, () => Path, _engine.Runtime);

    public override RunModelInfo Describe(TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine($"checking {Path} (sha256)…");
        var summary = GgufModelSummary.Read(Path, computeSha256: true, cancellationToken);
        return new RunModelInfo(System.IO.Path.GetFullPath(summary.Path), summary.FileSize, summary.Sha256!, summary.Name, summary.Architecture,
            summary.ParameterCount, summary.FileTypeName, summary.ContextLength,
            summary.ChatTemplate is { } template ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template))) : null,
            Runtime: "", Device: "");
    }

    public override long? ContextLength(CancellationToken cancellationToken) =>
        GgufModelSummary.Read(Path, computeSha256: false, cancellationToken).ContextLength;

    public override void CheckSameAs(RunModelInfo recorded, RunModelInfo now)
    {
        if (now.FileSize != recorded.FileSize || now.Sha256 != recorded.Sha256)
        {
            throw new UserInputException($"{Path} is not the file this run started with (sha256 {recorded.Sha256})",
                "resume with the original model file, or start a new run");
        }
    }

    public override IInferenceBackend Load(CancellationToken cancellationToken) => LlamaEngine.Load(Path, _engine, cancellationToken);

    /// <summary>
    /// Without --ctx-size, the context grows to the longest RULER sample plus its answer (the engine's own default is
    /// at most 8K); a --ctx-size too short for it is an error before anything loads. Lengths past the trained context
    /// are allowed (llama.cpp runs them) with a warning: their scores measure extrapolation.
    /// </summary>
    public override void FitContext(RequiredContext? required, long? trainedContext, TextWriter output)
    {
        if (required is null) return;
        var given = _engine.Context.ContextLength;
        if (trainedContext is { } trained && trained < required.Tokens)
        {
            output.WriteLine($"warning: task {required.Task} has samples of {required.Length:N0} tokens, more than {reference} was trained on ({trained:N0}); " +
                "scores at those lengths measure extrapolation past the trained context");
        }
        if (given > 0 && given < required.Tokens)
        {
            throw new UserInputException($"--ctx-size {given} is shorter than task {required.Task}'s longest sample with its answer ({required.Tokens:N0} tokens)",
                $"pass --ctx-size {required.Tokens} or more, or leave it out (the run then sizes it)");
        }
        // Never below what the engine would have chosen itself (the trained context, at most 8K).
        var engineDefault = (int)Math.Min(trainedContext is > 0 ? trainedContext.Value : 8192, 8192);
        if (given == 0) _engine = _engine with { Context = _engine.Context with { ContextLength = Math.Max(required.Tokens, engineDefault) } };
    }

    public override IChatFormatter ChatFormatter(IInferenceBackend backend, string? template) => ChatFormatters.For((LlamaEngine)backend, template);
}
