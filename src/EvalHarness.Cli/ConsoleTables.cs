using System.Globalization;
using EvalHarness.Core.Evaluation;
using Spectre.Console;

namespace EvalHarness.Cli;

/// <summary>Renders results as plain (uncoloured) Spectre tables on a command's output writer.</summary>
public static class ConsoleTables
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Redirected output has no terminal width; a wide fixed width keeps metric names and hashes on one line.
        console.Profile.Width = 200;
        return console;
    }

    public static Table Results(IEnumerable<TaskResult> results)
    {
        var table = new Table().AddColumns("task", "metric", "value", "± SE", "n", "truncated", "no answer", "shots", "template", "time", "tokens/s");
        foreach (var result in results)
        {
            foreach (var metric in result.Metrics)
            {
                table.AddRow(
                    Markup.Escape(result.Task), Markup.Escape(metric.Name), Number(metric.Value), Number(metric.StdErr),
                    Int(metric.N), Int(result.Truncated), Int(result.NoAnswerFound), Int(result.Protocol.FewShot),
                    Markup.Escape(result.Protocol.TemplateHash), result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
                    result.TokensPerSecond.ToString("0", CultureInfo.InvariantCulture));
            }
        }
        return table;
    }

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
