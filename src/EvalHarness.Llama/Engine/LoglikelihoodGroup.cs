namespace EvalHarness.Llama.Engine;

/// <summary>
/// Loglikelihood requests that share exactly the same context tokens, and their progress through the scheduler.
/// The context lives in one sequence; only continuations of two or more tokens need a sequence of their own.
/// </summary>
internal sealed class LoglikelihoodGroup
{
    public enum Phase
    {
        Waiting,
        FeedingContext,
        ContextDecoded,
        FeedingContinuations,
    }

    private int _continuationItem;
    private int _continuationPosition;
    private bool _continuationsAllQueued;

    private LoglikelihoodGroup(int[] contextTokens) => ContextTokens = contextTokens;

    public int[] ContextTokens { get; }
    public List<Item> Items { get; } = [];
    public Phase Stage { get; set; }
    public int ContextFed { get; set; }
    public int ContextSequence { get; private set; } = -1;
    public List<int> Sequences { get; } = [];

    /// <summary>The context's sequence plus one per extra continuation of two or more tokens.</summary>
    public int SequencesNeeded => 1 + Items.Skip(1).Count(i => i.Request.Continuation.Length > 1);

    public int CellsNeeded => ContextTokens.Length + Items.Sum(i => i.Request.Continuation.Length - 1);

    public static List<LoglikelihoodGroup> Build(EncodedLoglikelihoodRequest[] requests, int maxItems)
    {
        var groups = new List<LoglikelihoodGroup>();
        var open = new Dictionary<string, LoglikelihoodGroup>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var key = string.Join(',', request.Context);
            if (!open.TryGetValue(key, out var group) || group.Items.Count >= maxItems)
            {
                group = new LoglikelihoodGroup(request.Context);
                open[key] = group;
                groups.Add(group);
            }
            group.Items.Add(new Item(request));
        }
        return groups;
    }

    /// <summary>Takes sequence ids: the first for the context (and the first continuation), then the copies.</summary>
    public void Assign(Stack<int> free)
    {
        ContextSequence = free.Pop();
        Sequences.Add(ContextSequence);
        for (var j = 0; j < Items.Count; j++)
        {
            if (Items[j].Request.Continuation.Length <= 1) continue;
            Items[j].Sequence = j == 0 ? ContextSequence : free.Pop();
            if (Items[j].Sequence != ContextSequence) Sequences.Add(Items[j].Sequence);
        }
        Stage = Phase.FeedingContext;
    }

    /// <summary>The next continuation token to feed (all but each continuation's last), or null when all are queued.</summary>
    public (Item Item, int Position)? NextContinuationToken()
    {
        while (_continuationItem < Items.Count)
        {
            var item = Items[_continuationItem];
            if (_continuationPosition < item.Request.Continuation.Length - 1) return (item, _continuationPosition);
            _continuationItem++;
            _continuationPosition = 0;
        }
        _continuationsAllQueued = true;
        return null;
    }

    public void ContinuationFed() => _continuationPosition++;

    /// <summary>Moves on after a llama_decode; true when every score of the group is in.</summary>
    public bool AdvanceAfterDecode()
    {
        switch (Stage)
        {
            case Phase.FeedingContext when ContextFed == ContextTokens.Length:
                if (Items.All(i => i.Request.Continuation.Length <= 1)) return true;
                Stage = Phase.ContextDecoded;
                return false;
            case Phase.FeedingContinuations:
                return _continuationsAllQueued || NextContinuationToken() is null;
            default:
                return false;
        }
    }

    /// <summary>One continuation being scored.</summary>
    internal sealed class Item(EncodedLoglikelihoodRequest request)
    {
        private readonly double[] _logProbabilities = new double[request.Continuation.Length];
        private bool _allGreedy = true;

        public EncodedLoglikelihoodRequest Request { get; } = request;
        /// <summary>The sequence its continuation tokens are fed in, or -1 for a one-token continuation.</summary>
        public int Sequence { get; set; } = -1;

        public void Record(int position, double logProbability, bool isArgmax)
        {
            _logProbabilities[position] = logProbability;
            _allGreedy &= isArgmax;
        }

        public Core.Inference.LoglikelihoodResult ToResult() =>
            new(_logProbabilities.Sum(), _allGreedy, _logProbabilities, Request.Context.Length, Request.ContextTruncated);
    }
}
