using System.Diagnostics;
using System.Text.Json;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// The reference our engine is measured against: Python's Jinja2 configured exactly as Hugging Face's
/// apply_chat_template configures it (transformers/utils/chat_template_utils.py: ImmutableSandboxedEnvironment,
/// trim_blocks, lstrip_blocks, loopcontrols and the {% generation %} tag; tojson = json.dumps with
/// ensure_ascii=False and no key sorting; raise_exception; strftime_now). Used only when python3 with jinja2 is on
/// the machine; tests skip with the reason otherwise.
/// </summary>
internal static class PythonJinjaReference
{
    public const string FixedNow = "2026-01-15T09:30:00";

    private const string Script = """
        import json, sys
        from datetime import datetime
        import jinja2
        from jinja2 import nodes
        from jinja2.ext import Extension, loopcontrols
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        class AssistantTracker(Extension):
            tags = {"generation"}
            def parse(self, parser):
                lineno = next(parser.stream).lineno
                body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
                return nodes.CallBlock(self.call_method("_render", []), [], [], body).set_lineno(lineno)
            def _render(self, caller):
                return caller()

        def raise_exception(message):
            raise jinja2.exceptions.TemplateError(message)

        def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
            return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

        now = datetime.fromisoformat(sys.argv[3])
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[AssistantTracker, loopcontrols])
        env.filters["tojson"] = tojson
        env.globals["raise_exception"] = raise_exception
        env.globals["strftime_now"] = lambda fmt: now.strftime(fmt)

        jobs = json.load(open(sys.argv[1], encoding="utf-8"))
        results = {}
        for job in jobs:
            try:
                results[job["id"]] = {"ok": True, "output": env.from_string(job["template"]).render(**job["variables"])}
            except Exception as e:
                results[job["id"]] = {"ok": False, "error": type(e).__name__ + ": " + str(e)}
        json.dump(results, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
        """;

    public sealed record Job(string Id, string Template, Dictionary<string, object?> Variables);

    public sealed record Result(bool Ok, string? Output, string? Error);

    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        try
        {
            var (code, _, error) = RunPython(["-c", "import jinja2"]);
            return code == 0 ? null : "python3 cannot import jinja2: " + error.Trim();
        }
        catch (Exception e)
        {
            return "python3 is not available: " + e.Message;
        }
    });

    public static void RequireAvailable()
    {
        if (Unavailable.Value is { } reason) Assert.Skip("Python Jinja2 reference unavailable (" + reason + ")");
    }

    public static Dictionary<string, Result> Render(IReadOnlyList<Job> jobs)
    {
        RequireAvailable();
        var dir = Path.Combine(Path.GetTempPath(), "evalharness-jinja-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var script = Path.Combine(dir, "render.py");
            var input = Path.Combine(dir, "jobs.json");
            var output = Path.Combine(dir, "results.json");
            File.WriteAllText(script, Script);
            File.WriteAllText(input, JsonSerializer.Serialize(jobs.Select(j => new { id = j.Id, template = j.Template, variables = j.Variables })));
            var (code, stdout, stderr) = RunPython([script, input, output, FixedNow]);
            if (code != 0) throw new InvalidOperationException($"reference renderer failed ({code}): {stdout}{stderr}");
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            return doc.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => new Result(p.Value.GetProperty("ok").GetBoolean(),
                    p.Value.TryGetProperty("output", out var o) ? o.GetString() : null,
                    p.Value.TryGetProperty("error", out var e) ? e.GetString() : null));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int Code, string Stdout, string Stderr) RunPython(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python3 reference renderer took over 120 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
