using System.CommandLine;
using EvalHarness.Core.Frontier;
using EvalHarness.Core.Runs;
using EvalHarness.Reports;
using EvalHarness.Reports.Comparison;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalharness report &lt;run&gt;</c> regenerates report.md and its charts from a run directory (no model needed);
/// <c>evalharness report &lt;runA&gt; &lt;runB&gt; [--out file.md]</c> compares two runs task by task.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "One run directory (regenerate its report) or two (compare them).", Arity = new ArgumentArity(1, 2) };
        var frontier = new Option<string?>("--frontier") { Description = "Frontier table to compare against (default: the one the run used)." };
        var output = new Option<string?>("--out") { Description = "With two runs: write the comparison here as well as printing it." };
        var command = new Command("report", "Regenerate a run's report, or compare two runs.");
        command.Arguments.Add(runs);
        command.Options.Add(frontier);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var directories = parse.GetValue(runs)!;
            var data = directories.Select(directory => Load(directory, parse.GetValue(frontier))).ToArray();
            if (data.Length == 1)
            {
                var paths = ReportWriter.Write(directories[0], data[0]);
                writer.WriteLine($"wrote {string.Join(", ", paths)}");
                return ExitCodes.Success;
            }
            var comparison = RunComparisonReport.Render(data[0], data[1]);
            writer.Write(comparison);
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(path, comparison);
                writer.WriteLine($"wrote {path}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A run directory's report data, compared against <paramref name="frontierFile"/> or the run's own table.</summary>
    public static ReportData Load(string directory, string? frontierFile)
    {
        var run = RunResultsReader.Read(directory);
        var table = FrontierTable.Load(frontierFile ?? run.Manifest.FrontierFile);
        return RunReportBuilder.Build(run.Manifest, run.Tasks, table, DateOnly.FromDateTime(DateTime.UtcNow));
    }
}
