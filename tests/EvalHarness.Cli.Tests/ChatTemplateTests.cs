using System.Text.Json;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Synthetic;
using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

/// <summary>--chat renders the model's own Jinja template (thinking switch included); --chat-template overrides it.</summary>
public sealed class ChatTemplateTests : IDisposable
{
    private const string Template =
        "{{ bos_token }}{% for m in messages %}<|{{ m.role }}|>{{ m.content }}\n{% endfor %}"
        + "{% if add_generation_prompt %}<|assistant|>{% if enable_thinking is defined and enable_thinking %}<think>\n{% elif enable_thinking is defined %}<think></think>{% endif %}{% endif %}";

    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    private string Model()
    {
        var path = _dir.File("chat.gguf");
        if (!File.Exists(path)) SyntheticModelWriter.WriteRandom(path, LlamaModelShape.Tiny, GgmlType.F32, seed: 5, name: "tiny-chat", chatTemplate: Template);
        return path;
    }

    private string Task()
    {
        Directory.CreateDirectory(_dir.File("data"));
        File.WriteAllText(_dir.File("data/test.jsonl"), "{\"question\": \"What is 2+2?\", \"answer\": \"#### 4\"}\n");
        File.WriteAllText(_dir.File("qa.yaml"), """
            name: qa
            category: reasoning
            dataset: { source: local, location: data, splits: { test: { files: test.jsonl } } }
            eval_split: test
            fields: { target: "{answer|after:#### }" }
            prompt: { text: "{question}" }
            request: { kind: generate, max_new_tokens: 4 }
            scoring: { scorer: gsm8k }
            """);
        return _dir.File("qa.yaml");
    }

    private async Task<string> PromptOf(params string[] extra)
    {
        var output = _dir.File($"out-{Guid.NewGuid():N}");
        var (code, _, error) = await CliHarness.Run(["eval", "--model", Model(), "--tasks", Task(), "--device", "cpu", "-t", "1", "--chat", "--out", output, .. extra]);
        CliHarness.RequireRuntime(code, error);
        Assert.True(code == ExitCodes.Success, error);
        return JsonDocument.Parse(File.ReadAllLines(Path.Combine(output, "qa.samples.jsonl"))[0]).RootElement.GetProperty("prompt").GetString()!;
    }

    [Fact]
    public async Task The_models_own_template_is_rendered_with_the_thinking_switch()
    {
        var on = await PromptOf("--thinking", "on");
        var off = await PromptOf("--thinking", "off");
        var unset = await PromptOf();

        Assert.Equal("<|user|>What is 2+2?\n<|assistant|><think>\n", on);
        Assert.EndsWith("<|assistant|><think></think>", off);
        Assert.EndsWith("<|assistant|>", unset);
    }

    [Fact]
    public async Task A_template_file_or_a_llama_cpp_built_in_name_overrides_it()
    {
        File.WriteAllText(_dir.File("plain.jinja"), "{% for m in messages %}[{{ m.role }}] {{ m.content }}{% endfor %}{% if add_generation_prompt %} [assistant]{% endif %}");

        Assert.Equal("[user] What is 2+2? [assistant]", await PromptOf("--chat-template", _dir.File("plain.jinja")));
        Assert.Equal("<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n", await PromptOf("--chat-template", "chatml"));
    }
}
