using System.CommandLine;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness runtime</c>: fetch (if needed) and load llama.cpp, then show what was loaded.</summary>
public static class RuntimeCommand
{
    public static Command Create()
    {
        var device = new Option<DeviceChoice>("--device") { Description = "cpu, cuda or auto.", DefaultValueFactory = _ => DeviceChoice.Auto };
        var command = new Command("runtime", "Fetch and load the llama.cpp runtime; print its build, devices and CUDA status.");
        command.Options.Add(device);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            NativeLog.Verbose = parse.GetValue(GlobalOptions.Verbose);
            var info = NativeRuntime.Load(new NativeRuntimeOptions { Device = parse.GetValue(device) }, cancellationToken);
            output.WriteLine($"llama.cpp {info.Release} ({info.Flavour.ToString().ToLowerInvariant()} build)");
            output.WriteLine($"libraries: {info.Directory}");
            output.WriteLine($"CUDA: {CudaProbe.Detect().Describe()}");
            foreach (var d in info.Devices)
            {
                var memory = d.TotalBytes > 0 ? $", {d.FreeBytes / (1024.0 * 1024 * 1024):F1} of {d.TotalBytes / (1024.0 * 1024 * 1024):F1} GiB free" : "";
                output.WriteLine($"device: {d.Name} [{d.Kind}] {d.Description}{memory}");
            }
            output.WriteLine($"system: {info.SystemInfo}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
