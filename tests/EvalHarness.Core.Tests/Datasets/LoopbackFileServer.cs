using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EvalHarness.Core.Tests.Datasets;

/// <summary>
/// A tiny HTTP file server on 127.0.0.1 for download tests: serves byte arrays by path, honours Range requests
/// (unless told not to), records every request's path and Range header, and can add response headers. A path in
/// <see cref="CutAfter"/> is served once with only that many body bytes before the connection is dropped (an interrupted
/// transfer); later requests for it are served in full.
/// </summary>
internal sealed class LoopbackFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackFileServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();
    public ConcurrentQueue<(string Path, string? Range, string? Authorization)> Requests { get; } = new();
    public Dictionary<string, string> ExtraHeaders { get; } = new();
    public bool IgnoreRange { get; set; }
    public ConcurrentDictionary<string, int> CutAfter { get; } = new();

    /// <summary>When set, every request gets this status and no body (e.g. 401 for a gated repository).</summary>
    public int? ForcedStatus { get; set; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var range = context.Request.Headers["Range"];
            Requests.Enqueue((path, range, context.Request.Headers["Authorization"]));
            var response = context.Response;
            foreach (var (name, value) in ExtraHeaders) response.AddHeader(name, value);
            if (ForcedStatus is { } status)
            {
                response.StatusCode = status;
                response.Close();
                continue;
            }
            if (!Files.TryGetValue(path, out var bytes))
            {
                response.StatusCode = 404;
                response.Close();
                continue;
            }
            var start = 0;
            if (range is not null && !IgnoreRange)
            {
                start = int.Parse(range["bytes=".Length..].TrimEnd('-'));
                if (start >= bytes.Length) { response.StatusCode = 416; response.Close(); continue; }
                response.StatusCode = 206;
                response.AddHeader("Content-Range", $"bytes {start}-{bytes.Length - 1}/{bytes.Length}");
            }
            response.ContentLength64 = bytes.Length - start;
            if (CutAfter.TryRemove(path, out var cut))
            {
                // Announce the whole length, send part of it, then drop the connection: the client sees a premature end.
                await response.OutputStream.WriteAsync(bytes.AsMemory(start, Math.Min(cut, bytes.Length - start)));
                await response.OutputStream.FlushAsync();
                response.Abort();
                continue;
            }
            await response.OutputStream.WriteAsync(bytes.AsMemory(start));
            response.Close();
        }
    }

    public void Dispose()
    {
        // Close alone: on Linux the managed HttpListener, when closed after Stop, looks its port up again and re-binds
        // it — which fails ("Address already in use") once a parallel test has taken that port.
        try { _listener.Close(); } catch (HttpListenerException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
