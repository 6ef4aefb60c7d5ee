using System.Globalization;
using EvalHarness.Core.Prompts;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// Acceptance over llama.cpp's models/templates/*.jinja (the real chat templates of the pinned source tree):
/// each is rendered for the standard conversation with the generation prompt on, and with enable_thinking unset,
/// true and false where the template reads it, by our engine and by the Python Jinja2 reference in Hugging
/// Face's configuration (<see cref="PythonJinjaReference"/>). Outputs must be identical byte for byte; where the
/// reference raises, we must raise too.
/// </summary>
public sealed class TemplateFilesReferenceTests
{
    /// <summary>Template files where our output knowingly differs from Hugging Face's, with the reason.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
    };

    /// <summary>The model families the acceptance criteria name, as files of the pinned tree.</summary>
    private static readonly string[] RequiredFamilies =
    [
        "meta-llama-Llama-3.1-8B-Instruct.jinja", "meta-llama-Llama-3.2-3B-Instruct.jinja", "meta-llama-Llama-3.3-70B-Instruct.jinja",
        "Qwen-Qwen2.5-7B-Instruct.jinja", "Qwen-Qwen3-0.6B.jinja", "Qwen-QwQ-32B.jinja", "Qwen3.5-4B.jinja",
        "google-gemma-2-2b-it.jinja", "google-gemma-4-31B-it.jinja",
        "mistralai-Mistral-Nemo-Instruct-2407.jinja", "Mistral-Small-3.2-24B-Instruct-2506.jinja",
        "deepseek-ai-DeepSeek-R1-Distill-Llama-8B.jinja", "deepseek-ai-DeepSeek-R1-Distill-Qwen-32B.jinja",
        "deepseek-ai-DeepSeek-V3.1.jinja", "deepseek-ai-DeepSeek-V3.2.jinja",
        "openai-gpt-oss-120b.jinja", "microsoft-Phi-3.5-mini-instruct.jinja",
    ];

    private static readonly DateTime Now = DateTime.Parse(PythonJinjaReference.FixedNow, CultureInfo.InvariantCulture);

    internal sealed record Variant(string File, string Template, ThinkingMode Thinking)
    {
        public string Id => $"{File}|{Thinking}";
    }

    internal static List<Variant> Variants()
    {
        var directory = LlamaCppSource.Require("models", "templates");
        var variants = new List<Variant>();
        foreach (var path in Directory.GetFiles(directory, "*.jinja").Order(StringComparer.Ordinal))
        {
            var template = File.ReadAllText(path);
            var name = Path.GetFileName(path);
            variants.Add(new Variant(name, template, ThinkingMode.Default));
            if (!template.Contains("enable_thinking", StringComparison.Ordinal)) continue;
            variants.Add(new Variant(name, template, ThinkingMode.On));
            variants.Add(new Variant(name, template, ThinkingMode.Off));
        }
        return variants;
    }

    internal static Dictionary<string, object?> ReferenceVariables(ThinkingMode thinking)
    {
        var variables = new Dictionary<string, object?>
        {
            ["messages"] = LlamaCppTemplateTestCases.Conversation.Select(t => new Dictionary<string, object?> { ["role"] = t.Role, ["content"] = t.Content }).ToList(),
            ["bos_token"] = "<s>",
            ["eos_token"] = "</s>",
            ["add_generation_prompt"] = true,
        };
        if (thinking != ThinkingMode.Default) variables["enable_thinking"] = thinking == ThinkingMode.On;
        return variables;
    }

    internal static string RenderOurs(string template, ThinkingMode thinking)
    {
        var formatter = new JinjaChatFormatter(template, "<s>", "</s>", options: JinjaOptions.Default with { Now = () => Now }, mergeUnsupportedSystem: false);
        var turns = LlamaCppTemplateTestCases.Conversation.Select(t => new ChatTurn(t.Role, t.Content)).ToList();
        return formatter.Format(turns, addGenerationPrompt: true, thinking);
    }

    /// <summary>A template's own raise_exception message must come out of ours too; other errors just both raise.</summary>
    internal static bool SameRaise(string referenceError, string ourError)
    {
        const string raised = "TemplateError: ";
        return !referenceError.StartsWith(raised, StringComparison.Ordinal) || ourError.Contains(referenceError[raised.Length..], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_template_file_renders_as_hugging_face_jinja2_does()
    {
        var variants = Variants();
        var reference = PythonJinjaReference.Render(variants.Select(v => new PythonJinjaReference.Job(v.Id, v.Template, ReferenceVariables(v.Thinking))).ToList());
        var failures = new List<string>();
        var matchedFiles = new HashSet<string>();
        var failedFiles = new HashSet<string>();
        foreach (var variant in variants)
        {
            var expected = reference[variant.Id];
            string? actual = null;
            string? error = null;
            try
            {
                actual = RenderOurs(variant.Template, variant.Thinking);
            }
            catch (JinjaTemplateException e)
            {
                error = e.Message;
            }
            var same = expected.Ok ? actual == expected.Output : error is not null && SameRaise(expected.Error!, error);
            if (KnownDifferences.ContainsKey(variant.File))
            {
                failedFiles.Add(variant.File);
                continue;
            }
            if (same) continue;
            failedFiles.Add(variant.File);
            failures.Add($"{variant.Id}:\n  reference {(expected.Ok ? LlamaCppExpectedOutputTests.Escape(expected.Output!) : "raised " + expected.Error)}\n  ours      {(error is null ? LlamaCppExpectedOutputTests.Escape(actual!) : "raised " + error)}");
        }
        foreach (var variant in variants) if (!failedFiles.Contains(variant.File)) matchedFiles.Add(variant.File);
        Assert.True(failures.Count == 0, $"{failures.Count} variants differ ({matchedFiles.Count} files match):\n" + string.Join("\n", failures));
        Assert.True(matchedFiles.Count >= 25, $"only {matchedFiles.Count} template files match");
        var missing = RequiredFamilies.Where(f => !matchedFiles.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "required families not matched: " + string.Join(", ", missing));
    }
}
