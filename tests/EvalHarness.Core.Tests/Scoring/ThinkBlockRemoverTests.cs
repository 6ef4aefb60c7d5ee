using EvalHarness.Core.Scoring.Filters;

namespace EvalHarness.Core.Tests.Scoring;

public class ThinkBlockRemoverTests
{
    private static readonly ThinkBlockRemover Remover = new();

    [Fact]
    public void Complete_block_is_removed_and_kept_as_reasoning()
    {
        var result = Remover.Apply("<think>\n6 times 7 is 42.\n</think>\n\nThe answer is 42.");

        Assert.Equal("The answer is 42.", result.Text);
        Assert.Equal("6 times 7 is 42.", result.Reasoning);
        Assert.Equal(AnswerFlags.None, result.Flags);
    }

    [Fact]
    public void Unclosed_block_means_the_answer_never_came()
    {
        var result = Remover.Apply("Sure.<think>Let me count: 1, 2, 3, and the answer is");

        Assert.Equal("", result.Text);
        Assert.True(result.Has(AnswerFlags.ThinkingUnterminated));
        Assert.Equal("Let me count: 1, 2, 3, and the answer is", result.Reasoning);
    }

    [Fact]
    public void Only_a_closing_tag_when_the_template_opened_the_block()
    {
        var result = Remover.Apply("the template opened this\n</think>\n\nB");

        Assert.Equal("B", result.Text);
        Assert.Equal("the template opened this", result.Reasoning);
        Assert.Equal(AnswerFlags.None, result.Flags);
    }

    [Fact]
    public void Template_opened_block_without_any_close_is_unterminated()
    {
        var opened = new ThinkBlockRemover(ThinkingMarkers.Think.OpenedByTemplate());

        var truncated = opened.Apply("Reasoning that ran out of tokens, answer is 7");
        var finished = opened.Apply("Reasoning.</think>Answer: 7");

        Assert.Equal("", truncated.Text);
        Assert.True(truncated.Has(AnswerFlags.ThinkingUnterminated));
        Assert.Equal("Answer: 7", finished.Text);
        Assert.Equal("Reasoning.", finished.Reasoning);
    }

    [Fact]
    public void Without_the_template_flag_an_unmarked_output_is_left_alone()
    {
        var input = new FilteredText("Answer: 7");

        Assert.Same(input, Remover.Apply(input));
    }

    [Fact]
    public void Several_blocks_are_all_removed()
    {
        var result = Remover.Apply("<think>a</think>first <think>b</think>second");

        Assert.Equal("first second", result.Text);
        Assert.Equal("a\nb", result.Reasoning);
    }

    [Fact]
    public void Answers_written_inside_the_reasoning_do_not_count()
    {
        var result = Remover.Apply("<think>maybe #### 5</think>#### 7");

        Assert.Equal("#### 7", result.Text);
    }

    [Fact]
    public void Harmony_channels_are_a_configurable_pair()
    {
        var harmony = new ThinkBlockRemover(ThinkingMarkers.HarmonyChannels);

        var result = harmony.Apply(
            "<|channel|>analysis<|message|>Compute 6*7.<|end|><|start|>assistant<|channel|>final<|message|>42");

        Assert.Equal("42", result.Text);
        Assert.Contains("Compute 6*7.", result.Reasoning);
    }

    [Fact]
    public void Flags_already_raised_are_kept()
    {
        var result = Remover.Apply(new FilteredText("<think>never ends", AnswerFlags.Truncated));

        Assert.True(result.Has(AnswerFlags.Truncated));
        Assert.True(result.Has(AnswerFlags.ThinkingUnterminated));
    }
}
