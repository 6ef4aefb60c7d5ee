using EvalHarness.Core.Datasets;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Tasks;

/// <summary>
/// The repository's task files read the real benchmark files in ../shared/datasets through the same loaders a run
/// uses (the folder stands in for the download cache); skipped when ../shared is absent.
/// </summary>
public class RealDatasetAcceptanceTests
{
    private static readonly TaskCatalog Catalog = new(Path.Combine(TestPaths.RepositoryRoot, "tasks"));

    private static (TaskSpec Task, string Root, IReadOnlyList<Sample> Samples) Load(string task, string folder, string? split = null)
    {
        var root = TestPaths.RequireShared("datasets", folder);
        var spec = Catalog.Load(task);
        var resolved = new DatasetResolver(new DatasetAccessOptions { DataDirectoryOverride = root, Offline = true }).Resolve(spec);
        return (spec, resolved.Root, SampleBuilder.Build(spec, DatasetLoader.LoadSplit(resolved.Root, spec, split ?? spec.EvalSplit)));
    }

    [Theory]
    [InlineData("mmlu", "mmlu", 14_042)]
    [InlineData("mmlu_cot", "mmlu", 14_042)]
    [InlineData("mmlu_pro", "mmlu_pro", 12_032)]
    [InlineData("gsm8k", "gsm8k", 1_319)]
    [InlineData("math500", "math500", 500)]
    [InlineData("bbh", "bbh", 6_511)]
    [InlineData("arc_challenge", "arc_challenge", 1_172)]
    public void Every_task_loads_its_real_files_with_the_published_count(string task, string folder, int count)
    {
        var (_, _, samples) = Load(task, folder);

        Assert.Equal(count, samples.Count);
        Assert.Equal(count, samples.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Mmlu_has_57_subjects_and_285_dev_exemplars()
    {
        var (_, _, test) = Load("mmlu", "mmlu");
        var (_, _, dev) = Load("mmlu", "mmlu", "dev");

        Assert.Equal(57, test.Select(s => s.Group).Distinct().Count());
        Assert.Equal(285, dev.Count);
    }

    [Fact]
    public void Mmlu_zero_shot_prompts_of_the_first_three_test_items_match_the_reference_format()
    {
        var (task, _, test) = Load("mmlu", "mmlu");
        var builder = new PromptBuilder(task, new PromptOptions(FewShot: 0), null, []);

        string[] expected =
        [
            "The following are multiple choice questions (with answers) about abstract algebra.\n\nFind the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:",
            "The following are multiple choice questions (with answers) about abstract algebra.\n\nLet p = (1, 2, 5, 4)(2, 3) in S_5 . Find the index of <p> in S_5.\nA. 8\nB. 2\nC. 24\nD. 120\nAnswer:",
            "The following are multiple choice questions (with answers) about abstract algebra.\n\nFind all zeros in the indicated finite field of the given polynomial with coefficients in that field. x^5 + 3x^3 + x^2 + 2x in Z_5\nA. 0\nB. 1\nC. 0,1\nD. 0,4\nAnswer:",
        ];
        Assert.Equal(expected, test.Take(3).Select(s => builder.Build(s).Text));
        Assert.Equal([1, 2, 3], test.Take(3).Select(s => s.TargetIndex));
        Assert.Equal(" ", builder.Build(test[0]).TargetDelimiter);
    }

    [Fact]
    public void Mmlu_five_shot_prompt_uses_the_first_five_dev_items_of_the_subject()
    {
        var (task, _, test) = Load("mmlu", "mmlu");
        var (_, _, dev) = Load("mmlu", "mmlu", "dev");
        var builder = new PromptBuilder(task, new PromptOptions(FewShot: 5), null, dev);

        var prompt = builder.Build(test[0]);

        const string FirstShot = "The following are multiple choice questions (with answers) about abstract algebra.\n\n" +
            "Find all c in Z_3 such that Z_3[x]/(x^2 + c) is a field.\nA. 0\nB. 1\nC. 2\nD. 3\nAnswer: B\n\n" +
            "Statement 1 | If aH is an element of a factor group, then |aH| divides |a|. Statement 2 | If H and K are subgroups of G then HK is a subgroup of G.\nA. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer: B\n\n";
        Assert.StartsWith(FirstShot, prompt.Text);
        Assert.EndsWith("Find the characteristic of the ring 2Z.\nA. 0\nB. 3\nC. 12\nD. 30\nAnswer: A\n\n" +
            "Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:", prompt.Text);
        Assert.Equal(5, prompt.ShotIds.Count);
        Assert.All(prompt.ShotIds, id => Assert.StartsWith("abstract_algebra_dev/", id));
        Assert.Equal(7, prompt.Text.Split("Answer:").Length); // five shots and the item
    }

    [Fact]
    public void Mmlu_cot_prompt_is_the_simple_evals_zero_shot_wording_and_scores_by_letter()
    {
        var (task, _, test) = Load("mmlu_cot", "mmlu");

        var prompt = new PromptBuilder(task, new PromptOptions(), null, []).Build(test[0]);

        Assert.Equal("Answer the following multiple choice question. The last line of your response should be of the following format: " +
            "'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\n" +
            "Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\n\nA) 0\nB) 4\nC) 2\nD) 6", prompt.Text);
        Assert.Equal("B", test[0].TargetLabel);
        Assert.Equal("4", test[0].Target);
    }

    [Fact]
    public void Gsm8k_five_shot_prompt_follows_the_lm_eval_layout()
    {
        var (task, _, test) = Load("gsm8k", "gsm8k");
        var (_, _, train) = Load("gsm8k", "gsm8k", "train");

        var prompt = new PromptBuilder(task, new PromptOptions(), null, train).Build(test[0]);

        Assert.StartsWith("Question: Natalia sold clips to 48 of her friends in April", prompt.Text);
        Assert.EndsWith($"\n\nQuestion: {test[0].Record.Data["question"]}\nAnswer:", prompt.Text);
        Assert.Equal(["train/0", "train/1", "train/2", "train/3", "train/4"], prompt.ShotIds);
        Assert.Equal("18", test[0].Target);
    }

    [Fact]
    public void Bbh_prompt_is_the_authors_cot_file_then_the_question()
    {
        var (task, root, test) = Load("bbh", "bbh");
        var sample = test.First(s => s.Group == "boolean_expressions");

        var prompt = new PromptBuilder(task, new PromptOptions(), null, [], new ExemplarFile(root, task.FewShot).For).Build(sample);

        Assert.StartsWith("Evaluate the result of a random Boolean expression.\n\nQ: not ( ( not not True ) ) is\nA: Let's think step by step.", prompt.Text);
        Assert.EndsWith($"\n\nQ: {sample.Record.Data["input"]}\nA: Let's think step by step.", prompt.Text);
        Assert.DoesNotContain("canary", prompt.Text);
        Assert.Equal(27, test.Select(s => s.Group).Distinct().Count());
    }

    [Fact]
    public void Mmlu_pro_and_arc_map_their_choices_and_targets()
    {
        var (_, _, pro) = Load("mmlu_pro", "mmlu_pro");
        var (_, _, arc) = Load("arc_challenge", "arc_challenge");

        Assert.All(pro, s => Assert.InRange(s.Choices.Count, 3, 10));
        Assert.Equal(14, pro.Select(s => s.Group).Distinct().Count());
        Assert.Equal("Mercury_7175875", arc[0].Id);
        Assert.Equal("Planetary days will become shorter.", arc[0].Target);
        Assert.Equal(2, arc[0].TargetIndex);
    }
}
