using System.Text;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Datasets;

public class DatasetDownloadTests
{
    private static TaskSpec HubTask(string revision) => TaskSpecLoader.Parse($$"""
        name: hub_task
        category: reasoning
        dataset:
          source: hf
          location: someone/tiny
          revision: {{revision}}
          files: [data/test.jsonl]
          splits:
            test: { files: "**/test.jsonl" }
        eval_split: test
        fields: { target: "{answer}" }
        prompt: { text: "{question}" }
        request: { kind: generate }
        scoring: { scorer: math }
        """, "hub_task.yaml");

    private const string Jsonl = "{\"question\": \"1+1\", \"answer\": \"2\"}\n{\"question\": \"2+2\", \"answer\": \"4\"}\n";

    [Fact]
    public async Task A_hub_dataset_is_fetched_by_revision_cached_and_its_commit_recorded()
    {
        using var server = new LoopbackFileServer();
        using var cache = TestPaths.NewTempDirectory();
        server.Files["/datasets/someone/tiny/resolve/main/data/test.jsonl"] = Encoding.UTF8.GetBytes(Jsonl);
        server.ExtraHeaders["X-Repo-Commit"] = "0123456789abcdef0123456789abcdef01234567";
        var options = new DatasetAccessOptions { CacheDirectory = cache.Path, HubEndpoint = server.BaseUrl, HubToken = "secret", Offline = false };
        using var http = new HttpClient();
        var task = HubTask("main");

        var resolved = await new DatasetResolver(options, http).ResolveAsync(task);
        var again = await new DatasetResolver(options with { Offline = true }, http).ResolveAsync(task);

        Assert.Equal("0123456789abcdef0123456789abcdef01234567", resolved.Revision);
        Assert.Equal(resolved, again);
        Assert.Single(server.Requests);
        Assert.Equal("Bearer secret", server.Requests.Single().Authorization);
        var records = DatasetLoader.LoadSplit(resolved.Root, task, "test");
        Assert.Equal(["2", "4"], records.Select(r => (string?)r.Data["answer"]));
    }

    [Fact]
    public async Task An_interrupted_download_resumes_with_a_range_request()
    {
        using var server = new LoopbackFileServer();
        using var target = TestPaths.NewTempDirectory();
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Jsonl, 50)));
        server.Files["/f.jsonl"] = content;
        var destination = target.File("f.jsonl");
        File.WriteAllBytes(destination + ".part", content[..1000]);
        using var http = new HttpClient();

        await new ResumableDownloader(http).DownloadAsync(server.BaseUrl + "/f.jsonl", destination, null, CancellationToken.None);

        Assert.Equal(content, File.ReadAllBytes(destination));
        Assert.False(File.Exists(destination + ".part"));
        Assert.Equal("bytes=1000-", server.Requests.Single().Range);
    }

    [Fact]
    public async Task A_server_that_ignores_range_restarts_the_file_instead_of_appending()
    {
        using var server = new LoopbackFileServer { IgnoreRange = true };
        using var target = TestPaths.NewTempDirectory();
        var content = Encoding.UTF8.GetBytes(Jsonl);
        server.Files["/f.jsonl"] = content;
        var destination = target.File("f.jsonl");
        File.WriteAllBytes(destination + ".part", content[..10]);
        using var http = new HttpClient();

        await new ResumableDownloader(http).DownloadAsync(server.BaseUrl + "/f.jsonl", destination, null, CancellationToken.None);

        Assert.Equal(content, File.ReadAllBytes(destination));
    }

    [Fact]
    public async Task Offline_without_a_cached_copy_is_a_clear_error_and_touches_no_network()
    {
        using var server = new LoopbackFileServer();
        using var cache = TestPaths.NewTempDirectory();
        var options = new DatasetAccessOptions { CacheDirectory = cache.Path, HubEndpoint = server.BaseUrl, Offline = true };

        var error = await Assert.ThrowsAsync<UserInputException>(() => new DatasetResolver(options, new HttpClient()).ResolveAsync(HubTask("abc123")));

        Assert.Contains("offline", error.Message);
        Assert.Contains("not in the cache", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_missing_remote_file_is_a_user_error_naming_the_url()
    {
        using var server = new LoopbackFileServer();
        using var cache = TestPaths.NewTempDirectory();
        var options = new DatasetAccessOptions { CacheDirectory = cache.Path, HubEndpoint = server.BaseUrl, Offline = false };

        var error = await Assert.ThrowsAsync<UserInputException>(() => new DatasetResolver(options, new HttpClient()).ResolveAsync(HubTask("v1")));

        Assert.Contains("/datasets/someone/tiny/resolve/v1/data/test.jsonl", error.Message);
        Assert.Contains("404", error.Message);
    }
}
