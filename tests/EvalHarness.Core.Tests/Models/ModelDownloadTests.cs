using System.Security.Cryptography;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Models;
using EvalHarness.Core.Tests.Datasets;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Models;

/// <summary>Model downloads against a loopback Hub: ranges, interrupted transfers, hashes, the cache layout, offline mode.</summary>
public sealed class ModelDownloadTests : IDisposable
{
    private const string HubPath = "/owner/repo/resolve/main/model-Q8_0.gguf";
    private readonly LoopbackFileServer _server = new();
    private readonly TempDirectory _cache = TestPaths.NewTempDirectory();
    private readonly HttpClient _http = new();
    private readonly byte[] _content = RandomBytes(3_000_000, seed: 7);

    public ModelDownloadTests() => _server.Files[HubPath] = _content;

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _cache.Dispose();
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private ModelAccessOptions Options(bool offline = false, int attempts = 3) => new()
    {
        CacheDirectory = _cache.Path,
        HubEndpoint = _server.BaseUrl,
        HubToken = "secret",
        Offline = offline,
        MaxAttempts = attempts,
        RetryDelay = TimeSpan.Zero,
    };

    private ModelCatalog Catalog(string? sha256, long? size) => ModelCatalog.Parse($$"""
        format_version: 1
        models:
          - name: test-model
            organisation: Test
            release_date: 2025-01-01
            repository: owner/repo
            file: model-Q8_0.gguf
            size: {{size?.ToString() ?? "null"}}
            sha256: {{sha256 ?? "null"}}
            context_length: 2048
        """, "catalog.yaml");

    private string CachedPath => Path.Combine(_cache.Path, "owner", "repo", "main", "model-Q8_0.gguf");

    [Fact]
    public async Task A_catalog_model_downloads_into_the_cache_layout_verified_with_the_token_and_progress()
    {
        var reports = new List<DownloadProgress>();
        var resolver = new ModelResolver(Options(), Catalog(Sha256(_content), _content.Length), _http) { Progress = reports.Add };

        var model = await resolver.ResolveAsync("test-model");

        Assert.Equal(CachedPath, model.Path);
        Assert.Equal(_content, File.ReadAllBytes(model.Path));
        Assert.True(model.Downloaded);
        Assert.True(model.Verified);
        Assert.Equal(Sha256(_content), model.Sha256);
        Assert.Equal(ModelReferenceKind.Catalog, model.Kind);
        Assert.Equal("test-model", model.Entry!.Name);
        Assert.Equal("Bearer secret", _server.Requests.Single().Authorization);
        Assert.Null(_server.Requests.Single().Range);
        Assert.False(File.Exists(ResumableDownloader.PartPath(model.Path)));
        Assert.StartsWith(Sha256(_content), File.ReadAllText(ModelFileHash.SidecarPath(model.Path)));

        var downloading = reports.Where(r => r.Phase == DownloadPhase.Downloading).ToList();
        Assert.Equal(_content.Length, downloading[^1].BytesDone);
        Assert.Equal(_content.Length, downloading[^1].BytesTotal);
        Assert.True(downloading[^1].BytesPerSecond > 0);
        Assert.Contains(reports, r => r.Phase == DownloadPhase.Verifying && r.BytesDone == _content.Length);
    }

    [Fact]
    public async Task A_partial_file_is_resumed_with_a_range_request()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachedPath)!);
        File.WriteAllBytes(ResumableDownloader.PartPath(CachedPath), _content[..1_234_567]);
        var resolver = new ModelResolver(Options(), Catalog(Sha256(_content), _content.Length), _http);

        var model = await resolver.ResolveAsync("test-model");

        Assert.Equal(_content, File.ReadAllBytes(model.Path));
        Assert.Equal("bytes=1234567-", _server.Requests.Single().Range);
    }

    [Fact]
    public async Task A_connection_dropped_mid_file_is_resumed_to_a_byte_identical_file()
    {
        _server.CutAfter[HubPath] = 1_000_000;
        var notices = new List<string>();
        var resolver = new ModelResolver(Options(), Catalog(Sha256(_content), _content.Length), _http) { Notice = notices.Add };

        var model = await resolver.ResolveAsync("test-model");

        Assert.Equal(_content, File.ReadAllBytes(model.Path));
        Assert.True(model.Verified);
        var requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Null(requests[0].Range);
        Assert.Equal("bytes=1000000-", requests[1].Range);
        Assert.Contains(notices, n => n.Contains("connection lost after 1,000,000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_pull_that_runs_out_of_tries_keeps_its_bytes_and_the_next_pull_finishes_it()
    {
        _server.CutAfter[HubPath] = 700_000;
        var catalog = Catalog(Sha256(_content), _content.Length);

        var error = await Assert.ThrowsAsync<UserInputException>(() => new ModelResolver(Options(attempts: 1), catalog, _http).PullAsync("test-model"));
        Assert.Contains("interrupted", error.Message);
        Assert.Contains("resumes", error.Fix);
        Assert.Equal(700_000, new FileInfo(ResumableDownloader.PartPath(CachedPath)).Length);
        Assert.False(File.Exists(CachedPath));

        var model = await new ModelResolver(Options(attempts: 1), catalog, _http).PullAsync("test-model");
        Assert.Equal(_content, File.ReadAllBytes(model.Path));
        Assert.Equal("bytes=700000-", _server.Requests.Last().Range);
    }

    [Fact]
    public async Task A_wrong_sha256_is_rejected_with_both_hashes_and_nothing_is_left_under_the_final_name()
    {
        var wrong = Sha256(RandomBytes(10, seed: 1));
        var resolver = new ModelResolver(Options(), Catalog(wrong, null), _http);

        var error = await Assert.ThrowsAsync<UserInputException>(() => resolver.ResolveAsync("test-model"));

        Assert.Contains("sha256 mismatch", error.Message);
        Assert.Contains(wrong, error.Message);
        Assert.Contains(Sha256(_content), error.Message);
        Assert.Contains("models/catalog.yaml", error.Fix);
        Assert.False(File.Exists(CachedPath));
        Assert.False(File.Exists(ResumableDownloader.PartPath(CachedPath)));
    }

    [Fact]
    public async Task A_wrong_size_is_rejected_before_hashing()
    {
        var resolver = new ModelResolver(Options(), Catalog(null, _content.Length + 1), _http);

        var error = await Assert.ThrowsAsync<UserInputException>(() => resolver.ResolveAsync("test-model"));

        Assert.Contains("should have 3,000,001", error.Message);
        Assert.False(File.Exists(CachedPath));
    }

    [Fact]
    public async Task A_file_already_in_place_with_the_right_hash_is_not_downloaded_again()
    {
        var catalog = Catalog(Sha256(_content), _content.Length);
        await new ModelResolver(Options(), catalog, _http).ResolveAsync("test-model");
        File.Delete(ModelFileHash.SidecarPath(CachedPath)); // make it hash the file again rather than trust the note

        var again = await new ModelResolver(Options(offline: true), catalog, _http).ResolveAsync("test-model");

        Assert.False(again.Downloaded);
        Assert.True(again.Verified);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_file_already_in_place_with_another_hash_is_reported_and_left_untouched()
    {
        var theirs = RandomBytes(_content.Length, seed: 99);
        Directory.CreateDirectory(Path.GetDirectoryName(CachedPath)!);
        File.WriteAllBytes(CachedPath, theirs);
        var resolver = new ModelResolver(Options(), Catalog(Sha256(_content), _content.Length), _http);

        var error = await Assert.ThrowsAsync<UserInputException>(() => resolver.ResolveAsync("test-model"));

        Assert.Contains("already exists", error.Message);
        Assert.Contains(Sha256(theirs), error.Message);
        Assert.Equal(theirs, File.ReadAllBytes(CachedPath));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Offline_with_the_file_missing_names_the_file_and_the_pull_command()
    {
        var resolver = new ModelResolver(Options(offline: true), Catalog(Sha256(_content), _content.Length), _http);

        var error = await Assert.ThrowsAsync<UserInputException>(() => resolver.ResolveAsync("test-model"));

        Assert.Contains("offline", error.Message);
        Assert.Contains(CachedPath, error.Message);
        Assert.Contains("hf:owner/repo/model-Q8_0.gguf", error.Message);
        Assert.Contains("evalharness models pull test-model", error.Fix);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task An_hf_reference_without_a_known_hash_downloads_with_a_warning_and_reports_the_hash_it_computed()
    {
        var notices = new List<string>();
        var resolver = new ModelResolver(Options(), Catalog(null, null), _http) { Notice = notices.Add };

        var model = await resolver.ResolveAsync("hf:owner/repo/model-Q8_0.gguf");

        Assert.Equal(ModelReferenceKind.Hub, model.Kind);
        Assert.False(model.Verified);
        Assert.Equal(Sha256(_content), model.Sha256);
        Assert.Contains(notices, n => n.StartsWith("warning:", StringComparison.Ordinal) && n.Contains("cannot be verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_hf_reference_to_a_catalogued_file_is_verified_with_the_catalog_hash()
    {
        var resolver = new ModelResolver(Options(), Catalog(Sha256(RandomBytes(5, seed: 5)), null), _http);

        var error = await Assert.ThrowsAsync<UserInputException>(() => resolver.ResolveAsync("hf:owner/repo/model-Q8_0.gguf"));

        Assert.Contains("sha256 mismatch", error.Message);
    }

    [Fact]
    public async Task Pull_into_a_directory_puts_the_file_there_under_its_own_name()
    {
        using var target = TestPaths.NewTempDirectory();
        var resolver = new ModelResolver(Options(), Catalog(Sha256(_content), _content.Length), _http);

        var model = await resolver.PullAsync("test-model", target.Path);

        Assert.Equal(Path.Combine(target.Path, "model-Q8_0.gguf"), model.Path);
        Assert.Equal(_content, File.ReadAllBytes(model.Path));
        Assert.False(File.Exists(CachedPath));
    }

    [Fact]
    public async Task A_missing_file_on_the_hub_is_one_clear_error()
    {
        var resolver = new ModelResolver(Options(), Catalog(null, null), _http);

        var error = await Assert.ThrowsAsync<UserInputException>(() => resolver.ResolveAsync("hf:owner/repo/absent.gguf"));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("repository, revision and file name", error.Fix);
    }

    [Fact]
    public async Task A_gated_repository_asks_for_a_token()
    {
        _server.ForcedStatus = 401;
        var resolver = new ModelResolver(Options(), Catalog(null, null), _http);

        var error = await Assert.ThrowsAsync<UserInputException>(() => resolver.ResolveAsync("hf:owner/repo/model-Q8_0.gguf"));

        Assert.Contains("model is gated or private", error.Message);
        Assert.Contains("HF_TOKEN", error.Fix);
    }
}
