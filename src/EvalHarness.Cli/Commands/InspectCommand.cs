using System.CommandLine;
using EvalHarness.Gguf.Summary;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness inspect &lt;file.gguf&gt; [--sha256] [--json]</c>: validate a GGUF file and summarise it.</summary>
public static class InspectCommand
{
    private static readonly Argument<string> File = new("file") { Description = "The .gguf model file to inspect." };

    private static readonly Option<bool> Sha256 = new("--sha256") { Description = "Also compute the file's SHA-256 (reads the whole file)." };

    private static readonly Option<bool> Json = new("--json") { Description = "Print the summary as JSON instead of text." };

    public static Command Create()
    {
        var command = new Command("inspect", "Validate a GGUF model file and print its architecture, size, quantization mix and tokenizer.");
        command.Arguments.Add(File);
        command.Options.Add(Sha256);
        command.Options.Add(Json);
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(File);
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new UserInputException("no model file given", "pass the path of a .gguf file: evalharness inspect model.gguf");
            }
            var summary = GgufModelSummary.Read(path, parse.GetValue(Sha256), cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            output.Write(parse.GetValue(Json) ? GgufSummaryFormatter.ToJson(summary) + Environment.NewLine : GgufSummaryFormatter.ToText(summary));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
