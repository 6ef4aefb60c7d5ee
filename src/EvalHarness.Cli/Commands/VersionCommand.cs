using System.CommandLine;
using System.Reflection;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness version</c>: the harness version.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the harness version.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parse.InvocationConfiguration.Output.WriteLine($"evalharness {version}");
            return ExitCodes.Success;
        });
        return command;
    }
}
