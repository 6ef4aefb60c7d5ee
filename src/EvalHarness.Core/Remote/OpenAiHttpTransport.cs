using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EvalHarness.Core.Remote;

/// <summary>
/// HTTP for <see cref="OpenAiCompatibleBackend"/>: at most N requests in flight, a timeout per attempt, and retries
/// with exponential backoff and jitter on 429, 5xx, timeouts and refused connections, honouring Retry-After.
/// Any other status comes back to the caller, who knows what it means for its endpoint.
/// </summary>
internal sealed class OpenAiHttpTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly OpenAiCompatibleOptions _options;
    private readonly string? _apiKey;

    public OpenAiHttpTransport(OpenAiCompatibleOptions options)
    {
        if (options.MaxConcurrency < 1) throw new UserInputException($"concurrency {options.MaxConcurrency} must be at least 1", "use 1 or more concurrent requests");
        _options = options;
        _slots = new SemaphoreSlim(options.MaxConcurrency);
        // The per-attempt timeout is ours (a linked token), so HttpClient's own is off.
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.MaxConcurrency }) { Timeout = Timeout.InfiniteTimeSpan };
        var key = Environment.GetEnvironmentVariable(options.ApiKeyVariable);
        _apiKey = string.IsNullOrEmpty(key) ? null : key;
    }

    /// <summary>Retries taken so far (for tests and progress displays).</summary>
    public int RetryCount => _retries;
    private int _retries;

    /// <summary>POSTs <paramref name="body"/> as JSON; returns the final status and body text.</summary>
    public Task<(HttpStatusCode Status, string Body)> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body, body.GetType(), OpenAiJson.Options), cancellationToken);

    public Task<(HttpStatusCode Status, string Body)> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>POSTs and parses a 2xx answer; any other final status is a <see cref="UserInputException"/>.</summary>
    public async Task<T> PostJsonAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        var (status, text) = await PostAsync(path, body, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(path, status, text);
        return JsonSerializer.Deserialize<T>(text, OpenAiJson.Options)
            ?? throw new UserInputException($"{_options.BaseUrl}{path.TrimStart('/')} answered null", "check that the server speaks the OpenAI API");
    }

    public void EnsureSuccess(string path, HttpStatusCode status, string text)
    {
        if ((int)status is >= 200 and < 300) return;
        var hint = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"set the API key in {_options.ApiKeyVariable}"
            : "check the model name, the base URL and the request against the server's documentation";
        throw new UserInputException($"{_options.BaseUrl}{path.TrimStart('/')} answered {(int)status} {status}: {Shorten(text)}", hint);
    }

    private async Task<(HttpStatusCode, string)> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.BaseUrl, path.TrimStart('/'));
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.RequestTimeout);
                using var request = new HttpRequestMessage(method, uri);
                if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                if (_apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                if (!IsRetryable(response.StatusCode)) return (response.StatusCode, text);
                failure = $"{(int)response.StatusCode} {response.StatusCode}: {Shorten(text)}";
                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            finally
            {
                _slots.Release();
            }
            if (attempt >= _options.MaxRetries)
            {
                throw new UserInputException($"{method} {uri} failed after {attempt + 1} attempts: {failure}",
                    "check that the server is up and not overloaded, or raise the retry count and timeout");
            }
            Interlocked.Increment(ref _retries);
            await Task.Delay(retryAfter ?? Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Exponential backoff with "equal jitter": half the doubled delay fixed, half random, so clients spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null) return null;
        if (wait < TimeSpan.Zero) return TimeSpan.Zero;
        // A server asking for minutes is honoured up to the longest backoff we would choose ourselves, times four.
        return wait.Value < _options.MaxBackoff * 4 ? wait : _options.MaxBackoff * 4;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }
}
