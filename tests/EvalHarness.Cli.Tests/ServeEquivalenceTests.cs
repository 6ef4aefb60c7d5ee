using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EvalHarness.Cli.Serve;
using EvalHarness.Core.Inference;
using EvalHarness.Core.Remote;

namespace EvalHarness.Cli.Tests;

/// <summary>
/// Our HTTP backend against our server, on real loopback HTTP, gives what the in-process engine gives on the same
/// model: the same loglikelihoods (1e-4), greedy flags and greedy generations.
/// </summary>
public sealed class ServeEquivalenceTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    private static readonly LoglikelihoodRequest[] Requests =
    [
        new("The capital of France is", " Paris"),
        new("Question: what is two plus two? Answer:", " four"),
        new("the people of the world", " have a time and a way"),
        new("", "the first words"),
        new("one more time ", "with feeling"),
        new("Once upon a time there was", " a little"),
    ];

    private OpenAiCompatibleBackend Client(int concurrency = 4) =>
        new(new OpenAiCompatibleOptions { BaseUrl = fixture.Server.BaseAddress, Model = "tiny", ApiKeyVariable = "EVALHARNESS_TEST_NO_KEY", MaxConcurrency = concurrency });

    [Fact]
    public void Loglikelihoods_over_http_equal_the_in_process_engine()
    {
        fixture.Require();
        var expected = fixture.Engine.Loglikelihood(Requests);
        using var client = Client();
        var actual = client.Loglikelihood(Requests);
        for (var i = 0; i < Requests.Length; i++)
        {
            Assert.True(Math.Abs(expected[i].LogProbability - actual[i].LogProbability) < 1e-4,
                $"request {i}: in-process {expected[i].LogProbability}, over HTTP {actual[i].LogProbability}: {string.Join(",", expected[i].TokenLogProbabilities)} vs {string.Join(",", actual[i].TokenLogProbabilities)}");
            Assert.Equal(expected[i].ContinuationTokenCount, actual[i].ContinuationTokenCount);
            Assert.Equal(expected[i].IsGreedy, actual[i].IsGreedy);
            Assert.Equal(expected[i].ContextTokenCount, actual[i].ContextTokenCount);
        }
    }

    [Fact]
    public void A_continuation_the_engine_calls_greedy_is_greedy_over_http_too()
    {
        fixture.Require();
        // What the model says greedily is all-argmax unless retokenizing its text changes the tokens; take the
        // contexts whose greedy continuation the engine itself scores as greedy. (The converse can differ: when the
        // model's greedy path spells the same text with other tokens, e.g. a byte token for "'", the HTTP check,
        // which compares text, says greedy where the engine, which compares tokens, does not.)
        string[] contexts = ["The capital of France is", "Once upon a time", "the people of the world", "Question: what is two plus two?", "I think that"];
        var candidates = contexts
            .Select(c => new LoglikelihoodRequest(c, fixture.Engine.Generate([new GenerationRequest(c, SamplingSettings.Greedy(3))])[0].Text))
            .Where(r => r.Continuation.Trim().Length > 0)
            .ToArray();
        var engineScores = fixture.Engine.Loglikelihood(candidates);
        var greedy = candidates.Where((_, i) => engineScores[i].IsGreedy).ToArray();
        Assert.NotEmpty(greedy);
        var expected = fixture.Engine.Loglikelihood(greedy);
        using var client = Client();
        var actual = client.Loglikelihood(greedy);
        for (var i = 0; i < greedy.Length; i++)
        {
            Assert.True(actual[i].IsGreedy, $"[{greedy[i].Context}|{greedy[i].Continuation}] is greedy in-process but not over HTTP");
            Assert.True(Math.Abs(expected[i].LogProbability - actual[i].LogProbability) < 1e-4);
        }
    }

    [Fact]
    public void Greedy_generations_over_http_are_identical()
    {
        fixture.Require();
        GenerationRequest[] requests =
        [
            new("The capital of France is", SamplingSettings.Greedy(24)),
            new("Once upon a time", SamplingSettings.Greedy(16, "the")),
            new("Question: what is two plus two?", SamplingSettings.Greedy(8)),
            new(fixture.Engine.Tokenize("the people of the world", addSpecial: true, parseSpecial: false), SamplingSettings.Greedy(12)),
        ];
        var expected = fixture.Engine.Generate(requests);
        using var client = Client();
        var actual = client.Generate(requests);
        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(expected[i].Text, actual[i].Text);
            Assert.Equal(expected[i].FinishReason, actual[i].FinishReason);
            Assert.Equal(expected[i].StopSequence, actual[i].StopSequence);
            Assert.Equal(expected[i].PromptTokenCount, actual[i].PromptTokenCount);
            Assert.Equal(expected[i].GeneratedTokenCount, actual[i].GeneratedTokenCount);
        }
    }

    [Fact]
    public void Tokenize_and_detokenize_go_through_the_model_vocabulary()
    {
        fixture.Require();
        using var client = Client();
        var text = "the people of the world";
        var tokens = client.Tokenize(text, addSpecial: true, parseSpecial: false);
        Assert.Equal(fixture.Engine.Tokenize(text, addSpecial: true, parseSpecial: false), tokens);
        Assert.Equal(fixture.Engine.Detokenize(tokens, renderSpecial: false), client.Detokenize(tokens, renderSpecial: false));
        Assert.Equal(fixture.Engine.ContextLength, client.ContextLength);
    }

    [Fact]
    public async Task Sixteen_concurrent_clients_all_get_their_own_answers()
    {
        fixture.Require();
        var prompts = Enumerable.Range(0, 16).Select(i => $"the number {i} is").ToArray();
        var expected = fixture.Engine.Generate(prompts.Select(p => new GenerationRequest(p, SamplingSettings.Greedy(8))).ToArray());
        var before = fixture.Server.Batching;
        // Sixteen separate clients (own connection pools), each with its own prompt, all at once.
        var answers = await Task.WhenAll(prompts.Select(p => Task.Run(() =>
        {
            using var client = Client(concurrency: 1);
            return client.Generate([new GenerationRequest(p, SamplingSettings.Greedy(8))])[0].Text;
        })));
        Assert.Equal(expected.Select(e => e.Text), answers);
        var after = fixture.Server.Batching;
        Assert.Equal(16, after.Requests - before.Requests);
    }

    [Fact]
    public async Task Chat_without_a_template_is_refused_with_a_clear_400()
    {
        fixture.Require();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var response = await http.PostAsync("v1/chat/completions",
            new StringContent("""{"model":"tiny","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no chat template", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_api_key_is_enforced_when_set()
    {
        fixture.Require();
        await using var locked = await OpenAiServer.StartAsync(fixture.Engine, new ServeOptions { Port = 0, ModelName = "tiny", ApiKey = "s3cret" },
            TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = locked.BaseAddress };
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("v1/models", ct)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "v1/models") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong, ct)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "v1/models") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(right, ct)).StatusCode);

        // The backend sends the key it reads from its environment variable.
        var variable = $"EVALHARNESS_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "s3cret");
        try
        {
            using var client = new OpenAiCompatibleBackend(new OpenAiCompatibleOptions { BaseUrl = locked.BaseAddress, Model = "tiny", ApiKeyVariable = variable });
            GenerationRequest[] hello = [new("hello", SamplingSettings.Greedy(2))];
            Assert.Equal(fixture.Engine.Generate(hello)[0].Text, client.Generate(hello)[0].Text);
            var refused = Assert.Throws<UserInputException>(() => new OpenAiCompatibleBackend(new OpenAiCompatibleOptions
            {
                BaseUrl = locked.BaseAddress, Model = "tiny", ApiKeyVariable = "EVALHARNESS_TEST_NO_KEY",
            }).Generate([new GenerationRequest("hello", SamplingSettings.Greedy(2))]));
            Assert.Contains("401", refused.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
