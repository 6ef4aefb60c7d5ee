using EvalHarness.Core.Models;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Models;

/// <summary>How a --model string is classified, without any network.</summary>
public sealed class ModelResolverTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    private static readonly ModelCatalog Catalog = ModelCatalog.Parse("""
        format_version: 1
        models:
          - name: known-model
            organisation: Test
            release_date: 2025-01-01
            repository: owner/repo
            file: known.gguf
            context_length: 2048
        """, "catalog.yaml");

    public void Dispose() => _dir.Dispose();

    // An endpoint nothing listens on: a test that reached the network would fail loudly.
    private ModelResolver Resolver(bool offline = false) =>
        new(new ModelAccessOptions { CacheDirectory = _dir.File("cache"), HubEndpoint = "http://127.0.0.1:9", Offline = offline }, Catalog);

    [Fact]
    public async Task An_existing_path_is_used_as_it_is()
    {
        var path = _dir.File("local.gguf");
        File.WriteAllBytes(path, [1, 2, 3]);

        var model = await Resolver().ResolveAsync(path);

        Assert.Equal(Path.GetFullPath(path), model.Path);
        Assert.Equal(ModelReferenceKind.LocalFile, model.Kind);
        Assert.Null(model.Entry);
        Assert.Equal(Path.GetFullPath(path), ModelReference.Resolve(path, new ModelAccessOptions { Offline = true }, Catalog));
    }

    [Fact]
    public async Task A_missing_path_says_it_does_not_exist()
    {
        var error = await Assert.ThrowsAsync<UserInputException>(() => Resolver().ResolveAsync(_dir.File("nope.gguf")));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task A_directory_is_refused()
    {
        var error = await Assert.ThrowsAsync<UserInputException>(() => Resolver().ResolveAsync(_dir.Path));
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public async Task An_unknown_name_lists_the_catalog()
    {
        var error = await Assert.ThrowsAsync<UserInputException>(() => Resolver().ResolveAsync("no-such-model"));
        Assert.Contains("neither a model file nor a name", error.Message);
        Assert.Contains("known-model", error.Fix);
    }

    [Fact]
    public async Task A_catalog_name_already_in_the_cache_resolves_offline()
    {
        var cached = Path.Combine(_dir.File("cache"), "owner", "repo", "main", "known.gguf");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllBytes(cached, [4, 5, 6]);

        var model = await Resolver(offline: true).ResolveAsync("known-model");

        Assert.Equal(cached, model.Path);
        Assert.Equal("known-model", model.Entry!.Name);
        Assert.False(model.Downloaded);
        Assert.False(model.Verified);
        Assert.Equal("787c798e39a5bc1910355bae6d0cd87a36b2e10fd0202a83e3bb6b005da83472", model.Sha256);
    }

    [Fact]
    public async Task Pull_refuses_a_local_file()
    {
        var path = _dir.File("local.gguf");
        File.WriteAllBytes(path, [1]);

        var error = await Assert.ThrowsAsync<UserInputException>(() => Resolver().PullAsync(path));

        Assert.Contains("nothing to pull", error.Message);
    }
}
