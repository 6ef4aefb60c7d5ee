using System.Globalization;
using System.Text.Json;
using EvalHarness.Core.Prompts.Jinja;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// The harder half of the templates: tool definitions (tojson, indentation, nested schemas) and an assistant tool
/// call, from llama.cpp's own DEFAULT_JSON_WITH_TOOLS input in tests/test-chat-template.cpp (read at test time).
/// Every models/templates file is rendered from that JSON by our engine and by the Python Jinja2 reference in
/// Hugging Face's configuration; outputs must match byte for byte, and where the reference raises (e.g. a
/// template wanting string arguments), we must raise too.
/// </summary>
public sealed class TemplateFilesToolsReferenceTests
{
    /// <summary>
    /// Templates where Hugging Face's environment raises and we render, each with the reference error we expect
    /// (so the entry cannot mask another change) and why we render anyway:
    /// <list type="bullet">
    /// <item>Kimi K2: the template calls list.append; HF's ImmutableSandboxedEnvironment forbids mutating lists
    /// (SecurityError) while llama.cpp's engine and plain Jinja2 allow it. We allow it: the authors wrote it to
    /// run, and llama.cpp serves it.</item>
    /// <item>llama.cpp's DeepSeek R1 template pipes `tools | map(attribute=...)` into tojson; in Python, map
    /// yields a lazy generator json.dumps cannot serialise. Our filters return lists, which is what the
    /// template (written for llama.cpp's engine) means.</item>
    /// </list>
    /// </summary>
    private static readonly Dictionary<string, (string ReferenceError, string Reason)> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["Kimi-K2-Instruct.jinja"] = ("access to attribute 'append' of 'list' object is unsafe", "list.append allowed"),
        ["Kimi-K2-Thinking.jinja"] = ("access to attribute 'append' of 'list' object is unsafe", "list.append allowed"),
        ["llama-cpp-deepseek-r1.jinja"] = ("Object of type generator is not JSON serializable", "map returns a list"),
    };

    private static readonly DateTime Now = DateTime.Parse(PythonJinjaReference.FixedNow, CultureInfo.InvariantCulture);

    internal static string ToolsJson()
    {
        var source = File.ReadAllText(LlamaCppSource.Require("tests", "test-chat-template.cpp"));
        const string marker = "DEFAULT_JSON_WITH_TOOLS = R\"(";
        var start = source.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "DEFAULT_JSON_WITH_TOOLS not found in test-chat-template.cpp");
        start += marker.Length;
        return source[start..source.IndexOf(")\"", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Every_template_file_renders_tools_and_tool_calls_as_hugging_face_jinja2_does()
    {
        PythonJinjaReference.RequireAvailable();
        using var input = JsonDocument.Parse(ToolsJson());
        var files = Directory.GetFiles(LlamaCppSource.Require("models", "templates"), "*.jinja").Order(StringComparer.Ordinal).ToList();
        var referenceVariables = JsonSerializer.Deserialize<Dictionary<string, object?>>(input.RootElement.GetRawText())!;
        var reference = PythonJinjaReference.Render(files.Select(f => new PythonJinjaReference.Job(Path.GetFileName(f), File.ReadAllText(f), referenceVariables)).ToList());
        var variables = input.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => JinjaTemplate.ToValue(p.Value));
        var failures = new List<string>();
        var rendered = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var expected = reference[name];
            string? actual = null, error = null;
            try
            {
                actual = JinjaTemplate.Parse(File.ReadAllText(file), JinjaOptions.Default with { Now = () => Now }).Render(variables);
            }
            catch (JinjaTemplateException e)
            {
                error = e.Message;
            }
            if (KnownDifferences.TryGetValue(name, out var known))
            {
                if (expected.Ok || !expected.Error!.Contains(known.ReferenceError, StringComparison.Ordinal) || error is not null)
                {
                    failures.Add($"{name}: known difference ({known.Reason}) no longer as listed: reference {(expected.Ok ? "rendered" : expected.Error)}, ours {error ?? "rendered"}");
                }
                continue;
            }
            if (expected.Ok && actual == expected.Output) { rendered++; continue; }
            if (!expected.Ok && error is not null && TemplateFilesReferenceTests.SameRaise(expected.Error!, error)) continue;
            failures.Add($"{name}:\n  reference {(expected.Ok ? LlamaCppExpectedOutputTests.Escape(expected.Output!) : "raised " + expected.Error)}\n  ours      {(error is null ? LlamaCppExpectedOutputTests.Escape(actual!) : "raised " + error)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} templates differ ({rendered} rendered identically):\n" + string.Join("\n", failures));
        Assert.True(rendered >= 25, $"only {rendered} templates rendered tools identically");
    }
}
