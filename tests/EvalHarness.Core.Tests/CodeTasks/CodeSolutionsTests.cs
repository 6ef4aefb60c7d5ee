using EvalHarness.Core.Datasets;
using EvalHarness.Core.Sandbox;
using EvalHarness.Core.Scoring;
using EvalHarness.Core.Scoring.Code;
using EvalHarness.Core.Tasks;

namespace EvalHarness.Core.Tests.CodeTasks;

/// <summary>How a response becomes code, task loading over the real files, and the no-Python failure (no sandbox runs).</summary>
public sealed class CodeSolutionsTests
{
    private const string Prompt = "from typing import List\n\n\ndef total(xs: List[int]) -> int:\n    \"\"\"Sum of xs.\"\"\"\n";

    [Theory]
    [InlineData("    return sum(xs)\n", true)]
    [InlineData("\n    return sum(xs)\n", true)]
    [InlineData("# sum them\n    return sum(xs)\n", true)]
    [InlineData("def total(xs):\n    return sum(xs)\n", false)]
    [InlineData("```python\ndef total(xs):\n    return sum(xs)\n```", false)]
    [InlineData("Here is the code:\n    return sum(xs)\n", false)]
    public void After_a_code_prompt_only_an_indented_first_line_continues_it(string response, bool continues) =>
        Assert.Equal(continues, CodeSolutions.ContinuesFunction(response));

    [Theory]
    [InlineData("def total(xs):\n    return sum(xs)\n", false)]
    [InlineData("import math\ndef f(): pass", false)]
    [InlineData("\nfrom typing import List\n", false)]
    [InlineData("```python\ndef total(xs):\n    return sum(xs)\n```", true)]
    [InlineData("Here is the code:\ndef total(xs):\n    return sum(xs)\n", true)]
    [InlineData("Sure! The answer sums the list.", true)]
    public void After_a_descriptive_prompt_a_fence_or_prose_makes_a_chat_answer(string response, bool chat) =>
        Assert.Equal(chat, CodeSolutions.IsChatAnswer(response));

    [Fact]
    public void A_completion_continues_the_prompt_and_a_chat_answer_follows_it()
    {
        var completion = CodeSolutions.ForHumanEvalTests("    return sum(xs)\n\n\ndef unrelated():\n    pass\n", Prompt, "total");
        Assert.Equal(SolutionRoute.Completion, completion.Route);
        Assert.Equal(Prompt + "    return sum(xs)\n\n", completion.Code);

        var chat = CodeSolutions.ForHumanEvalTests("Try:\n```python\ndef total(xs):\n    return sum(xs)\n\nprint(total([1]))\n```", Prompt, "total");
        Assert.Equal(SolutionRoute.Chat, chat.Route);
        Assert.StartsWith(Prompt.TrimEnd('\n'), chat.Code);
        Assert.EndsWith("def total(xs):\n    return sum(xs)", chat.Code);
        Assert.DoesNotContain("print(", chat.Code);

        // A chat answer without a fence: the whole function, then prose.
        var unfenced = CodeSolutions.ForHumanEvalTests("def total(xs):\n    return sum(xs)\n\nThis adds the numbers up.", Prompt, "total");
        Assert.Equal(SolutionRoute.Chat, unfenced.Route);
        Assert.EndsWith("def total(xs):\n    return sum(xs)", unfenced.Code);
    }

    [Fact]
    public void EvalPlus_solutions_are_sanitised_and_an_answer_without_the_function_is_marked()
    {
        var mbpp = CodeSolutions.ForEvalPlus("def total(xs):\n    return sum(xs)\nassert total([1]) == 1\n", "\"\"\"\nSum a list.\n\"\"\"\n", "total", promptIsCode: false);
        Assert.Equal("def total(xs):\n    return sum(xs)", mbpp.Code);
        Assert.True(mbpp.DefinesEntryPoint);

        var prose = CodeSolutions.ForEvalPlus("I cannot solve this.", Prompt, "total", promptIsCode: false);
        Assert.False(prose.DefinesEntryPoint);
    }

    [Fact]
    public void A_generator_helper_survives_sanitising()
    {
        const string Code = "def adjac(ele, sub=[]):\n  if not ele:\n     yield sub\n  else:\n     yield from adjac(ele[1:], sub + [ele[0]])\n" +
            "def get_coordinates(t):\n  return list(adjac(t))\n";
        var solution = CodeSolutions.ForEvalPlus(Code, "\"\"\"\nCoordinates.\n\"\"\"\n", "get_coordinates", promptIsCode: false);
        Assert.Equal(Code.TrimEnd('\n'), solution.Code);
    }

    [Fact]
    public void Without_python_scoring_fails_with_one_user_error_naming_the_fix()
    {
        var provider = new CodeSandboxProvider(() => Sandboxes.Create(python: PythonInterpreter.Locate("/nonexistent/python3-for-test")));
        var scorer = new HumanEvalScorer(provider);
        var target = new ScoringTarget(["x"]) { Record = new System.Text.Json.Nodes.JsonObject { ["prompt"] = Prompt, ["test"] = "", ["entry_point"] = "total" } };

        var error = Assert.Throws<UserInputException>(() => scorer.Score(target, new GeneratedOutput("    return sum(xs)\n")));
        Assert.Contains("EVALHARNESS_PYTHON", error.Fix);
        Assert.Contains("Python sandbox", error.Message);
        Assert.Same(error.GetType(), Assert.Throws<UserInputException>(() => scorer.Score(target, new GeneratedOutput(""))).GetType());
        Assert.Equal("sandbox: not started", provider.Describe());
    }

    [Theory]
    [InlineData("humaneval", "humaneval", 164)]
    [InlineData("humaneval_plus", "humanevalplus", 164)]
    [InlineData("mbpp_plus", "mbppplus", 378)]
    [InlineData("mbpp", "mbppplus", 378)]
    public void Coding_tasks_load_their_real_files_and_every_record_is_a_valid_problem(string task, string folder, int count)
    {
        var data = CodeTaskData.Load(task, folder);

        Assert.Equal(count, data.Samples.Count);
        Assert.Equal("coding", data.Task.Category);
        Assert.Equal(count, data.Samples.Select(s => s.Id).Distinct().Count());
        if (data.Task.Scoring.Scorer.StartsWith("evalplus", StringComparison.Ordinal))
        {
            // The record as the scorer re-serialises it is the problem EvalPlus shipped (same inputs, same counts).
            foreach (var sample in data.Samples)
            {
                var problem = EvalPlusProblem.FromJsonLine(sample.Record.Data.ToJsonString());
                Assert.Equal(sample.Id, problem.TaskId);
                Assert.True(problem.BaseCount > 0 || problem.TaskId == "Mbpp/793", problem.TaskId);
            }
        }
    }

    [Fact]
    public void Python_infinities_become_json_numbers_outside_strings_only()
    {
        Assert.Equal("[[-1e999, 1e999], \"Infinity\"]", NonStandardJsonNumbers.RewriteInfinities("[[-Infinity, Infinity], \"Infinity\"]"));
        Assert.Null(NonStandardJsonNumbers.RewriteInfinities("{\"a\": \"Infinity \\\" Infinity\"}"));
    }
}
