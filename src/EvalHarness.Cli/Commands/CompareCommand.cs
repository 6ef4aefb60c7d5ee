using System.CommandLine;
using System.Globalization;
using EvalHarness.Core.Frontier;
using EvalHarness.Core.Runs;
using Spectre.Console;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalharness compare &lt;run&gt; [--frontier file]</c>: where a finished run stands against a frontier table —
/// the benchmarks compared like for like, the composite index (reference = 100) with its 95% CI, and months to
/// frontier under each labelled variant. A different table than the run used can be given.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "A run directory." };
        var frontier = new Option<string?>("--frontier") { Description = "Frontier table (default: the one the run used)." };
        var command = new Command("compare", "Compare a run with the frontier: composite index and months to frontier.");
        command.Arguments.Add(run);
        command.Options.Add(frontier);
        command.SetAction(parse =>
        {
            var stored = RunResultsReader.Read(parse.GetValue(run)!);
            var table = FrontierTable.Load(parse.GetValue(frontier) ?? stored.Manifest.FrontierFile);
            var standing = FrontierStanding.Compute(table, stored.Tasks.Select(t => t.Entry).ToArray(), stored.Tasks.Select(t => t.Result).ToArray(),
                stored.Manifest.Settings.Released, DateOnly.FromDateTime(DateTime.UtcNow));
            Write(ConsoleTables.For(parse.InvocationConfiguration.Output), standing, table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, FrontierStanding standing, FrontierTable table)
    {
        var scores = new Table().AddColumns("benchmark", "score", "± SE", $"{table.ReferenceModel.Name} (reference)");
        foreach (var (benchmark, score) in standing.LocalScores)
        {
            scores.AddRow(Markup.Escape(benchmark), F(score.Value, "0.0000"), F(score.StandardError, "0.0000"),
                table.ReferenceModel.Scores.TryGetValue(benchmark, out var reference) ? F(reference.Value, "0.0000") : "—");
        }
        console.Write(scores);
        if (standing.Composite is { } composite) console.WriteLine($"composite over {string.Join(", ", composite.BenchmarkIds)}: {F(composite.Value, "0.0000")} ± {F(composite.StandardError, "0.0000")}");
        if (standing.Comparison is { } comparison && standing.Months is { } months)
        {
            var index = comparison.LocalIndex;
            console.WriteLine($"index over {string.Join(", ", comparison.BenchmarkIds)} (reference {comparison.ReferenceModel} = 100): "
                + $"{F(index.Value, "0.0")}, 95% CI [{F(index.Value - 1.96 * index.StandardError, "0.0")}, {F(index.Value + 1.96 * index.StandardError, "0.0")}]");
            var gap = new Table().AddColumns("months to frontier", "months", "95% CI", "frontier reached on", "by");
            foreach (var variant in months.All)
            {
                gap.AddRow(variant.Variant.ToString(), variant.Display,
                    variant.IsAvailable ? Markup.Escape($"[{F(variant.Ci95.Low, "0.0")}, {F(variant.Ci95.High, "0.0")}]") : "n/a",
                    variant.FrontierReachedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not reached",
                    Markup.Escape(variant.MatchedModel ?? "—"));
            }
            console.Write(gap);
            if (comparison.Excluded.Count > 0)
            {
                console.WriteLine("left out (no score on every compared benchmark): " + string.Join("; ", comparison.Excluded.Select(e => $"{e.Model} (lacks {string.Join(", ", e.MissingBenchmarks)})")));
            }
        }
        if (standing.Note is { } note) console.WriteLine(note);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
