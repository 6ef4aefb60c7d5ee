using EvalHarness.Core.Datasets;
using EvalHarness.Core.Evaluation;
using EvalHarness.Core.Tasks;
using EvalHarness.Core.Tests.Sandbox;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.CodeTasks;

/// <summary>The repository's coding task files over the real benchmark files in ../shared (skipped when absent).</summary>
internal static class CodeTaskData
{
    private static readonly TaskCatalog Catalog = new(Path.Combine(TestPaths.RepositoryRoot, "tasks"));

    /// <param name="folder">The dataset's folder under ../shared/datasets (it stands in for the download cache).</param>
    public static TaskData Load(string task, string folder, int? limit = null)
    {
        var root = TestPaths.RequireShared("datasets", folder);
        var spec = Catalog.Load(task);
        return TaskData.Load(spec, new DatasetResolver(new DatasetAccessOptions { DataDirectoryOverride = root, Offline = true }), limit);
    }

    /// <summary>Skips the test when this machine has no Python sandbox (the scorers would rightly refuse to score).</summary>
    public static void RequireSandbox() => _ = SandboxFixture.Sandbox;

    public static string Text(Sample sample, string field) => sample.Record.Data[field]!.GetValue<string>();
}
