namespace EvalHarness.Core.Prompts.Jinja;

/// <summary>
/// The chat seam over our Jinja engine: renders the model's own template (the GGUF's tokenizer.chat_template)
/// with the variables Hugging Face's apply_chat_template passes: messages, add_generation_prompt, bos_token,
/// eos_token, plus enable_thinking from the thinking switch (On → true, Off → false, Default → left undefined so
/// the template's own default applies) and any other template kwargs.
/// </summary>
/// <remarks>
/// One llama.cpp behaviour is kept, because a harness sends system prompts to every model: when the template
/// ignores or rejects a leading system message (Gemma, Mistral v0.2 raise "System role not supported"), the
/// system text is merged into the first user message with "\n", as llama.cpp's chat layer does
/// (common/chat.cpp, system_message_not_supported). Support is probed once by rendering a system + user pair and
/// checking the system text comes out. <see cref="MergeUnsupportedSystem"/> = false renders exactly what
/// Hugging Face would (and so raises where the template raises).
/// </remarks>
public sealed class JinjaChatFormatter : IChatFormatter
{
    private const string ProbeSystemText = "System message 7f3a";

    private readonly JinjaTemplate _template;
    private readonly string _bosToken;
    private readonly string _eosToken;
    private readonly IReadOnlyDictionary<string, object?> _templateKwargs;
    private readonly Lazy<bool> _supportsSystemRole;

    public JinjaChatFormatter(string templateText, string bosToken = "", string eosToken = "",
        IReadOnlyDictionary<string, object?>? templateKwargs = null, JinjaOptions? options = null, bool mergeUnsupportedSystem = true)
    {
        TemplateText = templateText;
        _template = JinjaTemplate.Parse(templateText, options);
        _bosToken = bosToken;
        _eosToken = eosToken;
        _templateKwargs = templateKwargs ?? new Dictionary<string, object?>();
        MergeUnsupportedSystem = mergeUnsupportedSystem;
        _supportsSystemRole = new Lazy<bool>(ProbeSystemRole);
    }

    public string TemplateText { get; }

    /// <summary>True when the template reads enable_thinking, so the switch reaches it; otherwise the prompt builder's
    /// documented prefix applies.</summary>
    public bool HandlesThinking => TemplateText.Contains("enable_thinking", StringComparison.Ordinal);

    public bool MergeUnsupportedSystem { get; }

    /// <summary>Whether a leading system message comes out in the rendered prompt (probed once).</summary>
    public bool SupportsSystemRole => _supportsSystemRole.Value;

    public string Format(IReadOnlyList<ChatTurn> turns, bool addGenerationPrompt, ThinkingMode thinking)
    {
        var messages = turns.Select(t => (Role: t.Role, Content: t.Content)).ToList();
        if (MergeUnsupportedSystem && messages.Count > 0 && messages[0].Role == "system" && !SupportsSystemRole)
        {
            if (messages.Count > 1) messages[1] = (messages[1].Role, messages[0].Content + "\n" + messages[1].Content);
            messages.RemoveAt(0);
        }
        return Render(messages, addGenerationPrompt, thinking);
    }

    private string Render(IEnumerable<(string Role, string Content)> messages, bool addGenerationPrompt, ThinkingMode thinking)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in _templateKwargs) variables[name] = value;
        variables["messages"] = messages.Select(m => (object?)new JinjaDict { ["role"] = m.Role, ["content"] = m.Content }).ToList();
        variables["add_generation_prompt"] = addGenerationPrompt;
        variables["bos_token"] = _bosToken;
        variables["eos_token"] = _eosToken;
        if (thinking != ThinkingMode.Default) variables["enable_thinking"] = thinking == ThinkingMode.On;
        return _template.Render(variables);
    }

    private bool ProbeSystemRole()
    {
        try
        {
            var rendered = Render([("system", ProbeSystemText), ("user", "User message")], addGenerationPrompt: false, ThinkingMode.Default);
            return rendered.Contains(ProbeSystemText, StringComparison.Ordinal);
        }
        catch (JinjaTemplateException)
        {
            return false;
        }
    }
}
