using EvalHarness.Core.Prompts;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

public sealed class JinjaChatFormatterTests
{
    private const string ChatMl =
        "{{ bos_token }}{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}" +
        "{% if add_generation_prompt %}<|im_start|>assistant\n{% if enable_thinking is defined and not enable_thinking %}<think>\n\n</think>\n\n{% endif %}{% endif %}" +
        "{% if flavour is defined %}[{{ flavour }}]{% endif %}";

    private static readonly IReadOnlyList<ChatTurn> Turns = [new("system", "Be brief."), new("user", "Hi")];

    [Fact]
    public void Renders_messages_tokens_and_the_generation_prompt()
    {
        var formatter = new JinjaChatFormatter(ChatMl, bosToken: "<s>");
        Assert.Equal("<s><|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
            formatter.Format(Turns, addGenerationPrompt: true, ThinkingMode.Default));
        Assert.EndsWith("Hi<|im_end|>\n", formatter.Format(Turns, addGenerationPrompt: false, ThinkingMode.Default));
        Assert.Equal(ChatMl, formatter.TemplateText);
    }

    [Fact]
    public void Thinking_off_sets_enable_thinking_false_and_default_leaves_it_undefined()
    {
        var formatter = new JinjaChatFormatter(ChatMl);
        Assert.EndsWith("assistant\n<think>\n\n</think>\n\n", formatter.Format(Turns, true, ThinkingMode.Off));
        Assert.EndsWith("assistant\n", formatter.Format(Turns, true, ThinkingMode.On));
        Assert.EndsWith("assistant\n", formatter.Format(Turns, true, ThinkingMode.Default));
        Assert.True(formatter.HandlesThinking);
        Assert.False(new JinjaChatFormatter("{% for m in messages %}{{ m.content }}{% endfor %}").HandlesThinking);
    }

    [Fact]
    public void Template_kwargs_reach_the_template() =>
        Assert.EndsWith("[mint]", new JinjaChatFormatter(ChatMl, templateKwargs: new Dictionary<string, object?> { ["flavour"] = "mint" })
            .Format(Turns, true, ThinkingMode.Default));

    [Fact]
    public void A_system_message_the_template_rejects_is_merged_into_the_first_user_turn()
    {
        const string gemmaLike = "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}" +
            "{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}";
        var merging = new JinjaChatFormatter(gemmaLike);
        Assert.False(merging.SupportsSystemRole);
        Assert.Equal("<user>Be brief.\nHi", merging.Format(Turns, true, ThinkingMode.Default));
        var strict = new JinjaChatFormatter(gemmaLike, mergeUnsupportedSystem: false);
        Assert.Contains("System role not supported", Assert.Throws<JinjaTemplateException>(() => strict.Format(Turns, true, ThinkingMode.Default)).Message);
        Assert.True(new JinjaChatFormatter(ChatMl).SupportsSystemRole);
    }

    [Fact]
    public void An_unparsable_template_fails_at_construction_with_its_line() =>
        Assert.Equal(2, Assert.Throws<JinjaTemplateException>(() => new JinjaChatFormatter("ok\n{% for m in messages %}")).Line);
}
