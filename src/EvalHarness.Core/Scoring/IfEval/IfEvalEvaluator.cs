namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>What to do with an input prompt that has no response.</summary>
public enum MissingResponsePolicy
{
    /// <summary>Stop with an error naming the prompt's key (the reference fails with a KeyError).</summary>
    Error,

    /// <summary>Score it as an empty response, which fails every instruction.</summary>
    ScoreAsEmpty,
}

/// <summary>
/// IFEval scoring as google-research's evaluation_lib: each input prompt's response (matched by exact prompt text;
/// the last of duplicate prompts wins, as with the reference's dict) is checked instruction by instruction.
/// Strict: the checker on the response itself; an empty (whitespace-only) response fails. Loose: followed if
/// any of eight variants passes — the response, without its first line, without its last line, without both,
/// and each of those with every '*' removed. Reasoning in &lt;think&gt; blocks is removed first.
/// </summary>
public sealed class IfEvalEvaluator(MissingResponsePolicy missingResponses = MissingResponsePolicy.Error)
{
    /// <summary>Scores the reference's two files and, when <paramref name="outputDirectory"/> is given, writes
    /// eval_results_strict.jsonl and eval_results_loose.jsonl there.</summary>
    public IfEvalReport EvaluateFiles(string inputDataPath, string responsesPath, string? outputDirectory = null)
    {
        var report = Evaluate(IfEvalJsonl.ReadInputs(inputDataPath), IfEvalJsonl.ReadResponses(responsesPath));
        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
            IfEvalJsonl.WriteResults(Path.Combine(outputDirectory, "eval_results_strict.jsonl"), report.Strict);
            IfEvalJsonl.WriteResults(Path.Combine(outputDirectory, "eval_results_loose.jsonl"), report.Loose);
        }
        return report;
    }

    public IfEvalReport Evaluate(IEnumerable<IfEvalInput> inputs, IEnumerable<IfEvalResponse> responses)
    {
        var byPrompt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var response in responses) byPrompt[response.Prompt] = response.Response;

        var strict = new List<IfEvalPromptResult>();
        var loose = new List<IfEvalPromptResult>();
        foreach (var input in inputs)
        {
            if (!byPrompt.TryGetValue(input.Prompt, out var raw))
            {
                if (missingResponses == MissingResponsePolicy.Error)
                {
                    throw new UserInputException(
                        $"No response for IFEval prompt key {input.Key}: \"{Shorten(input.Prompt)}\".",
                        "Responses are matched to prompts by exact text; regenerate the responses for this input file, or allow missing responses to score them as empty.");
                }
                raw = "";
            }
            var (strictResult, looseResult) = ScorePrompt(input, ThinkingRemover.Remove(raw));
            strict.Add(strictResult);
            loose.Add(looseResult);
        }
        return new IfEvalReport(strict, loose);
    }

    /// <summary>
    /// One prompt's strict and loose verdicts on a response whose reasoning has already been removed (the task
    /// pipeline's scorer removes it with the run's thinking markers).
    /// </summary>
    public static (IfEvalPromptResult Strict, IfEvalPromptResult Loose) ScorePrompt(IfEvalInput input, string response)
    {
        var checkers = BuildCheckers(input);
        return (Score(input, response, checkers, [response]), Score(input, response, checkers, LooseVariants(response)));
    }

    /// <summary>The reference's eight loose variants, in its order.</summary>
    public static IReadOnlyList<string> LooseVariants(string response)
    {
        var lines = response.Split('\n');
        string removeFirst = PythonText.Strip(string.Join('\n', lines.Skip(1)));
        string removeLast = PythonText.Strip(string.Join('\n', lines.Take(lines.Length - 1)));
        string removeBoth = PythonText.Strip(string.Join('\n', lines.Skip(1).Take(Math.Max(0, lines.Length - 2))));
        return
        [
            response, response.Replace("*", ""), removeFirst, removeLast, removeBoth,
            removeFirst.Replace("*", ""), removeLast.Replace("*", ""), removeBoth.Replace("*", ""),
        ];
    }

    private static IReadOnlyList<IInstructionChecker> BuildCheckers(IfEvalInput input)
    {
        var checkers = new List<IInstructionChecker>(input.InstructionIds.Count);
        for (int i = 0; i < input.InstructionIds.Count; i++)
        {
            try
            {
                checkers.Add(InstructionRegistry.Create(input.InstructionIds[i], input.Kwargs[i], input.Prompt));
            }
            catch (ArgumentException e)
            {
                throw new UserInputException($"IFEval prompt key {input.Key}: {e.Message}",
                    "Use the instruction ids and kwargs of google-research's input_data.jsonl.", e);
            }
        }
        return checkers;
    }

    private static IfEvalPromptResult Score(IfEvalInput input, string response, IReadOnlyList<IInstructionChecker> checkers, IReadOnlyList<string> variants)
    {
        var followed = checkers
            .Select(checker => variants.Any(variant => PythonText.Strip(variant).Length > 0 && checker.IsFollowed(variant)))
            .ToList();
        return new IfEvalPromptResult(followed.All(f => f), followed, input.InstructionIds, input.Prompt, response);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
