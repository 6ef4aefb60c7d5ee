using System.CommandLine;

namespace EvalHarness.Cli;

/// <summary>--chat-template, shared by the commands that build chat prompts (see <see cref="ChatFormatters"/>).</summary>
public static class ChatTemplateOption
{
    public static Option<string?> Create() => new("--chat-template")
    {
        Description = "With --chat: a Jinja template file, 'builtin' (llama.cpp's renderer of the model's template) or a llama.cpp template name (chatml, llama3, …). Default: the model's own template, rendered as Jinja.",
    };
}
