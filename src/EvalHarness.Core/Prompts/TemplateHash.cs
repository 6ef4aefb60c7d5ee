using System.Security.Cryptography;
using System.Text;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Prompts;

/// <summary>
/// A short, stable fingerprint of how prompts were made: the chat template's text when one is applied, else the
/// task's own prompt templates. Two runs with equal hashes fed the model identically formatted prompts.
/// </summary>
public static class TemplateHash
{
    public static string Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    public static string ForPrompts(PromptSpec prompt, IChatFormatter? chat) => chat is not null
        ? "chat:" + Of(chat.TemplateText)
        : "raw:" + Of(string.Join("\u0000", prompt.Description.Source, prompt.Text.Source, prompt.ShotTarget.Source, prompt.ShotSeparator));
}
