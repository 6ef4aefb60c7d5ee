using System.Runtime.InteropServices;
using System.Text;
using EvalHarness.Llama.Native;

namespace EvalHarness.Llama.Engine;

/// <summary>One chat turn.</summary>
public sealed record ChatMessage(string Role, string Content);

/// <summary>
/// Formats a conversation with llama.cpp's built-in template support (llama_chat_apply_template), which recognises
/// the common template families from the model's Jinja text or by name (e.g. "chatml", "llama3"). It ignores template
/// variables such as enable_thinking; a full Jinja renderer is a separate piece of work.
/// </summary>
public static class LlamaChatTemplate
{
    public static unsafe string Apply(string template, IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        var strings = new List<IntPtr>();
        try
        {
            var native = new LlamaChatMessage[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                native[i].Role = Utf8(messages[i].Role, strings);
                native[i].Content = Utf8(messages[i].Content, strings);
            }
            var templateBytes = Encoding.UTF8.GetBytes(template + "\0");
            var capacity = Math.Max(256, messages.Sum(m => Encoding.UTF8.GetByteCount(m.Content) + 64) * 2);
            while (true)
            {
                var buffer = new byte[capacity];
                int length;
                fixed (byte* t = templateBytes)
                fixed (LlamaChatMessage* m = native)
                fixed (byte* b = buffer)
                {
                    length = LlamaApi.ChatApplyTemplate(t, m, (nuint)native.Length, addGenerationPrompt, b, capacity);
                }
                if (length < 0)
                {
                    throw new UserInputException(
                        "llama.cpp does not recognise this model's chat template",
                        "pass a built-in template by name (e.g. chatml, llama3, gemma) or run without --chat");
                }
                if (length <= capacity) return Encoding.UTF8.GetString(buffer, 0, length);
                capacity = length;
            }
        }
        finally
        {
            foreach (var pointer in strings) Marshal.FreeCoTaskMem(pointer);
        }
    }

    private static IntPtr Utf8(string text, List<IntPtr> owned)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(text);
        owned.Add(pointer);
        return pointer;
    }
}
