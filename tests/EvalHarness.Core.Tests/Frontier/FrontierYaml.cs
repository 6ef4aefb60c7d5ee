namespace EvalHarness.Core.Tests.Frontier;

/// <summary>Small frontier tables written by the tests themselves, and the path of the real one.</summary>
internal static class FrontierYaml
{
    public static string RealTablePath => Path.Combine(EvalHarness.Testing.TestPaths.RepositoryRoot, "models", "frontier.yaml");

    /// <summary>Header (sources, categories, benchmarks) shared by the inline tables; models are appended.</summary>
    public const string Header = """
        format_version: 1
        reference_model: Ref
        sources:
          src: { title: Test source, date: 2025-11 }
        categories:
          coding: { weight: 1 }
          knowledge: { weight: 1 }
          reasoning: { weight: 1 }
        benchmarks:
          code_a: { category: coding }
          code_b: { category: coding }
          know_a: { category: knowledge }
          reason_a: { category: reasoning }
        models:
        """;

    /// <summary>One model entry; scores as (benchmark, value) pairs.</summary>
    public static string Model(string name, string released, params (string Id, double Value)[] scores)
    {
        var lines = new List<string>
        {
            $"  - name: {name}",
            "    organisation: Org",
            "    country: Nowhere",
            "    open_weights: true",
            $"    released: {released}",
            "    release_date_source: src",
            "    reasoning: false",
        };
        if (scores.Length > 0)
        {
            lines.Add("    scores:");
            lines.AddRange(scores.Select(s => $"      {s.Id}: {{ value: {s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, source: src, date: 2025-11 }}"));
        }
        return string.Join("\n", lines);
    }

    public static string Table(params string[] models) => Header + "\n" + string.Join("\n", models) + "\n";
}
