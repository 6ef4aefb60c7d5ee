using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Prompts;

/// <summary>
/// Chooses exemplars by the task's few-shot policy. First-n takes the first records of the few-shot split (of the
/// sample's own group when same_group), skipping the sample itself; ids takes the listed records in order.
/// (lm-eval samples GSM8K's shots at random with seed 1234; we take a fixed, recorded list instead.)
/// </summary>
public sealed class FewShotSelector
{
    private readonly FewShotSpec _spec;
    private readonly IReadOnlyList<Sample> _pool;
    private readonly ILookup<string?, Sample> _byGroup;

    public FewShotSelector(FewShotSpec spec, IReadOnlyList<Sample> pool)
    {
        _spec = spec;
        _pool = pool;
        _byGroup = pool.ToLookup(s => s.Group);
    }

    public IReadOnlyList<Sample> Select(Sample sample, int count)
    {
        if (count == 0 || _spec.Policy == FewShotPolicy.File) return [];
        IReadOnlyList<Sample> chosen;
        if (_spec.Policy == FewShotPolicy.Ids)
        {
            if (count > _spec.Ids.Count) throw new UserInputException($"--fewshot {count} asks for more exemplars than the task lists ({_spec.Ids.Count})", $"use --fewshot {_spec.Ids.Count} or less");
            chosen = _spec.Ids.Take(count).Select(id => _pool.FirstOrDefault(s => s.Id == id)
                ?? throw new UserInputException($"few-shot exemplar id '{id}' is not in split {_spec.Split}", "fix fewshot.ids in the task file")).ToArray();
        }
        else
        {
            var candidates = _spec.SameGroup ? _byGroup[sample.Group] : _pool;
            chosen = candidates.Where(s => s.Id != sample.Id).Take(count).ToArray();
        }
        if (chosen.Count < count)
        {
            throw new UserInputException($"only {chosen.Count} exemplars are available for sample {sample.Id} (asked for {count})", "lower --fewshot");
        }
        return chosen;
    }
}
