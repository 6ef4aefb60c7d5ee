using System.CommandLine;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Prompts;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalharness generate --model X --prompt "..."</c>: a quick look at what a model says.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var engine = new EngineOptionsBinder();
        var prompt = new Option<string>("--prompt", "-p") { Description = "Text to continue (or the user message with --chat).", Required = true };
        var maxTokens = new Option<int>("--max-tokens", "-n") { Description = "Most new tokens.", DefaultValueFactory = _ => 128 };
        var chat = new Option<bool>("--chat") { Description = "Wrap the prompt as a user message in the model's chat template." };
        var system = new Option<string?>("--system") { Description = "System message (with --chat)." };
        var chatTemplate = ChatTemplateOption.Create();
        var temperature = new Option<float>("--temperature", "--temp") { Description = "0 = greedy." };
        var topP = new Option<float>("--top-p") { DefaultValueFactory = _ => 1f };
        var topK = new Option<int>("--top-k");
        var minP = new Option<float>("--min-p");
        var seed = new Option<uint>("--seed") { DefaultValueFactory = _ => 1234u };
        var stop = new Option<string[]>("--stop") { Description = "Stop sequence (repeatable).", AllowMultipleArgumentsPerToken = false };

        var command = new Command("generate", "Generate a continuation of a prompt with a GGUF model.");
        engine.AddTo(command);
        foreach (var option in new Option[] { prompt, maxTokens, chat, chatTemplate, system, temperature, topP, topK, minP, seed, stop }) command.Options.Add(option);

        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            NativeLog.Verbose = parse.GetValue(GlobalOptions.Verbose);
            // One prompt: one sequence, so the KV cache is sized for it alone.
            var options = engine.Bind(parse);
            options = options with { Context = options.Context with { ParallelSequences = 1 } };
            using var backend = LlamaEngine.Load(parse.GetValue(engine.Model)!, options, cancellationToken);

            var text = parse.GetValue(prompt)!;
            if (parse.GetValue(chat))
            {
                var turns = new List<ChatTurn>();
                if (parse.GetValue(system) is { } systemText) turns.Add(new ChatTurn("system", systemText));
                turns.Add(new ChatTurn("user", text));
                text = ChatFormatters.For(backend, parse.GetValue(chatTemplate)).Format(turns, addGenerationPrompt: true, ThinkingMode.Default);
            }
            var settings = new SamplingSettings
            {
                MaxNewTokens = parse.GetValue(maxTokens),
                StopSequences = parse.GetValue(stop) ?? [],
                Temperature = parse.GetValue(temperature),
                TopP = parse.GetValue(topP),
                TopK = parse.GetValue(topK),
                MinP = parse.GetValue(minP),
                Seed = parse.GetValue(seed),
            };
            var result = backend.Generate([new GenerationRequest(text, settings)], cancellationToken: cancellationToken)[0];
            output.WriteLine(result.Text);
            output.WriteLine();
            output.WriteLine($"[{result.FinishReason.ToString().ToLowerInvariant()}; prompt {result.PromptTokenCount} tokens, generated {result.GeneratedTokenCount} " +
                $"in {result.Elapsed.TotalSeconds:F2} s ({result.GeneratedTokenCount / Math.Max(result.Elapsed.TotalSeconds, 1e-9):F1} tokens/s); {backend.Description.Runtime} on {backend.Description.Device}]");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
