using System.Text.Json;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Remote;
using EvalHarness.Core.Runs;
using EvalHarness.Core.Tasks;
using EvalHarness.Llama.Engine;

namespace EvalHarness.Cli;

/// <summary>
/// The model a run or an eval evaluates: a local GGUF file run in-process (<see cref="LocalRunModel"/>) or a model
/// behind an OpenAI-compatible server (<see cref="ServerRunModel"/>). Planning, the manifest, resume checks and the
/// chat template differ between the two; everything after the backend is loaded does not.
/// </summary>
public abstract class RunModel
{
    /// <summary>
    /// The model of a new run (--model, or --base-url with --model naming the served model), or of a run being resumed
    /// or merged (its manifest's; --base-url may point a server run at a restarted server).
    /// </summary>
    public static RunModel For(RunManifest? manifest, string? reference, OpenAiCompatibleOptions? server, LlamaEngineOptions engine, CancellationToken cancellationToken)
    {
        var recorded = manifest?.Model;
        if (server is not null) return new ServerRunModel(server, recorded?.Path ?? reference);
        if (recorded?.BaseUrl is { } url)
        {
            var options = manifest!.Engine.Deserialize<OpenAiCompatibleOptions>(RunResultsFile.Json) ?? throw new UserInputException(
                $"the manifest of {manifest.RunId} does not record how its server was reached", "pass --base-url URL");
            return new ServerRunModel(options with { BaseUrl = new Uri(url) }, recorded.Path);
        }
        var path = recorded?.Path ?? reference ?? throw new UserInputException("run needs --model (or --resume DIR)",
            "pass --model path/to/model.gguf, a name from `evalharness models list`, or hf:owner/repo/file.gguf");
        return new LocalRunModel(path, engine, cancellationToken);
    }

    /// <summary>A short name for run directories and messages.</summary>
    public abstract string Name { get; }

    /// <summary>Token counting for generated datasets (RULER lengths), available before the model itself loads.</summary>
    public abstract GeneratedDataTokenizer PlanningTokenizer(IEnumerable<TaskSpec> tasks, DatasetAccessOptions options);

    /// <summary>What the manifest records about the model (a local file is hashed here).</summary>
    public abstract RunModelInfo Describe(TextWriter output, CancellationToken cancellationToken);

    /// <summary>The context the model was trained on (a local file) or is served with, where known, without hashing anything.</summary>
    public abstract long? ContextLength(CancellationToken cancellationToken);

    /// <summary>Throws when this is not the model a run being resumed started with.</summary>
    public abstract void CheckSameAs(RunModelInfo recorded, RunModelInfo now);

    public abstract IInferenceBackend Load(CancellationToken cancellationToken);

    /// <summary>Makes room for the run's longest prompts (RULER lengths), or says why it cannot.</summary>
    /// <param name="trainedContext">The model's trained context, where known.</param>
    /// <param name="output">Where a warning goes (samples longer than the model was trained on).</param>
    public abstract void FitContext(RequiredContext? required, long? trainedContext, TextWriter output);

    /// <summary>Throws when the model cannot take prompts of this kind (a chat-completions API takes only conversations).</summary>
    public virtual void CheckPromptMode(bool chat)
    {
    }

    /// <summary>The chat formatter for --chat on the loaded backend (see <see cref="ChatFormatters"/>).</summary>
    public abstract IChatFormatter ChatFormatter(IInferenceBackend backend, string? template);
}
