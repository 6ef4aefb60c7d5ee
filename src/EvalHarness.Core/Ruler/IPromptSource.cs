namespace EvalHarness.Core.Ruler;

/// <summary>A prompt before its length is known: the text without and with the answer prefix, references and needle depths.</summary>
public sealed record RulerPrompt(string Instruction, string AnswerPrefix, IReadOnlyList<string> Outputs, IReadOnlyList<double> Depths)
{
    public string Input => Instruction + AnswerPrefix;
}

/// <summary>
/// One task's prompt as a function of its haystack size in units (essay words, noise sentences, distractor needles,
/// distinct words, key-value pairs). <see cref="Build"/> must depend only on the unit count and the random stream it is
/// given, so the length fitter can try sizes in any order and the chosen one is reproducible.
/// </summary>
public interface IPromptSource
{
    int TokensToGenerate { get; }

    int MinUnits { get; }

    int MaxUnits { get; }

    RulerPrompt Build(int units, RulerRandom random);
}
