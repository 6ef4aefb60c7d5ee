using EvalHarness.Core.Runs;
using EvalHarness.Core.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Runs;

public sealed class SuiteLoaderTests
{
    private static TaskCatalog Repository => new(Path.Combine(TestPaths.RepositoryRoot, "tasks"));

    [Fact]
    public void The_repository_suites_load_and_name_only_standard_categories()
    {
        Assert.Equal(["frontier5", "quick", "smoke"], SuiteLoader.Names(Repository));
        var frontier5 = SuiteLoader.Load(Repository, "frontier5");
        Assert.Equal(["livecodebench", "mmlu_pro", "gpqa_diamond", "aime2025", "ifeval", "ruler"], frontier5.Tasks.Select(t => t.Task));
        Assert.All(frontier5.Tasks, t => Assert.Equal(t.Task, t.Benchmark));
        var quick = SuiteLoader.Load(Repository, "quick");
        Assert.Equal(frontier5.Tasks.Select(t => t.Task), quick.Tasks.Select(t => t.Task));
        Assert.All(quick.Tasks, t => Assert.Equal(200, t.Subset));
        Assert.Equal(1234, quick.Seed);
    }

    [Fact]
    public void Every_smoke_task_exists_and_its_data_is_in_the_repository()
    {
        var smoke = SuiteLoader.Load(Repository, "smoke");
        var files = Repository.Files();
        Assert.All(smoke.Tasks, t =>
        {
            Assert.True(files.ContainsKey(t.Task), $"{t.Task} has no task file");
            Assert.Equal(Core.Tasks.DatasetSourceKind.Local, Repository.Load(t.Task).Dataset.Source);
            Assert.Null(t.Benchmark);
        });
        Assert.Equal(smoke.Tasks.Select(t => t.Category).Distinct().Count(), smoke.Tasks.Count);
    }

    [Theory]
    [InlineData("name: s\ntasks:\n  - { task: a, category: knowledge, wieght: 2 }\n", ":3:", "unknown field")]
    [InlineData("name: s\ntasks:\n  - { task: a, category: cooking }\n", ":3:", "'cooking' is not a category")]
    [InlineData("name: s\ntasks:\n  - { task: a, category: knowledge }\n  - { task: a, category: reasoning }\n", ":4:", "listed twice")]
    [InlineData("name: s\ntasks: []\n", ":", "at least one task")]
    [InlineData("name: s\nsubset: 0\ntasks:\n  - { task: a, category: knowledge }\n", ":2:", "outside")]
    [InlineData("name: s\ntasks: - a\n", ":2:", "not valid YAML")]
    public void Bad_suite_files_name_file_line_and_problem(string yaml, string line, string problem)
    {
        var error = Assert.Throws<UserInputException>(() => SuiteLoader.Parse(yaml, "bad.yaml"));
        Assert.Contains("bad.yaml" + line, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void An_unknown_suite_lists_the_known_ones()
    {
        var error = Assert.Throws<UserInputException>(() => SuiteLoader.Load(Repository, "fronteir5"));
        Assert.Contains("frontier5, quick, smoke", error.Fix);
    }
}
