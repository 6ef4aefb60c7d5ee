using System.CommandLine;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalharness score &lt;task&gt; --responses file.jsonl [--out DIR]</c>: scores saved responses without a model
/// (one JSON line per sample: <c>task_id</c> or <c>prompt</c>, and <c>response</c>), prints the metrics and writes
/// the per-sample verdicts (for ifeval also the reference's eval_results_strict.jsonl / eval_results_loose.jsonl).
/// </summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var run = new TaskRunOptions();
        var task = new Argument<string>("task") { Description = "Task name (or path of a task file)." };
        var responses = new Option<string>("--responses") { Description = "JSONL file: task_id (or prompt) and response per line.", Required = true };

        var command = new Command("score", "Score saved model responses for a task, without a model.");
        command.Arguments.Add(task);
        command.Options.Add(responses);
        run.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var spec = TaskCatalog.Locate().Load(parse.GetValue(task)!);
            var data = TaskData.Load(spec, new DatasetResolver(run.BindDatasets(parse)), parse.GetValue(run.Limit), parse.GetValue(run.FewShot), cancellationToken);
            var path = parse.GetValue(responses)!;
            var options = new PromptOptions(parse.GetValue(run.FewShot), run.BindThinking(parse));
            var result = SavedResponseScorer.Score(data, SavedResponseScorer.Read(path), options, path);
            var directory = run.OutputDirectory(parse);
            var (json, jsonl) = ResultFiles.Write(directory, result);
            ConsoleTables.For(output).Write(ConsoleTables.Results([result]));
            output.WriteLine($"wrote {json} and {jsonl}");
            if (IfEvalResultFiles.WriteFor(directory, data, result, options.Thinking) is { } ifeval) output.WriteLine($"wrote {ifeval.Strict} and {ifeval.Loose}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
