namespace EvalHarness.Core.Scoring;

/// <summary>
/// Self-consistency (maj@k): the most frequent extracted answer over k samples, as lm-eval's
/// <c>majority_vote</c> filter (<c>Counter(resps).most_common(1)</c>): ties go to the answer seen first.
/// lm-eval lets "[invalid]" win a vote; <paramref name="ignore"/> can exclude such fallbacks.
/// </summary>
public static class MajorityVote
{
    /// <returns>The winning answer, or null when every answer was ignored (or there were none).</returns>
    public static string? Select(IEnumerable<string> answers, Func<string, bool>? ignore = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var answer in answers)
        {
            if (ignore?.Invoke(answer) == true)
            {
                continue;
            }

            if (counts.TryGetValue(answer, out var count))
            {
                counts[answer] = count + 1;
            }
            else
            {
                counts[answer] = 1;
                order.Add(answer);
            }
        }

        string? winner = null;
        foreach (var answer in order)
        {
            if (winner is null || counts[answer] > counts[winner])
            {
                winner = answer;
            }
        }

        return winner;
    }
}
