using EvalHarness.Core;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>
/// The pinned llama.cpp source tree (release v0.5.0, unpacked from node-llama-cpp's gitRelease.bundle into the
/// harness cache): its models/templates/*.jinja and tests/test-chat-template.cpp are the acceptance data for the
/// Jinja engine. Tests skip with the reason when it is absent.
/// </summary>
internal static class LlamaCppSource
{
    public static string Root => Path.Combine(CacheDirectory.Root(), "llama.cpp-src", "v0.5.0");

    public static string TemplatesDirectory => Path.Combine(Root, "models", "templates");

    public static string Require(params string[] relative)
    {
        var path = Path.Combine([Root, .. relative]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"{path} is absent: unpack llama.cpp v0.5.0 (node-llama-cpp@3.22.1 llama/gitRelease.bundle) into {Root}");
        }
        return path;
    }
}
