using System.CommandLine;
using EvalHarness.Cli.Commands;

namespace EvalHarness.Cli;

/// <summary>Builds the command tree and turns exceptions into exit codes. No evaluation logic lives here.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("EvalHarness: evaluate GGUF models on local hardware and measure the gap to the frontier.");
        root.Options.Add(GlobalOptions.Verbose);
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (UserInputException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            await stderr.WriteLineAsync($"  fix: {e.Fix}");
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled; results stored so far are kept.");
            return ExitCodes.Cancelled;
        }
    }
}
