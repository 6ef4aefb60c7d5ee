using EvalHarness.Core.Inference;

namespace EvalHarness.Core.Remote;

/// <summary>
/// Reads a continuation's score out of an echoed prompt's logprobs: its tokens are those starting at or after the
/// context's character length (text_offset), as lm-eval's local-completions and gguf backends do.
/// </summary>
/// <remarks>
/// The in-process engine splits by token count instead (context + continuation encoded whole, split at the context's
/// own token count). The two agree whenever a token boundary falls at the end of the context — which lm-eval's rule
/// of moving the context's trailing whitespace into the continuation makes the normal case. Where a token spans the
/// boundary, this side counts it as context.
/// </remarks>
internal static class EchoedContinuation
{
    public sealed record Scored(double LogProbability, IReadOnlyList<double> TokenLogProbabilities, bool? IsGreedy, int ContextTokenCount);

    /// <returns>The continuation's score; <see cref="Scored.IsGreedy"/> is null when the server sent no top_logprobs.</returns>
    public static Scored Read(CompletionLogprobs? logprobs, int contextLength, int promptLength, string server, int index)
    {
        if (logprobs?.TokenLogprobs is not { } values || logprobs.TextOffset is not { } offsets || offsets.Count != values.Count)
        {
            throw new UserInputException(
                $"{server} returned no prompt-token logprobs (echo with logprobs), so loglikelihood request {index} cannot be scored",
                "use a server that returns prompt logprobs (evalharness serve, vLLM, llama-server with echo support) or run generation tasks only");
        }
        var first = -1;
        var scores = new List<double>();
        bool? greedy = true;
        for (var i = 0; i < values.Count; i++)
        {
            if (offsets[i] < contextLength || offsets[i] >= promptLength) continue;
            if (first < 0) first = i;
            // The first token of a sequence is never scored (it has no left context); any other gap is a server that
            // does not score prompts.
            if (values[i] is not { } value)
            {
                if (i == 0) { first = -1; continue; }
                throw new UserInputException($"{server} left prompt token {i} of loglikelihood request {index} unscored",
                    "use a server that returns logprobs for every prompt token");
            }
            scores.Add(value);
            greedy = greedy is true ? IsTop(logprobs, i, value) : greedy;
        }
        if (scores.Count == 0)
        {
            throw new UserInputException(
                $"loglikelihood request {index}: no token of the continuation starts after the context in the server's tokenization",
                "end the context at a token boundary (lm-eval puts the space before the answer in the continuation)");
        }
        return new Scored(scores.Sum(), scores, greedy, first);
    }

    /// <summary>True/false from top_logprobs; null when the server sent none for this token.</summary>
    private static bool? IsTop(CompletionLogprobs logprobs, int index, double value)
    {
        if (logprobs.TopLogprobs is not { } tops || index >= tops.Count || tops[index] is not { Count: > 0 } top) return null;
        var best = top.MaxBy(entry => entry.Value);
        return best.Key == logprobs.Tokens[index] || value >= best.Value - 1e-9;
    }

    /// <summary>lm-eval's rule: trailing whitespace of the context belongs to the continuation.</summary>
    public static LoglikelihoodRequest MoveTrailingWhitespace(LoglikelihoodRequest request)
    {
        var trimmed = request.Context.TrimEnd();
        return trimmed.Length == request.Context.Length
            ? request
            : new LoglikelihoodRequest(trimmed, request.Context[trimmed.Length..] + request.Continuation);
    }
}
