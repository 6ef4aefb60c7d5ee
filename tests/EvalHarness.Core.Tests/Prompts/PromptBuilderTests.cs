using EvalHarness.Core.Datasets;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Tasks;
using EvalHarness.Core.Tests.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Prompts;

public class PromptBuilderTests
{
    private static (TaskSpec Task, IReadOnlyList<Sample> Test, IReadOnlyList<Sample> Train) Qa(TempDirectory temp)
    {
        var task = TaskFixtures.WriteQaTask(temp.Path);
        var root = Path.Combine(temp.Path, "data");
        return (task, SampleBuilder.Build(task, DatasetLoader.LoadSplit(root, task, "test")), SampleBuilder.Build(task, DatasetLoader.LoadSplit(root, task, "train")));
    }

    [Fact]
    public void Raw_few_shot_prompt_joins_exemplars_and_item_with_the_separator()
    {
        using var temp = TestPaths.NewTempDirectory();
        var (task, test, train) = Qa(temp);

        var prompt = new PromptBuilder(task, new PromptOptions(FewShot: 2), null, train).Build(test[0]);

        Assert.Equal("Question: What is 1+1?\nAnswer: 1+1=2\n#### 2\n\nQuestion: What is 5+5?\nAnswer: #### 10\n\nQuestion: What is 2+2?\nAnswer:", prompt.Text);
        Assert.Equal(["t1", "t2"], prompt.ShotIds);
        Assert.Equal(" ", prompt.TargetDelimiter);
        Assert.Equal("4", test[0].Target);
    }

    [Fact]
    public void Zero_shot_is_the_item_alone()
    {
        using var temp = TestPaths.NewTempDirectory();
        var (task, test, train) = Qa(temp);

        var prompt = new PromptBuilder(task, new PromptOptions(FewShot: 0), null, train).Build(test[1]);

        Assert.Equal("Question: What is 3*3?\nAnswer:", prompt.Text);
        Assert.Empty(prompt.ShotIds);
    }

    [Fact]
    public void Chat_prompt_puts_exemplars_in_turns_with_system_prompt_and_thinking_fallback()
    {
        using var temp = TestPaths.NewTempDirectory();
        var (task, test, train) = Qa(temp);
        task = task with { FewShot = task.FewShot with { Layout = FewShotLayout.Turns } };
        var chat = new FakeChatFormatter();

        var off = new PromptBuilder(task, new PromptOptions(FewShot: 1, ThinkingMode.Off, "Be brief.", Chat: true), chat, train).Build(test[0]);
        var on = new PromptBuilder(task, new PromptOptions(FewShot: 1, ThinkingMode.On, null, Chat: true), chat, train).Build(test[0]);

        Assert.Equal(
            "<|system|>Be brief.<|end|>\n<|user|>Question: What is 1+1?\nAnswer:<|end|>\n<|assistant|>1+1=2\n#### 2<|end|>\n" +
            "<|user|>Question: What is 2+2?\nAnswer:<|end|>\n<|assistant|><think>\n\n</think>\n\n", off.Text);
        Assert.EndsWith("<|assistant|><think>\n", on.Text);
        Assert.DoesNotContain("system", on.Text);
        Assert.Equal("", off.TargetDelimiter);
    }

    [Fact]
    public void Thinking_switch_leaves_a_template_without_think_markers_alone()
    {
        using var temp = TestPaths.NewTempDirectory();
        var (task, test, train) = Qa(temp);

        var prompt = new PromptBuilder(task, new PromptOptions(0, ThinkingMode.On, null, true), new FakeChatFormatter("plain"), train).Build(test[0]);

        Assert.EndsWith("<|assistant|>", prompt.Text);
    }

    [Fact]
    public void Template_hash_depends_on_the_chat_template()
    {
        using var temp = TestPaths.NewTempDirectory();
        var (task, _, train) = Qa(temp);

        var raw = new PromptBuilder(task, new PromptOptions(), null, train).TemplateHash;
        var a = new PromptBuilder(task, new PromptOptions(Chat: true), new FakeChatFormatter("a"), train).TemplateHash;
        var b = new PromptBuilder(task, new PromptOptions(Chat: true), new FakeChatFormatter("b"), train).TemplateHash;

        Assert.StartsWith("raw:", raw);
        Assert.StartsWith("chat:", a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Choices_from_csv_become_a_multiple_choice_sample_with_group_from_the_file_name()
    {
        using var temp = TestPaths.NewTempDirectory();
        var task = TaskFixtures.WriteChoiceTask(temp.Path);
        var samples = SampleBuilder.Build(task, DatasetLoader.LoadSplit(Path.Combine(temp.Path, "data"), task, "test"));

        var physics = samples.Single(s => s.Id == "high_school_physics_test/0");
        var prompt = new PromptBuilder(task, new PromptOptions(), null, []).Build(physics);

        Assert.Equal("The following are multiple choice questions (with answers) about high school physics.\n\nWhat is 1, plus 1?\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer:", prompt.Text);
        Assert.Equal(1, physics.TargetIndex);
        Assert.Equal(["A", "B", "C", "D"], physics.Choices);
        Assert.Equal("astronomy", samples[0].Group);
    }

    [Fact]
    public void Shuffled_choices_are_fixed_per_sample_and_keep_the_target()
    {
        var choices = new[] { "right", "w1", "w2", "w3" };
        var first = SampleBuilder.Shuffle(choices, 0, seed: 0, "rec1");
        var again = SampleBuilder.Shuffle(choices, 0, seed: 0, "rec1");
        var orders = Enumerable.Range(0, 20).Select(i => SampleBuilder.Shuffle(choices, 0, 0, $"rec{i}").TargetIndex).ToHashSet();

        Assert.Equal(first.Choices, again.Choices);
        Assert.Equal("right", first.Choices[first.TargetIndex]);
        Assert.True(orders.Count > 1, "different questions should get different orders");
    }
}
