using System.CommandLine;
using EvalHarness.Cli.Serve;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness serve --model m.gguf</c>: an OpenAI-compatible HTTP server on the in-process engine.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionsBinder();
        var host = new Option<string>("--host") { Description = "Address to listen on (loopback by default).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (0 = any free port).", DefaultValueFactory = _ => 8080 };
        var apiKeyVariable = new Option<string?>("--api-key-env") { Description = "Environment variable holding the API key clients must send as a bearer token." };
        var alias = new Option<string?>("--alias") { Description = "Model id reported by /v1/models (default: the file name)." };

        var command = new Command("serve", "Serve a GGUF model over an OpenAI-compatible HTTP API (completions with prompt logprobs, chat, tokenize).");
        engine.AddTo(command);
        foreach (var option in new Option[] { host, port, apiKeyVariable, alias }) command.Options.Add(option);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            NativeLog.Verbose = parse.GetValue(GlobalOptions.Verbose);
            var apiKey = ReadApiKey(parse.GetValue(apiKeyVariable));
            var modelPath = parse.GetValue(engine.Model)!;
            using var backend = LlamaEngine.Load(modelPath, engine.Bind(parse), cancellationToken);
            var options = new ServeOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                ApiKey = apiKey,
                ModelName = parse.GetValue(alias) ?? Path.GetFileNameWithoutExtension(modelPath),
            };
            await using var server = await OpenAiServer.StartAsync(backend, options, cancellationToken);
            output.WriteLine($"serving {options.ModelName} at {server.BaseAddress}v1 ({backend.Description.Runtime} on {backend.Description.Device}" +
                $"{(apiKey is null ? "" : "; API key required")}); Ctrl+C stops");
            await server.WaitAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? ReadApiKey(string? variable)
    {
        if (variable is null) return null;
        var key = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(key)
            ? throw new UserInputException($"--api-key-env {variable}: the variable is unset or empty", $"export {variable}=<key> before starting the server")
            : key;
    }
}
