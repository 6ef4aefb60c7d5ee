using EvalHarness.Core.Models;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Models;

public class ModelCatalogTests
{
    private const string Valid = """
        format_version: 1
        models:
          - name: tiny-q8
            organisation: Test Org
            release_date: 2025-01-02
            repository: owner/repo
            revision: abc123
            file: tiny-Q8_0.gguf
            size: 1000
            sha256: 0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef
            context_length: 4096
            sampling: { temperature: 0.7, top_p: 0.8, top_k: 20, min_p: 0.05, repeat_penalty: 1.05 }
            thinking:
              switch: chat_template_flag
              flag: enable_thinking
              default: true
              sampling: { temperature: 0.6, top_p: 0.95 }
          - name: unverified
            organisation: Test Org
            release_date: 2025-01-03
            repository: owner/other
            file: dir/other.gguf
            size: null
            sha256: null
            context_length: 2048
        """;

    [Fact]
    public void The_real_catalog_loads_and_names_the_exaone_models_with_their_thinking_switch()
    {
        var catalog = ModelCatalog.Load(Path.Combine(TestPaths.RepositoryRoot, "models", "catalog.yaml"));

        Assert.True(catalog.Entries.Count >= 6);
        Assert.Equal(catalog.Entries.Count, catalog.Entries.Select(e => e.Name).Distinct().Count());
        foreach (var name in new[] { "exaone-4.0-32b-q4_k_m", "exaone-4.0-32b-q8_0" })
        {
            var exaone = catalog.Get(name);
            Assert.Equal("LGAI-EXAONE/EXAONE-4.0-32B-GGUF", exaone.Source.RepositoryId);
            Assert.Equal(new DateOnly(2025, 7, 15), exaone.ReleaseDate);
            Assert.Equal(131072, exaone.ContextLength);
            Assert.True(exaone.Sampling.IsGreedy);
            Assert.Equal("enable_thinking", exaone.Thinking!.Flag);
            Assert.Equal(0.6, exaone.Thinking.Sampling.Temperature);
            Assert.Equal(0.95, exaone.Thinking.Sampling.TopP);
        }
        // A verified entry: the hash was read at a pinned commit, so the revision is that commit.
        Assert.Contains(catalog.Entries, e => e.Sha256 is not null && e.Source.Revision.Length == 40);
        Assert.Contains(catalog.Entries, e => !e.CanBeVerified);
    }

    [Fact]
    public void Every_field_is_read_and_hashes_are_normalised_to_lower_case()
    {
        var catalog = ModelCatalog.Parse(Valid, "test.yaml");

        var entry = catalog.Get("TINY-Q8");
        Assert.Equal("hf:owner/repo@abc123/tiny-Q8_0.gguf", entry.Source.ToString());
        Assert.Equal(1000, entry.SizeBytes);
        Assert.Equal("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", entry.Sha256);
        Assert.Equal(new SamplingSettings(0.7, 0.8, 20, 0.05, 1.05), entry.Sampling);
        Assert.True(entry.Thinking!.DefaultOn);
        Assert.Equal(3, entry.Line);

        var unverified = catalog.Get("unverified");
        Assert.Null(unverified.Sha256);
        Assert.Null(unverified.SizeBytes);
        Assert.False(unverified.CanBeVerified);
        Assert.Equal("main", unverified.Source.Revision);
        Assert.Same(SamplingSettings.None, unverified.Sampling);
        Assert.Null(unverified.Thinking);
    }

    [Theory]
    [InlineData("sha256: 0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "sha256: 12345", "test.yaml:10: models[0].sha256", "64 hexadecimal digits")]
    [InlineData("release_date: 2025-01-02", "release_date: 2025-13-40", "test.yaml:5: models[0].release_date", "YYYY-MM-DD")]
    [InlineData("size: 1000", "size: 10.5", "test.yaml:9: models[0].size", "whole number")]
    [InlineData("context_length: 4096", "context_length: -1", "test.yaml:11: models[0].context_length", "whole number")]
    [InlineData("repository: owner/repo", "repository: just-a-name", "test.yaml:6: models[0].repository", "owner/name")]
    [InlineData("file: tiny-Q8_0.gguf", "file: ../tiny.gguf", "test.yaml:8: models[0].file", "'..'")]
    [InlineData("name: tiny-q8", "name: Tiny Q8", "test.yaml:3: models[0].name", "not a usable name")]
    [InlineData("context_length: 4096", "context_lenght: 4096", "test.yaml:11: models[0].context_lenght", "unknown field")]
    [InlineData("switch: chat_template_flag", "switch: magic", "test.yaml:14: models[0].thinking.switch", "chat_template_flag")]
    [InlineData("name: unverified", "name: tiny-q8", "test.yaml:18: models[1].name", "duplicate name 'tiny-q8' (already used at line 3)")]
    public void A_bad_value_is_reported_with_file_line_and_field(string good, string bad, string where, string problem)
    {
        Assert.Contains(good, Valid);
        var error = Assert.Throws<UserInputException>(() => ModelCatalog.Parse(Valid.Replace(good, bad), "test.yaml"));

        Assert.StartsWith(where + ":", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains("test.yaml", error.Fix);
    }

    [Fact]
    public void Broken_yaml_names_its_line()
    {
        var error = Assert.Throws<UserInputException>(() => ModelCatalog.Parse("format_version: 1\nmodels:\n  - name: [unclosed\n", "broken.yaml"));
        Assert.StartsWith("broken.yaml:", error.Message);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<UserInputException>(() => ModelCatalog.Parse(Valid, "test.yaml").Get("nope"));
        Assert.Contains("tiny-q8, unverified", error.Fix);
    }
}
