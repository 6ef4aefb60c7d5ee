using System.Diagnostics;
using System.Text;
using EvalHarness.Core.Inference;

namespace EvalHarness.Llama.Engine;

/// <summary>One sequence being generated: its prompt still to feed, its sampler, and the text so far.</summary>
internal sealed class GenerationSlot : IDisposable
{
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _text = new();
    private readonly StopSequenceMatcher _stops;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _searchedUpTo;
    private int _streamed;
    /// <summary>The reasoning's end marker has appeared (tracked as text grows, so the budget check never rescans it).</summary>
    private bool _reasoningEnded;
    private readonly int[]? _thinkingClose;

    private readonly IReadOnlySet<int> _shownSpecial;

    /// <param name="shownSpecial">Control tokens rendered into the text (see <see cref="SamplingSettings.ShownSpecialText"/>).</param>
    public GenerationSlot(int requestIndex, int sequence, int[] prompt, SamplingSettings settings, bool promptTruncated, int[]? thinkingClose = null,
        IReadOnlySet<int>? shownSpecial = null)
    {
        _shownSpecial = shownSpecial ?? new HashSet<int>();
        _thinkingClose = thinkingClose;
        RequestIndex = requestIndex;
        Sequence = sequence;
        Prompt = prompt;
        Settings = settings;
        PromptTruncated = promptTruncated;
        Sampler = settings.IsGreedy ? null : new SamplerChain(settings);
        _stops = new StopSequenceMatcher(settings.StopSequences);
    }

    public int RequestIndex { get; }
    /// <summary>KV cells this sequence may come to occupy: its prompt plus its answer, capped by the context.</summary>
    public int ReservedCells { get; init; }
    public int Sequence { get; }
    public int[] Prompt { get; }
    public SamplingSettings Settings { get; }
    public bool PromptTruncated { get; }
    /// <summary>llama.cpp's sampler chain; null for greedy decoding, which is a plain argmax.</summary>
    public SamplerChain? Sampler { get; }

    /// <summary>Prompt tokens already in the KV cache.</summary>
    public int PromptFed { get; set; }
    public bool PromptDone => PromptFed == Prompt.Length;
    /// <summary>The token sampled last, not yet fed back.</summary>
    public int PendingToken { get; set; } = -1;
    public int Generated { get; private set; }
    public int Position => PromptFed + Generated;
    /// <summary>Its greedy argmax is taken inside llama.cpp's graph (<see cref="LlamaContextOptions.BackendSampling"/>).</summary>
    public bool SampledOnDevice { get; set; }

    /// <summary>Batch index of this slot's logit row in the batch being built, or -1.</summary>
    public int LogitIndex { get; set; } = -1;
    public GenerationResult? Result { get; private set; }
    /// <summary>Tokens to feed before sampling again: the forced close of the reasoning, once the budget ran out.</summary>
    public int[] ForcedTokens { get; private set; } = [];
    public bool ThinkingClosedByBudget { get; private set; }
    /// <summary>Prompt tokens this slot put into the batch being built (for sharing the step's time).</summary>
    public int PromptTokensInStep { get; set; }
    /// <summary>This slot's share of the time of the steps that fed its prompt (see <see cref="GenerationResult.PromptTime"/>).</summary>
    public TimeSpan PromptTime { get; set; }

    /// <summary>Records a sampled token; returns true when generation has finished.</summary>
    public bool Accept(int token, LlamaVocabulary vocabulary, int contextLength)
    {
        if (_thinkingClose is { } close && !ThinkingClosedByBudget && Generated >= Settings.ThinkingBudget && !_reasoningEnded)
        {
            // The budget is spent with the reasoning still open: this sample is dropped and the close is fed instead.
            ThinkingClosedByBudget = true;
            ForcedTokens = close;
            return false;
        }
        return AcceptToken(token, vocabulary, contextLength);
    }

    /// <summary>Records one forced token (already fed to the model); returns true when generation has finished.</summary>
    public bool AcceptForced(int token, LlamaVocabulary vocabulary, int contextLength)
    {
        ForcedTokens = ForcedTokens[1..];
        var finished = AcceptToken(token, vocabulary, contextLength);
        PendingToken = -1;
        return finished;
    }

    private bool AcceptToken(int token, LlamaVocabulary vocabulary, int contextLength)
    {
        Generated++;
        if (!Settings.IgnoreEndOfGeneration && vocabulary.IsEndOfGeneration(token))
        {
            Finish(FinishReason.EndOfGeneration, null);
            return true;
        }
        var bytes = vocabulary.TokenBytes(token, renderSpecial: _shownSpecial.Contains(token));
        var chars = new char[_utf8.GetCharCount(bytes, flush: false)];
        _utf8.GetChars(bytes, chars, flush: false);
        _text.Append(chars);
        if (_thinkingClose is not null && !_reasoningEnded) _reasoningEnded = Tail(_searchedUpTo, Settings.ThinkingEnd.Length - 1).Contains(Settings.ThinkingEnd, StringComparison.Ordinal);

        // Only the new text and the few characters before it that a stop could start in are searched: rebuilding the
        // whole text per token would make long generations quadratic.
        var tailStart = Math.Max(0, _searchedUpTo - _stops.HoldBack);
        var stop = _stops.IsEmpty ? null : _stops.Find(Tail(_searchedUpTo, _stops.HoldBack), _searchedUpTo - tailStart);
        _searchedUpTo = _text.Length;
        if (stop is { } found)
        {
            _text.Length = tailStart + found.Position;
            Finish(FinishReason.Stop, found.Stop);
            return true;
        }
        if (Generated >= Settings.MaxNewTokens || Position >= contextLength)
        {
            Finish(FinishReason.Length, null);
            return true;
        }
        PendingToken = token;
        return false;
    }

    /// <summary>
    /// Text generated since the last call that can be shown: all of it once finished, before that all but the tail
    /// that may still become a stop sequence (which is cut from the answer, so it must never have been sent).
    /// </summary>
    public string TakeStreamable()
    {
        var shown = Result?.Text.Length ?? Math.Max(0, _text.Length - _stops.HoldBack);
        if (shown <= _streamed) return "";
        var delta = Result is { } result ? result.Text[_streamed..] : _text.ToString(_streamed, shown - _streamed);
        _streamed = shown;
        return delta;
    }

    /// <summary>The text from <paramref name="keep"/> characters before <paramref name="from"/> to the end.</summary>
    private string Tail(int from, int keep)
    {
        var start = Math.Max(0, from - keep);
        return _text.ToString(start, _text.Length - start);
    }

    private void Finish(FinishReason reason, string? stop)
    {
        Result = new GenerationResult(_text.ToString(), reason, Prompt.Length, Generated, _clock.Elapsed, stop)
        {
            PromptTruncated = PromptTruncated,
            ThinkingClosedByBudget = ThinkingClosedByBudget,
        };
    }

    public void Dispose() => Sampler?.Dispose();
}
