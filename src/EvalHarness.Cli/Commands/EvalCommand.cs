using System.CommandLine;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Runs;
using EvalHarness.Core.Tasks;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalharness eval --model X --tasks a,b [--limit N] [--thinking on|off] [--fewshot K] [--chat] [--out DIR]</c>:
/// every task is loaded and its prompts built before the model loads (a bad task or dataset fails in seconds), then
/// each task runs through the engine; a results table is printed and results JSON + per-sample JSONL written.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionsBinder();
        engine.Model.Required = false;
        engine.Model.Description = "The GGUF model (path, catalog name or hf: reference); with --base-url, the served model's name.";
        var server = new ServerOptionsBinder();
        var sampling = new SamplingOptionsBinder();
        var run = new TaskRunOptions();
        var tasks = new Option<string>("--tasks") { Description = "Comma-separated task names (see `evalharness tasks list`) or task file paths.", Required = true };
        var chat = new Option<bool>("--chat") { Description = "Apply the model's chat template (few-shot as turns where the task says so)." };
        var system = new Option<string?>("--system") { Description = "System prompt (with --chat); replaces the task's." };
        var chatTemplate = ChatTemplateOption.Create();

        var command = new Command("eval", "Evaluate a GGUF model on one or more tasks.");
        engine.AddTo(command);
        server.AddTo(command);
        sampling.AddTo(command);
        run.AddTo(command);
        command.Options.Add(tasks);
        command.Options.Add(chat);
        command.Options.Add(system);
        command.Options.Add(chatTemplate);

        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            NativeLog.Verbose = parse.GetValue(GlobalOptions.Verbose);
            var catalog = TaskCatalog.Locate();
            var specs = parse.GetValue(tasks)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(catalog.Load).ToArray();
            var limit = parse.GetValue(run.Limit);
            var model = ModelFor(parse, engine, server, cancellationToken);
            model.CheckPromptMode(parse.GetValue(chat));
            TaskData[] data;
            using (var generated = model.PlanningTokenizer(specs, run.BindDatasets(parse)))
            {
                var resolver = new DatasetResolver(generated.Options);
                data = specs.Select(spec => TaskData.Load(spec, resolver, limit, parse.GetValue(run.FewShot), cancellationToken)).ToArray();
            }
            model.FitContext(RequiredContext.Of(data, run.BindThinking(parse)), model.ContextLength(cancellationToken), output);
            var samplingOverride = sampling.Bind(parse, parse.GetValue(engine.Model), run.BindThinking(parse), output);
            var promptOptions = new PromptOptions(parse.GetValue(run.FewShot), run.BindThinking(parse), parse.GetValue(system), parse.GetValue(chat));
            var outDir = run.OutputDirectory(parse);

            using var backend = model.Load(cancellationToken);
            var formatter = promptOptions.Chat ? model.ChatFormatter(backend, parse.GetValue(chatTemplate)) : null;
            output.WriteLine($"model {backend.Description.Model}; {backend.Description.Runtime} on {backend.Description.Device}");
            var evaluator = new Evaluator(backend, formatter);
            var results = new List<TaskResult>();
            foreach (var taskData in data)
            {
                output.WriteLine($"{taskData.Task.Name}: {taskData.Samples.Count} samples ({taskData.Dataset.Source}{(taskData.Dataset.Revision is { } r ? "@" + r : "")})");
                var result = evaluator.Evaluate(taskData, new EvaluationOptions(limit, promptOptions, Sampling: samplingOverride), cancellationToken: cancellationToken);
                var (json, jsonl) = ResultFiles.Write(outDir, result);
                output.WriteLine($"  wrote {json} and {jsonl}");
                results.Add(result);
            }
            ConsoleTables.For(output).Write(ConsoleTables.Results(results));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static RunModel ModelFor(ParseResult parse, EngineOptionsBinder engine, ServerOptionsBinder server, CancellationToken cancellationToken)
    {
        var name = parse.GetValue(engine.Model);
        if (server.Bind(parse) is { } options) return new ServerRunModel(options, name);
        return new LocalRunModel(name ?? throw new UserInputException("eval needs --model", "pass --model path/to/model.gguf, or --base-url URL for a server"),
            engine.Bind(parse), cancellationToken);
    }
}
