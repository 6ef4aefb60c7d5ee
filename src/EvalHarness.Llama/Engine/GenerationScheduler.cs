using System.Numerics.Tensors;
using EvalHarness.Core.Inference;

namespace EvalHarness.Llama.Engine;

/// <summary>
/// Continuous batching: up to one sequence per slot generates side by side, one token per live sequence per
/// llama_decode, prompts prefilled in the same batches, and a finished sequence's slot refilled at once.
/// </summary>
internal sealed class GenerationScheduler
{
    private readonly LlamaContext _context;
    private readonly LlamaVocabulary _vocabulary;
    private readonly LlamaBatchBuffer _batch;

    public GenerationScheduler(LlamaContext context, LlamaVocabulary vocabulary, LlamaBatchBuffer batch)
    {
        _context = context;
        _vocabulary = vocabulary;
        _batch = batch;
    }

    public GenerationStatistics? LastRun { get; private set; }

    public GenerationResult[] Run(IReadOnlyList<GenerationRequest> requests, Action<int, GenerationResult>? onResult, CancellationToken cancellationToken)
    {
        var results = new GenerationResult[requests.Count];
        Run(new RequestListFeed(requests, (i, result) =>
        {
            results[i] = result;
            onResult?.Invoke(i, result);
        }), cancellationToken);
        return results;
    }

    /// <summary>Generates whatever the feed brings until it has nothing more; slots are refilled as they free up.</summary>
    public void Run(IGenerationFeed feed, CancellationToken cancellationToken)
    {
        var freeSequences = new Stack<int>(Enumerable.Range(0, _context.SequenceCapacity).Reverse());
        var active = new List<GenerationSlot>();
        var streams = feed is not RequestListFeed;
        var reservedCells = 0;
        var clock = new System.Diagnostics.Stopwatch();
        TimeSpan prefill = TimeSpan.Zero, decode = TimeSpan.Zero, decodeInLlama = TimeSpan.Zero;
        int promptTokens = 0, generatedTokens = 0, decodeStepTokens = 0, decodeSteps = 0, sampledInGraph = 0;

        // A sequence that finished (or whose client went away) hands back its sequence id and its reserved KV cells.
        void Release(GenerationSlot slot)
        {
            generatedTokens += slot.Generated;
            _context.RemoveSequence(slot.Sequence);
            freeSequences.Push(slot.Sequence);
            reservedCells -= slot.ReservedCells;
            active.Remove(slot);
            slot.Dispose();
        }

        void Retire(GenerationSlot slot)
        {
            Release(slot);
            if (streams && slot.TakeStreamable() is { Length: > 0 } rest) feed.OnText(slot.RequestIndex, rest);
            feed.OnFinished(slot.RequestIndex, slot.Result! with { PromptTime = slot.PromptTime });
        }

        // Admit while a sequence slot is free and the KV cache can hold the newcomer's prompt and answer.
        void Admit()
        {
            while (freeSequences.Count > 0 && feed.Peek() is var (id, request))
            {
                if (feed.IsAbandoned(id))
                {
                    feed.Take();
                    continue;
                }
                GenerationSlot slot;
                try
                {
                    slot = Open(id, request, freeSequences.Peek());
                }
                catch (UserInputException e)
                {
                    feed.Take();
                    feed.OnFailed(id, e);
                    continue;
                }
                if (active.Count > 0 && reservedCells + slot.ReservedCells > _context.KvCells)
                {
                    slot.Dispose();
                    break;
                }
                feed.Take();
                freeSequences.Pop();
                if (_context.Options.BackendSampling && slot.Settings.IsGreedy) slot.SampledOnDevice = _context.AttachGreedy(slot.Sequence);
                else if (!slot.Settings.IsGreedy) _context.DetachSampler(slot.Sequence);
                reservedCells += slot.ReservedCells;
                promptTokens += slot.Prompt.Length;
                active.Add(slot);
            }
        }

        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (active.Count == 0 && !feed.WaitForWork(cancellationToken)) break;
                clock.Restart();
                var llamaBefore = _context.TimeInDecode;
                Admit();
                foreach (var gone in active.Where(s => feed.IsAbandoned(s.RequestIndex)).ToArray()) Release(gone);
                if (active.Count == 0) continue;
                foreach (var finished in FeedForcedTokens(active)) Retire(finished);
                var stepStart = clock.Elapsed;
                var carriesPrompt = FillBatch(active);
                var stepTokens = _batch.Count;
                // Every slot may have finished inside its forced close: nothing is left to decode this step.
                if (stepTokens == 0) continue;
                var prompted = carriesPrompt ? active.Where(s => s.PromptTokensInStep > 0).ToArray() : [];
                _context.Decode(_batch);
                _batch.Clear();
                var done = new List<GenerationSlot>();
                foreach (var slot in active.ToArray())
                {
                    if (slot.LogitIndex < 0) continue;
                    // Greedy is an argmax: taken in llama.cpp's graph with --backend-sampling, else here over the
                    // logit row (first index on ties, as llama.cpp's greedy sampler), which skips building a
                    // vocabulary-sized candidate array per token.
                    if (slot.SampledOnDevice) sampledInGraph++;
                    var token = slot.SampledOnDevice ? _context.SampledToken(slot.LogitIndex)
                        : slot.Settings.IsGreedy ? TensorPrimitives.IndexOfMax(_context.Logits(slot.LogitIndex, _vocabulary.Count))
                        : slot.Sampler!.Sample(_context, slot.LogitIndex);
                    slot.LogitIndex = -1;
                    if (slot.Accept(token, _vocabulary, _context.ContextLength)) done.Add(slot);
                    else if (streams && slot.TakeStreamable() is { Length: > 0 } delta) feed.OnText(slot.RequestIndex, delta);
                }
                // The step ends once its logits are read (a GPU decode may return before it computes), so its time is
                // shared out by token before the finished slots hand back their results.
                SharePromptTime(prompted, clock.Elapsed - stepStart, stepTokens);
                foreach (var slot in done) Retire(slot);
                if (carriesPrompt) prefill += clock.Elapsed;
                else
                {
                    decode += clock.Elapsed;
                    decodeStepTokens += stepTokens;
                    decodeSteps++;
                    decodeInLlama += _context.TimeInDecode - llamaBefore;
                }
            }
            LastRun = new GenerationStatistics(promptTokens, generatedTokens, decodeStepTokens, prefill, decode, decodeSteps, decodeInLlama)
            {
                SampledInGraph = sampledInGraph,
            };
        }
        finally
        {
            foreach (var slot in active)
            {
                _context.RemoveSequence(slot.Sequence);
                slot.Dispose();
            }
            _context.DetachSamplers();
        }
    }

    /// <summary>A fixed list of requests (an evaluation's batch): a bad request fails the whole call, as it always has.</summary>
    private sealed class RequestListFeed(IReadOnlyList<GenerationRequest> requests, Action<int, GenerationResult> finished) : IGenerationFeed
    {
        private int _next;

        public bool WaitForWork(CancellationToken cancellationToken) => _next < requests.Count;

        public (int Id, GenerationRequest Request)? Peek() => _next < requests.Count ? (_next, requests[_next]) : null;

        public void Take() => _next++;

        public bool IsAbandoned(int id) => false;

        public void OnText(int id, string delta)
        {
        }

        public void OnFinished(int id, GenerationResult result) => finished(id, result);

        public void OnFailed(int id, Exception error) => System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
    }

    /// <summary>Each prompt fed in the step gets the step's time in proportion to its tokens in the batch.</summary>
    private static void SharePromptTime(IReadOnlyList<GenerationSlot> prompted, TimeSpan step, int stepTokens)
    {
        foreach (var slot in prompted)
        {
            slot.PromptTime += step * ((double)slot.PromptTokensInStep / Math.Max(1, stepTokens));
            slot.PromptTokensInStep = 0;
        }
    }

    private GenerationSlot Open(int index, GenerationRequest request, int sequence)
    {
        var tokens = request.PromptTokens is { } given ? given.ToArray() : _vocabulary.Tokenize(request.Prompt ?? "", addSpecial: true, parseSpecial: true);
        if (tokens.Length == 0) tokens = [_vocabulary.Bos >= 0 ? _vocabulary.Bos : _vocabulary.Eos];
        foreach (var token in tokens)
        {
            if (token < 0 || token >= _vocabulary.Count)
            {
                throw new UserInputException($"generation request {index} has token id {token}, outside the vocabulary (0..{_vocabulary.Count - 1})", "pass token ids from this model's tokenizer");
            }
        }
        // Keep room for the answer: like lm-eval, the prompt loses tokens from its start when it is too long.
        var keep = Math.Max(1, _context.ContextLength - request.Settings.MaxNewTokens);
        var truncated = tokens.Length > keep;
        if (truncated) tokens = tokens[^keep..];
        var thinkingClose = request.Settings.ThinkingBudget is not null
            ? _vocabulary.Tokenize(request.Settings.ThinkingClose, addSpecial: false, parseSpecial: true)
            : null;
        var shown = request.Settings.ShownSpecialText.Count > 0 ? _vocabulary.ControlTokensIn(request.Settings.ShownSpecialText) : null;
        return new GenerationSlot(index, sequence, tokens, request.Settings, truncated, thinkingClose, shown)
        {
            ReservedCells = Math.Min(_context.ContextLength, tokens.Length + request.Settings.MaxNewTokens),
        };
    }

    /// <summary>
    /// A slot whose thinking budget ran out gets its forced close as generated tokens: all but the last are decoded
    /// at once (no logits needed), the last goes into the next batch like a sampled token, so the model then answers.
    /// </summary>
    /// <returns>The slots that finished on a forced token (their token limit ran out inside the close).</returns>
    private List<GenerationSlot> FeedForcedTokens(List<GenerationSlot> active)
    {
        var finished = new List<GenerationSlot>();
        foreach (var slot in active.Where(s => s.ForcedTokens.Length > 0))
        {
            while (slot.ForcedTokens.Length > 0)
            {
                var token = slot.ForcedTokens[0];
                if (slot.AcceptForced(token, _vocabulary, _context.ContextLength))
                {
                    finished.Add(slot);
                    break;
                }
                if (slot.ForcedTokens.Length == 0)
                {
                    slot.PendingToken = token; // the last forced token is fed with the next batch and gets logits
                    break;
                }
                _batch.Add(token, slot.Position - 1, slot.Sequence, wantLogits: false);
                if (_batch.Free == 0)
                {
                    _context.Decode(_batch);
                    _batch.Clear();
                }
            }
        }
        if (_batch.Count > 0)
        {
            _context.Decode(_batch);
            _batch.Clear();
        }
        return finished;
    }

    /// <summary>First the one pending token of every generating sequence, then as much prompt as still fits.</summary>
    /// <returns>Whether the batch carries prompt tokens.</returns>
    private bool FillBatch(List<GenerationSlot> active)
    {
        var carriesPrompt = false;
        foreach (var slot in active.Where(s => s.PromptDone && s.PendingToken >= 0))
        {
            slot.LogitIndex = _batch.Add(slot.PendingToken, slot.Position - 1, slot.Sequence, wantLogits: true);
            slot.PendingToken = -1;
        }
        foreach (var slot in active.Where(s => !s.PromptDone))
        {
            while (!slot.PromptDone && _batch.Free > 0)
            {
                var last = slot.PromptFed == slot.Prompt.Length - 1;
                var index = _batch.Add(slot.Prompt[slot.PromptFed], slot.PromptFed, slot.Sequence, wantLogits: last);
                slot.PromptFed++;
                slot.PromptTokensInStep++;
                carriesPrompt = true;
                if (last) slot.LogitIndex = index;
            }
            if (_batch.Free == 0) break;
        }
        return carriesPrompt;
    }
}
