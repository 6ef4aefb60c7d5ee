using System.CommandLine;
using EvalHarness.Cli;
using EvalHarness.Core.Tasks;
using Spectre.Console;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness tasks list</c> and <c>evalharness tasks show &lt;task&gt;</c>.</summary>
public static class TasksCommand
{
    public static Command Create()
    {
        var command = new Command("tasks", "List the task files, or show one.");
        var list = new Command("list", "List the tasks under tasks/.");
        list.SetAction(parse =>
        {
            var catalog = TaskCatalog.Locate();
            var table = new Table().AddColumns("task", "category", "kind", "scorer", "shots", "split", "dataset");
            foreach (var task in catalog.LoadAll())
            {
                table.AddRow(task.Name, task.Category, task.Request.Kind.ToString().ToLowerInvariant(), task.Scoring.Scorer,
                    task.FewShot.Default.ToString(System.Globalization.CultureInfo.InvariantCulture), task.EvalSplit, Markup.Escape(Describe(task.Dataset)));
            }
            ConsoleTables.For(parse.InvocationConfiguration.Output).Write(table);
            return ExitCodes.Success;
        });

        var name = new Argument<string>("task") { Description = "Task name (or path of a task file)." };
        var show = new Command("show", "Show a task's definition.");
        show.Arguments.Add(name);
        show.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var task = TaskCatalog.Locate().Load(parse.GetValue(name)!);
            output.WriteLine($"{task.Name} (version {task.Version}, {task.Category}): {task.Description}");
            output.WriteLine($"file:     {task.SourceFile}");
            output.WriteLine($"dataset:  {Describe(task.Dataset)}; evaluated split: {task.EvalSplit}");
            output.WriteLine($"request:  {task.Request.Kind.ToString().ToLowerInvariant()}; max new tokens {task.Request.MaxNewTokens} (+{task.Request.ReasoningBudget} thinking); stops [{string.Join(", ", task.Request.Stop.Select(s => s.ReplaceLineEndings("\\n")))}]");
            output.WriteLine($"few-shot: {task.FewShot.Default} by default ({task.FewShot.Policy}{(task.FewShot.Split is null ? "" : $" from {task.FewShot.Split}")})");
            output.WriteLine($"scoring:  {task.Scoring.Scorer} [{string.Join(", ", task.Scoring.Metrics)}]{(task.Scoring.BreakdownByGroup ? $", by group ({task.Scoring.Aggregation})" : "")}");
            output.WriteLine("prompt:   " + task.Prompt.Description.Source.ReplaceLineEndings("\\n") + task.Prompt.Text.Source.ReplaceLineEndings("\\n"));
            return ExitCodes.Success;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    private static string Describe(DatasetSpec dataset) => dataset.Source switch
    {
        DatasetSourceKind.HuggingFace => $"hf:{dataset.Location}@{dataset.Revision}",
        DatasetSourceKind.Url => $"{dataset.Location} ({dataset.Revision})",
        _ => $"local:{dataset.Location}",
    };
}
