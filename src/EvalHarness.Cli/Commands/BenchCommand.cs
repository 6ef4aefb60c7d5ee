using System.CommandLine;
using System.Globalization;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Llama.Bench;
using EvalHarness.Llama.Engine;
using EvalHarness.Llama.Runtime;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalharness bench</c>: loglikelihood and generation throughput of our engine, and the same work done by
/// llama.cpp's own llama-batched-bench (same release, built from source into the cache), side by side as ratios.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "GGUF model (default: a generated SmolLM-135M-shaped Q8_0 model)." };
        var device = new Option<DeviceChoice>("--device") { DefaultValueFactory = _ => DeviceChoice.Auto };
        var prompt = new Option<int>("--prompt-tokens", "-npp") { DefaultValueFactory = _ => 128 };
        var generated = new Option<int>("--gen-tokens", "-ntg") { DefaultValueFactory = _ => 128 };
        var parallel = new Option<string>("--parallel", "-npl") { Description = "Comma-separated parallel sequence counts.", DefaultValueFactory = _ => "1,4,16" };
        var questions = new Option<int>("--questions") { Description = "Questions in the loglikelihood workload (4 choices each).", DefaultValueFactory = _ => 64 };
        var threads = new Option<int>("--threads", "-t") { Description = "CPU threads (default: physical cores, as llama.cpp).", DefaultValueFactory = _ => CpuTopology.PhysicalCores };
        var noReference = new Option<bool>("--no-reference") { Description = "Skip llama-batched-bench." };
        var backendSampling = new Option<bool>("--backend-sampling") { Description = "Greedy argmax inside llama.cpp's graph (experimental; see run --backend-sampling)." };

        var command = new Command("bench", "Measure loglikelihood and generation throughput against llama.cpp's llama-batched-bench.");
        foreach (var option in new Option[] { model, device, prompt, generated, parallel, questions, threads, noReference, backendSampling }) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            NativeLog.Verbose = parse.GetValue(GlobalOptions.Verbose);
            var cache = RuntimeCacheDirectory.Default();
            var runtime = NativeRuntime.Load(new NativeRuntimeOptions { Device = parse.GetValue(device) }, cancellationToken);
            var modelPath = parse.GetValue(model) ?? DefaultModel(cache, output);
            var settings = new BenchSettings
            {
                PromptTokens = parse.GetValue(prompt),
                GeneratedTokens = parse.GetValue(generated),
                Parallel = ParseList(parse.GetValue(parallel)!),
                Questions = parse.GetValue(questions),
                Threads = parse.GetValue(threads),
                GpuLayers = runtime.HasGpu ? 999 : 0,
            };

            var report = new BenchReport(output);
            report.Header(runtime, modelPath, settings);
            var engineOptions = new LlamaEngineOptions
            {
                Runtime = new NativeRuntimeOptions { Device = parse.GetValue(device) },
                Context = new LlamaContextOptions
                {
                    ContextLength = settings.PromptTokens + settings.GeneratedTokens,
                    // One sequence per question in flight: one-token choices share their context's sequence.
                    ParallelSequences = Math.Max(settings.Parallel.Max(), settings.BatchSize / settings.PromptTokens),
                    KvCacheCells = settings.KvCells,
                    BatchSize = settings.BatchSize,
                    MicroBatchSize = settings.MicroBatchSize,
                    Threads = settings.Threads,
                    BackendSampling = parse.GetValue(backendSampling),
                },
            };
            LoglikelihoodMeasurement loglikelihood;
            var generation = new List<GenerationMeasurement>();
            using (var engine = LlamaEngine.Load(modelPath, engineOptions, cancellationToken))
            {
                loglikelihood = EngineBenchmark.MeasureLoglikelihood(engine, settings, seed: 1);
                foreach (var n in settings.Parallel) generation.Add(EngineBenchmark.MeasureGeneration(engine, settings, n, seed: 2));
            }
            IReadOnlyList<BatchedBenchRow>? reference = null;
            if (!parse.GetValue(noReference))
            {
                var tool = new LlamaCppTools(cache, output).Ensure("llama-batched-bench", runtime.HasGpu, cancellationToken);
                // Loglikelihood contexts are decoded like prompts, as many per batch as fit (BatchSize / PromptTokens).
                var pl = settings.Parallel.Append(settings.BatchSize / settings.PromptTokens).Distinct().ToArray();
                reference = BatchedBenchRunner.Run(tool, modelPath, settings with { Parallel = pl }, pl, cancellationToken);
            }
            report.Results(loglikelihood, generation, reference, settings);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string DefaultModel(string cache, TextWriter output)
    {
        var path = Path.Combine(cache, "bench-models", "smollm135m-shaped-q8_0.gguf");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        output.WriteLine($"generating a random-weight SmolLM-135M-shaped Q8_0 model at {path} (random weights cost the same compute as trained ones)");
        var temporary = path + ".partial";
        SyntheticModelWriter.WriteRandom(temporary, LlamaModelShape.SmolLm135MLike, GgmlType.Q8_0, seed: 135);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static int[] ParseList(string text)
    {
        try
        {
            var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            if (values.Length > 0 && values.All(v => v > 0)) return values;
        }
        catch (FormatException) { }
        throw new UserInputException($"--parallel {text} is not a list of positive integers", "write it like 1,4,16");
    }
}
