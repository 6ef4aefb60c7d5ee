using System.CommandLine;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness models …</c>: model files. <c>synth</c> writes random-weight models for throughput work.</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Model files: generate synthetic models for benchmarks.");
        command.Subcommands.Add(Synth());
        return command;
    }

    private static Command Synth()
    {
        var shape = new Option<string>("--shape") { Description = "smollm135m, exaone32b or tiny.", DefaultValueFactory = _ => "smollm135m" };
        var type = new Option<string>("--type") { Description = "Weight type: f32, f16, q8_0 or q4_0.", DefaultValueFactory = _ => "q8_0" };
        var layers = new Option<int?>("--layers") { Description = "Override the layer count (same per-layer shape, proportionally less compute)." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the .gguf.", Required = true };
        var command = new Command("synth", "Write a random-weight llama-architecture model of a known shape (random weights cost the same compute as trained ones).");
        foreach (var option in new Option[] { shape, type, layers, seed, output }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(shape) switch
            {
                "smollm135m" => LlamaModelShape.SmolLm135MLike,
                "exaone32b" => LlamaModelShape.Exaone32BLike,
                "tiny" => LlamaModelShape.Tiny,
                var other => throw new UserInputException($"--shape {other} is not a known shape", "use smollm135m, exaone32b or tiny"),
            };
            if (parse.GetValue(layers) is { } n)
            {
                if (n < 1) throw new UserInputException($"--layers {n} must be at least 1", "pass a positive layer count");
                chosen = chosen with { Layers = n };
            }
            var weightType = parse.GetValue(type)!.ToLowerInvariant() switch
            {
                "f32" => GgmlType.F32,
                "f16" => GgmlType.F16,
                "q8_0" => GgmlType.Q8_0,
                "q4_0" => GgmlType.Q4_0,
                var other => throw new UserInputException($"--type {other} cannot be written", "use f32, f16, q8_0 or q4_0"),
            };
            var path = parse.GetValue(output)!;
            SyntheticModelWriter.WriteRandom(path, chosen, weightType, parse.GetValue(seed));
            parse.InvocationConfiguration.Output.WriteLine($"wrote {path}: {chosen.ParameterCount / 1e6:F0}M parameters, {weightType}, {new FileInfo(path).Length / 1e9:F2} GB");
            return ExitCodes.Success;
        });
        return command;
    }
}
