using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using EvalHarness.Core.Datasets;
using EvalHarness.Core.Tasks;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Datasets;

public class ArchiveDownloadTests
{
    private static TaskSpec ArchiveTask(string archive, string url) => TaskSpecLoader.Parse($$"""
        name: archived
        category: knowledge
        dataset:
          source: url
          location: {{url}}
          revision: v1
          archive: {{archive}}
          splits:
            test: { files: "**/test/*_test.csv", columns: [q, a], group_from_file: "^(.+)_test\\.csv$" }
        eval_split: test
        fields: { target: "{a}" }
        prompt: { text: "{q}" }
        request: { kind: generate }
        scoring: { scorer: math }
        """, "archived.yaml");

    private static byte[] Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("release/data/test/algebra_test.csv").Open());
            writer.Write("1+1,2\n2+2,4\n");
        }
        return memory.ToArray();
    }

    private static byte[] TarGz()
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "data/test/geometry_test.csv")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes("sides of a square,4\n")),
            };
            tar.WriteEntry(entry);
        }
        return memory.ToArray();
    }

    [Theory]
    [InlineData("zip", "algebra", 2)]
    [InlineData("tar", "geometry", 1)]
    public async Task An_archive_is_downloaded_once_unpacked_in_the_cache_and_read_by_glob(string kind, string group, int count)
    {
        using var server = new LoopbackFileServer();
        using var cache = TestPaths.NewTempDirectory();
        server.Files["/release.bin"] = kind == "zip" ? Zip() : TarGz();
        var options = new DatasetAccessOptions
        {
            CacheDirectory = cache.Path, Offline = false,
            UrlRewriter = url => url.Replace("https://authors.example", server.BaseUrl, StringComparison.Ordinal),
        };
        var task = ArchiveTask(kind, "https://authors.example/release.bin");
        using var http = new HttpClient();

        var resolved = await new DatasetResolver(options, http).ResolveAsync(task);
        await new DatasetResolver(options with { Offline = true }, http).ResolveAsync(task);
        var records = DatasetLoader.LoadSplit(resolved.Root, task, "test");

        Assert.Single(server.Requests);
        Assert.Equal(count, records.Count);
        Assert.All(records, r => Assert.Equal(group, r.Group));
        Assert.Equal("v1", resolved.Revision);
        Assert.StartsWith(cache.Path, resolved.Root);
    }
}
