using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.MathAnswers;
using EvalHarness.Testing;

namespace EvalHarness.Core.Tests.Scoring;

/// <summary>
/// Acceptance checks on the real benchmark files in ../shared (skipped with a reason when absent): the gold
/// solutions written in each benchmark's own answer format must score as correct under our extraction and
/// comparison. An extractor that mis-reads a format shows up here as a count below the item count.
/// </summary>
public class RealDataScoringTests(ITestOutputHelper output)
{
    [Fact]
    public void Gsm8k_gold_solutions_score_one_under_both_filters()
    {
        var path = TestPaths.RequireShared("datasets", "gsm8k", "test.jsonl");
        var scorer = StandardScorers.Gsm8k();
        var items = File.ReadLines(path).Select(line => JsonNode.Parse(line)!).ToArray();

        var strict = 0;
        var flexible = 0;
        foreach (var item in items)
        {
            var answer = (string)item["answer"]!;
            var score = scorer.Score(ScoringTarget.Of(answer), new GeneratedOutput(answer));
            strict += (int)score[StandardScorers.StrictMatch];
            flexible += (int)score[StandardScorers.FlexibleExtract];
        }

        Assert.Equal(1319, items.Length);
        Assert.Equal(items.Length, strict);
        Assert.Equal(items.Length, flexible);
    }

    [Fact]
    public void Math500_last_box_of_each_solution_is_equivalent_to_its_answer()
    {
        var path = TestPaths.RequireShared("datasets", "math500", "test.jsonl");
        var items = File.ReadLines(path).Select(line => JsonNode.Parse(line)!).ToArray();

        var mismatches = new List<string>();
        foreach (var item in items)
        {
            var solution = (string)item["solution"]!;
            var answer = (string)item["answer"]!;
            var boxed = LatexBoxedAnswer.ExtractLast(solution);
            if (boxed is null || !MathEquivalence.AreEquivalent(boxed, answer))
            {
                mismatches.Add($"{boxed ?? "(no box)"}  vs  {answer}");
            }
        }

        foreach (var m in mismatches)
        {
            output.WriteLine(m);
        }

        Assert.Equal(500, items.Length);
        Assert.Empty(mismatches);
    }

    /// <summary>
    /// Guards against a lenient comparer that calls different answers equal: among MATH-500's distinct reference
    /// strings, exactly these pairs are equivalent, and each was reviewed as the same answer written differently
    /// (degrees, a dollar sign, units, "x =", thin spaces, frac shorthand).
    /// </summary>
    [Fact]
    public void Math500_distinct_reference_answers_are_equivalent_only_when_they_mean_the_same()
    {
        var path = TestPaths.RequireShared("datasets", "math500", "test.jsonl");
        var answers = File.ReadLines(path).Select(line => (string)JsonNode.Parse(line)!["answer"]!)
            .Distinct(StringComparer.Ordinal).Select(MathEquivalence.Prepare).ToArray();
        string[] reviewed =
        [
            @"90^\circ == 90", "5 == x=5", @"120^\circ == 120", @"36 == 36^\circ", @"36 == \$36",
            @"\frac{1}{4} == \frac14", @"30^\circ == 30", @"10,\!080 == 10080", @"15 == 15\mbox{ cm}^2",
            @"36^\circ == \$36", @"2 \sqrt{5} == 2\sqrt{5}",
        ];

        var collisions = new List<string>();
        for (var i = 0; i < answers.Length; i++)
        {
            for (var j = i + 1; j < answers.Length; j++)
            {
                if (MathEquivalence.AreEquivalent(answers[i], answers[j]))
                {
                    collisions.Add($"{answers[i].Raw} == {answers[j].Raw}");
                }
            }
        }

        foreach (var c in collisions)
        {
            output.WriteLine(c);
        }

        Assert.Equal(reviewed.Order(StringComparer.Ordinal), collisions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bbh_cot_exemplar_answers_extract_to_valid_targets()
    {
        var promptsDir = TestPaths.RequireShared("datasets", "bbh", "cot-prompts");
        var tasksDir = TestPaths.RequireShared("datasets", "bbh", "bbh");
        var scorer = StandardScorers.BbhCot();
        var exemplars = 0;

        foreach (var promptFile in Directory.GetFiles(promptsDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var task = Path.GetFileNameWithoutExtension(promptFile);
            using var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(tasksDir, task + ".json")));
            var targets = data.RootElement.GetProperty("examples").EnumerateArray()
                .Select(e => e.GetProperty("target").GetString()!).ToHashSet(StringComparer.Ordinal);
            var categorical = targets.Count <= 20;

            foreach (var reasoning in ExemplarAnswers(File.ReadAllText(promptFile)))
            {
                exemplars++;
                var extracted = scorer.Score(ScoringTarget.Of("?"), new GeneratedOutput(reasoning)).ExtractedAnswer!;
                Assert.NotEqual("[invalid]", extracted);
                if (categorical)
                {
                    Assert.True(targets.Contains(extracted), $"{task}: '{extracted}' is not one of its targets");
                }
            }
        }

        Assert.Equal(81, exemplars);
    }

    /// <summary>The text after "A: " of each three-shot exemplar, up to the next question.</summary>
    private static IEnumerable<string> ExemplarAnswers(string prompt)
    {
        var body = prompt[(prompt.IndexOf("-----", StringComparison.Ordinal) + 5)..];
        foreach (Match m in Regex.Matches(body, @"\nA: (.*?)(?=\n\nQ: |\s*$)", RegexOptions.Singleline))
        {
            yield return m.Groups[1].Value;
        }
    }
}
