using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using EvalHarness.Core.Models;
using EvalHarness.Testing;

namespace EvalHarness.Cli.Tests;

/// <summary>
/// <c>models list</c> and <c>models pull</c> through the real parser. The pull test points the Hub endpoint
/// (EVALHARNESS_HF_ENDPOINT) at a one-file loopback server; tests in one class run one after another, so the variable
/// is never seen by another pull.
/// </summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly TempDirectory _dir = TestPaths.NewTempDirectory();

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task List_shows_every_catalog_model()
    {
        var (code, output, _) = await Run("models", "list");

        Assert.Equal(ExitCodes.Success, code);
        var catalog = ModelCatalog.Load(Path.Combine(TestPaths.RepositoryRoot, "models", "catalog.yaml"));
        Assert.All(catalog.Entries, e => Assert.Contains(e.Name, output));
        Assert.Contains("enable_thinking", output);
    }

    [Fact]
    public async Task Pull_offline_without_the_file_is_one_clear_error_naming_the_pull_command()
    {
        var (code, _, error) = await Run("models", "pull", "hf:owner/repo/model.gguf", "--dir", _dir.Path, "--offline");

        Assert.Equal(ExitCodes.UserError, code);
        Assert.Contains("offline", error);
        Assert.Contains(Path.Combine(_dir.Path, "model.gguf"), error);
        Assert.Contains($"evalharness models pull hf:owner/repo/model.gguf --dir {_dir.Path}", error);
    }

    [Fact]
    public async Task Pull_downloads_with_plain_progress_lines_when_output_is_not_a_terminal()
    {
        var content = new byte[2_500_000];
        new Random(3).NextBytes(content);
        using var server = new OneFileServer("/owner/repo/resolve/main/model.gguf", content);
        var previous = Environment.GetEnvironmentVariable(ModelAccessOptions.EndpointVariable);
        Environment.SetEnvironmentVariable(ModelAccessOptions.EndpointVariable, server.BaseUrl);
        try
        {
            var (code, output, error) = await Run("models", "pull", "hf:owner/repo/model.gguf", "--dir", _dir.Path);

            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(_dir.Path, "model.gguf")));
            Assert.Contains("downloading model.gguf: 100% (2.5 MB of 2.5 MB", output);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(content)), output);
            Assert.Contains("NOT verified", output);
            Assert.Contains("cannot be verified", error);
            Assert.Contains($"use it with --model {Path.Combine(_dir.Path, "model.gguf")}", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelAccessOptions.EndpointVariable, previous);
        }
    }

    /// <summary>Serves one byte array at one path (the Core tests' loopback server lives in another test project).</summary>
    private sealed class OneFileServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public OneFileServer(string path, byte[] content)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
            probe.Stop();
            _listener.Prefixes.Add(BaseUrl + "/");
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception) { return; }
                    if (context.Request.Url!.AbsolutePath != path)
                    {
                        context.Response.StatusCode = 404;
                    }
                    else
                    {
                        context.Response.ContentLength64 = content.Length;
                        await context.Response.OutputStream.WriteAsync(content);
                    }
                    context.Response.Close();
                }
            });
        }

        public string BaseUrl { get; }

        public void Dispose()
        {
            try { _listener.Close(); } catch (HttpListenerException) { }
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        }
    }
}
