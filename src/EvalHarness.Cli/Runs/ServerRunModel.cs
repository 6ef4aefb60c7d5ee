using System.Security.Cryptography;
using System.Text;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Remote;
using EvalHarness.Core.Runs;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Cli;

/// <summary>
/// A model behind an OpenAI-compatible server (llama-server, vLLM, SGLang, <c>evalharness serve</c>): requests go
/// to /v1/completions with prompts rendered here, loglikelihoods through echoed prompt logprobs. The server's model
/// name stands for the file: a resumed run must reach a server serving the same name (the URL may change).
/// </summary>
public sealed class ServerRunModel : RunModel
{
    private readonly OpenAiCompatibleOptions _options;

    /// <param name="model">The served model's name; null takes the first one the server lists.</param>
    public ServerRunModel(OpenAiCompatibleOptions options, string? model)
    {
        _options = options with { Model = model ?? FirstListedModel(options) };
    }

    public override string Name => _options.Model;

    public Uri BaseUrl => _options.BaseUrl;

    private OpenAiCompatibleBackend Connect() => new(_options);

    public override GeneratedDataTokenizer PlanningTokenizer(IEnumerable<TaskSpec> tasks, DatasetAccessOptions options) =>
        GeneratedDataTokenizer.ForServer(tasks, options, Connect, _options.Model);

    public override RunModelInfo Describe(TextWriter output, CancellationToken cancellationToken)
    {
        using var backend = Connect();
        var template = backend.Properties()?.ChatTemplate;
        return new RunModelInfo(_options.Model, 0, "", _options.Model, null, 0, null, ContextLength(backend),
            template is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template))), Runtime: "", Device: "") { BaseUrl = _options.BaseUrl.ToString() };
    }

    public override long? ContextLength(CancellationToken cancellationToken)
    {
        using var backend = Connect();
        return ContextLength(backend);
    }

    public override void CheckSameAs(RunModelInfo recorded, RunModelInfo now)
    {
        if (recorded.BaseUrl is null || recorded.Path != now.Path)
        {
            throw new UserInputException($"{_options.BaseUrl} serves {now.Path}, but this run started with {(recorded.BaseUrl is null ? "the local file " : "")}{recorded.Path}",
                "resume against a server serving the run's model (--base-url URL --model NAME), or start a new run");
        }
    }

    public override IInferenceBackend Load(CancellationToken cancellationToken) => Connect();

    /// <summary>A server's context is its own: a known one too short for the run's longest prompts is an error now,
    /// not a pile of failed requests later.</summary>
    public override void FitContext(RequiredContext? required, long? serverContext, TextWriter output)
    {
        if (required is not null && serverContext is { } context && context < required.Tokens)
        {
            throw new UserInputException($"{_options.BaseUrl} serves {_options.Model} with {context:N0} tokens per sequence, and task {required.Task} needs {required.Tokens:N0}",
                "restart the server with a longer context (llama-server -c, vLLM --max-model-len), or run the task at shorter lengths");
        }
    }

    public override void CheckPromptMode(bool chat)
    {
        if (_options.ChatApi && !chat)
        {
            throw new UserInputException("--api chat sends conversations, and this run builds plain prompts",
                "add --chat (each prompt then goes as messages to the server's template), or use --api completions");
        }
    }

    /// <summary>Hosted APIs do not say their context length (/v1/models has no max_model_len): then it is not recorded.</summary>
    private static long? ContextLength(OpenAiCompatibleBackend backend)
    {
        try
        {
            return backend.ContextLength;
        }
        catch (UserInputException)
        {
            return null;
        }
    }

    /// <summary>
    /// A Jinja file given with --chat-template, else the template the server reports in /props (llama-server and
    /// ours do); servers without /props (vLLM, hosted APIs) need the file.
    /// </summary>
    public override IChatFormatter ChatFormatter(IInferenceBackend backend, string? template)
    {
        var server = (OpenAiCompatibleBackend)backend;
        if (_options.ChatApi)
        {
            return template is null ? new ServerChatTemplate(_options.BaseUrl, _options.Model) : throw new UserInputException(
                "--chat-template has no effect with --api chat: the server applies its own template", "leave --chat-template out, or use --api completions");
        }
        var properties = server.Properties();
        if (template is not null && !File.Exists(template))
        {
            throw new UserInputException($"--chat-template {template} is not a file; against a server only a Jinja template file can be given",
                "pass the model's chat template as a .jinja file, or leave --chat-template out to use the one the server reports");
        }
        var text = template is not null ? File.ReadAllText(template) : properties?.ChatTemplate ?? throw new UserInputException(
            $"{_options.BaseUrl} does not report its chat template (no /props), so --chat cannot render prompts the way it does",
            "pass the model's chat template with --chat-template FILE.jinja");
        var bos = properties?.BosToken ?? "";
        // The server tokenizes our rendered prompt with add_special: when that adds BOS, the template's own BOS text goes.
        var addsBos = bos.Length > 0 && server.Tokenize("", addSpecial: true, parseSpecial: false).Count > 0;
        return ChatFormatters.Jinja(text, bos, properties?.EosToken ?? "", addsBos);
    }

    private static string FirstListedModel(OpenAiCompatibleOptions options)
    {
        using var backend = new OpenAiCompatibleBackend(options with { Model = "" });
        return backend.ModelIds().FirstOrDefault() ?? throw new UserInputException(
            $"{options.BaseUrl} lists no model in /v1/models", "name the served model with --model NAME");
    }
}
