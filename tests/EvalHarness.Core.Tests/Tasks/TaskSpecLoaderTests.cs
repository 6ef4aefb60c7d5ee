using EvalHarness.Core.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Tasks;

public class TaskSpecLoaderTests
{
    [Fact]
    public void Loads_every_section_of_a_generative_task()
    {
        var task = TaskSpecLoader.Parse(TaskFixtures.QaYaml, "tiny_qa.yaml");

        Assert.Equal("tiny_qa", task.Name);
        Assert.Equal(3, task.Version);
        Assert.Equal(RequestKind.Generate, task.Request.Kind);
        Assert.Equal(32, task.Request.MaxNewTokens);
        Assert.Equal(["Question:"], task.Request.Stop);
        Assert.Equal(1, task.FewShot.Default);
        Assert.Equal("train", task.FewShot.Split);
        Assert.Equal("gsm8k", task.Scoring.Scorer);
        Assert.Equal(["exact_match,strict-match", "exact_match,flexible-extract"], task.Scoring.Metrics);
        Assert.Equal("Question: {question}\nAnswer:", task.Prompt.Text.Source);
    }

    [Theory]
    [InlineData("max_new_tokens: 32", "max_new_tokens: lots", 23, "request.max_new_tokens", "whole number")]
    [InlineData("kind: generate", "kind: sample", 22, "request.kind", "not one of")]
    [InlineData("  id: \"{qid}\"", "  idd: \"{qid}\"", 12, "fields.idd", "unknown field")]
    [InlineData("  text: \"Question: {question}\\nAnswer:\"", "  text: \"Question: {question|shout}\"", 15, "prompt.text", "unknown filter 'shout'")]
    [InlineData("eval_split: test", "eval_split: validation", 10, "eval_split", "not a split")]
    [InlineData("  split: train", "  split: dev", 20, "fewshot.split", "not a split")]
    public void A_bad_field_is_reported_with_file_line_and_field(string good, string bad, int line, string field, string problem)
    {
        var yaml = TaskFixtures.QaYaml.Replace(good, bad);
        Assert.NotEqual(TaskFixtures.QaYaml, yaml);

        var error = Assert.Throws<TaskSpecException>(() => TaskSpecLoader.Parse(yaml, "tiny_qa.yaml"));

        Assert.Equal("tiny_qa.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"tiny_qa.yaml:{line}: {field}:", error.Message);
    }

    [Fact]
    public void A_downloaded_dataset_without_a_revision_is_refused()
    {
        var yaml = TaskFixtures.QaYaml.Replace("  source: local", "  source: hf");
        var error = Assert.Throws<TaskSpecException>(() => TaskSpecLoader.Parse(yaml, "t.yaml"));
        Assert.Equal("dataset.revision", error.Field);
    }

    [Fact]
    public void A_loglikelihood_task_without_choices_is_refused()
    {
        var yaml = TaskFixtures.QaYaml.Replace("kind: generate", "kind: loglikelihood");
        var error = Assert.Throws<TaskSpecException>(() => TaskSpecLoader.Parse(yaml, "t.yaml"));
        Assert.Equal("fields", error.Field);
    }

    [Fact]
    public void Yaml_syntax_errors_name_the_line()
    {
        var error = Assert.Throws<TaskSpecException>(() => TaskSpecLoader.Parse("name: x\ncategory: [unclosed\n", "bad.yaml"));
        Assert.Equal("bad.yaml", error.File);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Every_task_file_in_the_repository_loads()
    {
        var catalog = new TaskCatalog(Path.Combine(TestPaths.RepositoryRoot, "tasks"));

        var tasks = catalog.LoadAll();

        var names = tasks.Select(t => t.Name).ToHashSet();
        foreach (var expected in new[] { "mmlu", "mmlu_cot", "mmlu_pro", "gpqa_diamond", "arc_challenge", "gsm8k", "math500", "aime2025", "bbh" })
        {
            Assert.Contains(expected, names);
        }
        Assert.All(tasks, t => Assert.Equal(Path.GetFileNameWithoutExtension(t.SourceFile), t.Name));
    }
}
