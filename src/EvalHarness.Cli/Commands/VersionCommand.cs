using System.CommandLine;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness version</c>: the harness version.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the harness version.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine($"evalharness {HarnessVersion.Text}");
            return ExitCodes.Success;
        });
        return command;
    }
}
