using System.Diagnostics;
using System.Globalization;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Runs;
using Spectre.Console;

namespace EvalHarness.Cli;

/// <summary>
/// Progress of a run: live per-task bars (done/total, samples/s, elapsed, ETA) with Spectre.Console on a terminal,
/// and plain log lines otherwise (at each task's start and end, and at most every 15 seconds in between).
/// </summary>
public sealed class RunProgressDisplay : IRunProgress
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(15);
    private readonly TextWriter _log;
    private readonly ProgressContext? _live;
    private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);
    private readonly Stopwatch _sinceLog = Stopwatch.StartNew();
    private int _done;

    private RunProgressDisplay(TextWriter log, ProgressContext? live) => (_log, _live) = (log, live);

    /// <summary>Runs <paramref name="work"/> with live bars when the output is a terminal, with log lines otherwise.</summary>
    public static T Show<T>(TextWriter output, bool liveBars, Func<IRunProgress, T> work)
    {
        if (!liveBars) return work(new RunProgressDisplay(output, null));
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => result = work(new RunProgressDisplay(output, context)));
        return result;
    }

    /// <summary>Live bars only when both output streams are a real terminal and the writer is the console's.</summary>
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public void TaskStarted(PlannedTask task, int alreadyDone)
    {
        _done = alreadyDone;
        var resumed = alreadyDone > 0 ? $", {alreadyDone} recovered from the run store" : "";
        if (_live is not null)
        {
            var bar = _live.AddTask(Markup.Escape(task.Name), maxValue: Math.Max(1, task.SampleCount));
            bar.Value = alreadyDone;
            _bars[task.Name] = bar;
        }
        else
        {
            _log.WriteLine($"{task.Name}: {task.SampleCount} samples{resumed}");
        }
        _sinceLog.Restart();
    }

    public void SampleCompleted(PlannedTask task, SampleRecord record)
    {
        _done++;
        if (_bars.TryGetValue(task.Name, out var bar))
        {
            bar.Increment(1);
        }
        else if (_sinceLog.Elapsed >= LogInterval)
        {
            _log.WriteLine($"{task.Name}: {_done}/{task.SampleCount}");
            _sinceLog.Restart();
        }
    }

    public void TaskFinished(PlannedTask task, TaskResult result, bool skipped)
    {
        var line = skipped
            ? $"{task.Name}: finished in an earlier attempt ({result.Samples} samples)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{task.Name}: {result.Headline.Name} = {result.Headline.Value:0.0000} ± {result.Headline.StdErr:0.0000} (n={result.Samples}), {result.Elapsed.TotalSeconds:0.0} s, {result.TokensPerSecond:0} tokens/s");
        if (_bars.TryGetValue(task.Name, out var bar))
        {
            bar.Value = bar.MaxValue;
            bar.Description = Markup.Escape(line);
            bar.StopTask();
        }
        else
        {
            _log.WriteLine(line);
        }
    }
}
