using EvalHarness.Core.Scoring.Code;

namespace EvalHarness.Core.Tests.CodeExtraction;

/// <summary>Realistic chat-model answers and the exact code that must come out of them.</summary>
public sealed class ChatCodeExtractorTests
{
    private const string AddPrompt = "from typing import List\n\n\ndef add(xs: List[int]) -> int:\n    \"\"\" Sum the list.\n    >>> add([1, 2])\n    3\n    \"\"\"\n";

    private const string AddSolution = "def add(xs: List[int]) -> int:\n    return sum(xs)";

    private static string Extract(string response, string entryPoint = "add", string? prompt = null, bool imports = false) =>
        ChatCodeExtractor.Extract(response, entryPoint, prompt, imports);

    [Fact]
    public void Fenced_block_with_prose_around_it()
    {
        var response = "Sure! Here's the implementation:\n\n```python\n" + AddSolution + "\n```\n\nThis works because `sum` adds every element.";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Py_tag_and_untagged_fences_count_as_python()
    {
        Assert.Equal(AddSolution, Extract("```py\n" + AddSolution + "\n```"));
        Assert.Equal(AddSolution, Extract("Code:\n```\n" + AddSolution + "\n```\nDone."));
        Assert.Equal(AddSolution, Extract("```Python3\n" + AddSolution + "\n```"));
    }

    [Fact]
    public void No_fence_drops_the_prose_lines()
    {
        var response = "Here is a solution to the problem.\n\n" + AddSolution + "\n\nThe function returns the total of the list.";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Prose_with_apostrophes_and_an_open_parenthesis_does_not_swallow_code()
    {
        var response = "Let's write it (it's short:\n\n" + AddSolution + "\n\nThat's all (really.";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Several_blocks_choose_the_one_defining_the_entry_point()
    {
        var response = "First install nothing:\n```bash\npip install nothing\n```\nA helper idea:\n```python\ndef helper(x):\n    return x\n```\n" +
                       "The answer:\n```python\n" + AddSolution + "\n```\nUsage:\n```python\nprint(add([1, 2]))\n```";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Without_an_entry_point_block_the_first_python_block_is_used()
    {
        var response = "```text\nnot code\n```\n```python\nimport math\nx = 1\n```\n```python\ny = 2\n```";
        Assert.Equal("import math", Extract(response));
    }

    [Fact]
    public void Repeated_prompt_signature_keeps_the_full_function()
    {
        var response = AddPrompt + "\n" + AddSolution + "\n";
        Assert.Equal("from typing import List\n" + AddSolution, Extract(response, prompt: null));
    }

    [Fact]
    public void Bare_body_completes_the_prompt()
    {
        var response = "```python\n    total = 0\n    for x in xs:\n        total += x\n    return total\n```";
        var expected = "from typing import List\n" + AddPrompt["from typing import List\n\n\n".Length..] + "    total = 0\n    for x in xs:\n        total += x\n    return total";
        Assert.Equal(expected, Extract(response, prompt: AddPrompt));
    }

    [Fact]
    public void Test_code_prints_and_main_block_are_dropped()
    {
        var response = "```python\n" + AddSolution + "\n\n\nassert add([1]) == 1\nprint(add([1, 2, 3]))\n\nif __name__ == \"__main__\":\n    import doctest\n    doctest.testmod()\n    print('ok')\n```";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Unittest_class_appended_is_dropped_when_not_reachable()
    {
        var response = "```python\nimport unittest\n\n" + AddSolution + "\n\nclass TestAdd(unittest.TestCase):\n    def test_basic(self):\n        self.assertEqual(add([1]), 1)\n\nunittest.main()\n```";
        Assert.Equal("import unittest\n" + AddSolution, Extract(response));
    }

    [Fact]
    public void Helpers_classes_and_globals_the_entry_point_uses_are_kept_in_order()
    {
        var code = "import math\nfrom collections import Counter\n\nLIMIT = 10\nUNUSED = 3\n\nclass Box:\n    def __init__(self, v):\n        self.v = v\n\n" +
                   "def helper(x):\n    return Box(x).v + LIMIT\n\ndef unrelated():\n    return 0\n\ndef add(xs):\n    return sum(helper(x) for x in xs)\n\nprint(add([1]))";
        var expected = "import math\nfrom collections import Counter\nLIMIT = 10\nclass Box:\n    def __init__(self, v):\n        self.v = v\n" +
                       "def helper(x):\n    return Box(x).v + LIMIT\ndef add(xs):\n    return sum(helper(x) for x in xs)";
        Assert.Equal(expected, Extract(code));
    }

    [Fact]
    public void Trailing_explanation_after_the_fence_is_ignored()
    {
        var response = "```python\n" + AddSolution + "\n```\n\n### Explanation\n1. We call `sum`.\n2. def is a keyword; return returns.\n";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Crlf_line_endings_are_normalised()
    {
        var response = "Here you go:\r\n```python\r\nimport re\r\n\r\ndef add(xs):\r\n    return sum(xs)\r\n```\r\n";
        Assert.Equal("import re\ndef add(xs):\n    return sum(xs)", Extract(response));
    }

    [Fact]
    public void Tab_indentation_is_preserved()
    {
        var response = "```python\ndef add(xs):\n\ttotal = 0\n\tfor x in xs:\n\t\ttotal += x\n\treturn total\n\nprint(add([2]))\n```";
        Assert.Equal("def add(xs):\n\ttotal = 0\n\tfor x in xs:\n\t\ttotal += x\n\treturn total", Extract(response));
    }

    [Fact]
    public void Reasoning_before_the_answer_is_removed()
    {
        var response = "<think>\nMaybe def add(xs): return 0 ?\n```python\ndef add(xs):\n    return 0\n```\n</think>\nFinal:\n```python\n" + AddSolution + "\n```";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Truncated_generation_with_an_unclosed_fence_still_yields_code()
    {
        var response = "```python\n" + AddSolution + "\n\n# Example usage\nprint(add([1, 2";
        Assert.Equal(AddSolution, Extract(response));
    }

    [Fact]
    public void Docstrings_containing_code_and_quotes_do_not_confuse_the_splitter()
    {
        var code = "def add(xs):\n    \"\"\"Adds.\ndef not_real():\n    it's inside a docstring\n    \"\"\"\n    s = '#not a comment'\n    return sum(xs)\n\nprint('bye')";
        Assert.Equal("def add(xs):\n    \"\"\"Adds.\ndef not_real():\n    it's inside a docstring\n    \"\"\"\n    s = '#not a comment'\n    return sum(xs)", Extract(code));
    }

    [Fact]
    public void Multiline_call_and_try_else_blocks_stay_whole()
    {
        var code = "TABLE = dict(\n    a=1,\n    b=2,\n)\n\ndef add(xs):\n    try:\n        return sum(xs) + TABLE['a']\n    except TypeError:\n        return 0\n";
        Assert.Equal(code.TrimEnd('\n').Replace(")\n\ndef", ")\ndef", StringComparison.Ordinal), Extract(code));
    }

    [Fact]
    public void Decorated_entry_point_is_kept_with_its_decorator()
    {
        var code = "from functools import lru_cache\n\n@lru_cache(maxsize=None)\ndef add(n):\n    return n if n < 2 else add(n - 1) + n\n\nprint(add(3))";
        Assert.Equal("from functools import lru_cache\n@lru_cache(maxsize=None)\ndef add(n):\n    return n if n < 2 else add(n - 1) + n", Extract(code));
    }

    [Fact]
    public void First_definition_wins_and_a_function_without_return_is_not_a_definition()
    {
        var code = "def add(xs):\n    pass\n\ndef add(xs):\n    return sum(xs)\n\ndef add(xs):\n    return -1";
        Assert.Equal("def add(xs):\n    return sum(xs)", Extract(code));
    }

    [Fact]
    public void Prompt_imports_are_added_when_asked_and_missing()
    {
        var response = "```python\n" + AddSolution + "\n```";
        Assert.Equal("from typing import List\n" + AddSolution, Extract(response, prompt: AddPrompt, imports: true));
        Assert.Equal(AddSolution, Extract(response, prompt: AddPrompt, imports: false));
    }

    [Fact]
    public void Indented_fence_inside_a_list_is_unindented()
    {
        var response = "1. Define the function:\n\n   ```python\n   def add(xs):\n       return sum(xs)\n   ```\n2. Call it.";
        Assert.Equal("def add(xs):\n    return sum(xs)", Extract(response));
    }

    [Fact]
    public void Mbpp_style_answer_with_asserts_keeps_only_the_function()
    {
        var response = "```python\nimport re\ndef text_match(text):\n    patterns = 'ab*?'\n    if re.search(patterns, text):\n        return True\n    else:\n        return False\n\n" +
                       "assert text_match(\"ac\") == True\nassert text_match(\"dc\") == False\n```";
        Assert.Equal("import re\ndef text_match(text):\n    patterns = 'ab*?'\n    if re.search(patterns, text):\n        return True\n    else:\n        return False",
            Extract(response, "text_match"));
    }

    [Fact]
    public void Async_def_and_nested_functions_are_whole_statements()
    {
        var code = "def add(xs):\n    def inner(v):\n        return v\n\n    return sum(inner(x) for x in xs)\n\n\nasync def other():\n    return 1";
        Assert.Equal("def add(xs):\n    def inner(v):\n        return v\n\n    return sum(inner(x) for x in xs)", Extract(code));
    }

    [Fact]
    public void Missing_entry_point_leaves_only_imports()
    {
        Assert.Equal("import os", Extract("import os\n\ndef something_else():\n    return 1"));
    }
}
