using System.Text;
using System.Text.Json.Nodes;
using EvalHarness.Core.Inference;

namespace EvalHarness.Cli.Tests;

/// <summary>/v1/completions on the wire, the way lm-eval's local-completions asks for loglikelihoods.</summary>
public sealed class ServeCompletionsWireTests(ServeFixture fixture) : IClassFixture<ServeFixture>
{
    private async Task<string> Post(string json)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var ct = TestContext.Current.CancellationToken;
        var response = await http.PostAsync("v1/completions", new StringContent(json, Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }

    [Fact]
    public async Task Echo_with_one_new_token_returns_prompt_logprobs_then_the_generated_token()
    {
        fixture.Require();
        // A random model may emit a lone byte of a UTF-8 sequence, which no text API can hand back intact ("\uFFFD");
        // take the first of these contexts whose next greedy token is whole text.
        const string continuation = " Paris";
        var context = new[] { "The capital of France is", "The biggest city of France is", "We went to", "I have never been to" }
            .First(c => !fixture.Engine.Generate([new GenerationRequest(c + continuation, SamplingSettings.Greedy(1))])[0].Text.Contains('\uFFFD'));
        var answer = JsonNode.Parse(await Post($$"""{"model":"tiny","prompt":"{{context + continuation}}","max_tokens":1,"temperature":0,"echo":true,"logprobs":1}"""))!;
        var choice = answer["choices"]![0]!;
        var generated = fixture.Engine.Generate([new GenerationRequest(context + continuation, SamplingSettings.Greedy(1))])[0].Text;
        Assert.Equal(context + continuation + generated, choice["text"]!.GetValue<string>());

        var logprobs = choice["logprobs"]!;
        var offsets = logprobs["text_offset"]!.AsArray().Select(o => o!.GetValue<int>()).ToArray();
        var values = logprobs["token_logprobs"]!.AsArray().Select(v => v?.GetValue<double>()).ToArray();
        var tokens = logprobs["tokens"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        Assert.Null(values[0]);
        Assert.Equal(offsets.Order(), offsets);
        // lm-eval's reading: tokens from the context's length up to the prompt's end are the continuation.
        var scored = Enumerable.Range(0, offsets.Length).Where(i => offsets[i] >= context.Length && offsets[i] < (context + continuation).Length).ToArray();
        var expected = fixture.Engine.Loglikelihood([new LoglikelihoodRequest(context, continuation)])[0];
        Assert.Equal(expected.ContinuationTokenCount, scored.Length);
        Assert.True(Math.Abs(expected.LogProbability - scored.Sum(i => values[i]!.Value)) < 1e-4);
        Assert.Equal(continuation, string.Concat(scored.Select(i => tokens[i])));
        // The generated text comes last, scored, from where the prompt ends (retokenized with the prompt, as one or
        // more tokens: the engine reports generated text, not token ids).
        var tail = Enumerable.Range(0, offsets.Length).Where(i => offsets[i] >= (context + continuation).Length).ToArray();
        Assert.NotEmpty(tail);
        Assert.Equal((context + continuation).Length, offsets[tail[0]]);
        Assert.Equal(generated, string.Concat(tail.Select(i => tokens[i])));
        Assert.All(tail, i => Assert.NotNull(values[i]));
    }

    [Fact]
    public async Task A_streamed_completion_ends_with_done_and_carries_the_same_text()
    {
        fixture.Require();
        const string body = """{"model":"tiny","prompt":"Once upon a time","max_tokens":10,"temperature":0""";
        var whole = JsonNode.Parse(await Post(body + "}"))!["choices"]![0]!["text"]!.GetValue<string>();
        var events = (await Post(body + ""","stream":true}""")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).ToArray();
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.Equal(whole, string.Concat(events[..^1].Select(e => JsonNode.Parse(e["data: ".Length..])!["choices"]![0]!["text"]!.GetValue<string>())));
        Assert.NotEmpty(whole);
    }

    [Fact]
    public async Task A_bad_request_among_concurrent_ones_fails_alone()
    {
        fixture.Require();
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var ct = TestContext.Current.CancellationToken;
        // An empty prompt has nothing to score: the engine refuses it, and must not take the batch it rode in down too.
        var prompts = Enumerable.Range(0, 8).Select(i => $"the number {i} is").Append("").ToArray();
        var responses = await Task.WhenAll(prompts.Select(p => http.PostAsync("v1/completions",
            new StringContent($$"""{"prompt":"{{p}}","max_tokens":0,"echo":true,"logprobs":1}""", Encoding.UTF8, "application/json"), ct)));
        Assert.All(responses[..^1], r => Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, responses[^1].StatusCode);
        Assert.Contains("empty continuation", await responses[^1].Content.ReadAsStringAsync(ct));
    }
}
