using System.Text;

namespace EvalHarness.Core.Tests.Jinja;

/// <summary>One entry of test_cases in llama.cpp's tests/test-chat-template.cpp.</summary>
internal sealed record LlamaCppTemplateTestCase(
    string Name, string Template, string ExpectedOutput, string ExpectedOutputJinja, string BosToken, string EosToken,
    bool SupportedWithJinja, IReadOnlyList<(string Role, string Content)> ExtraConversation)
{
    /// <summary>What llama.cpp's Jinja path must produce: expected_output_jinja, or expected_output when that is empty.</summary>
    public string ExpectedJinja => ExpectedOutputJinja.Length > 0 ? ExpectedOutputJinja : ExpectedOutput;

    public override string ToString() => Name;
}

/// <summary>
/// Reads the test cases out of test-chat-template.cpp at test time (nothing is copied into this repository): the
/// brace-initialised TestCase entries are C++ string literals (plain or inside U8C(...)), booleans and the
/// extra_conversation list, in the struct's field order.
/// </summary>
internal static class LlamaCppTemplateTestCases
{
    /// <summary>The conversation main_automated_tests renders every template with.</summary>
    public static readonly IReadOnlyList<(string Role, string Content)> Conversation =
    [
        ("system", "You are a helpful assistant"),
        ("user", "Hello"),
        ("assistant", "Hi there"),
        ("user", "Who are you"),
        ("assistant", "   I am an assistant   "),
        ("user", "Another question"),
    ];

    public static List<LlamaCppTemplateTestCase> Load(string testFile)
    {
        var source = File.ReadAllText(testFile);
        var start = source.IndexOf("std::vector<TestCase> test_cases {", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException("test_cases not found in " + testFile);
        var reader = new Reader(source, source.IndexOf('{', start + 30));
        var top = reader.ReadBraced();
        return top.OfType<List<object>>().Select(ToCase).ToList();
    }

    private static LlamaCppTemplateTestCase ToCase(List<object> fields)
    {
        string Str(int i) => i < fields.Count && fields[i] is string s ? s : "";
        var supported = fields.Count <= 6 || fields[6] is not bool b || b;
        var extra = fields.Count > 7 && fields[7] is List<object> pairs
            ? pairs.OfType<List<object>>().Select(p => ((string)p[0], (string)p[1])).ToList()
            : [];
        return new LlamaCppTemplateTestCase(Str(0), Str(1), Str(2), Str(3), Str(4), Str(5), supported, extra);
    }

    /// <summary>A minimal reader for the C++ initialiser syntax used there.</summary>
    private sealed class Reader(string s, int pos)
    {
        private int _pos = pos;

        public List<object> ReadBraced()
        {
            Expect('{');
            var items = new List<object>();
            while (true)
            {
                SkipTrivia();
                if (s[_pos] == '}') { _pos++; return items; }
                items.Add(ReadItem());
                SkipTrivia();
                if (s[_pos] == ',') _pos++;
            }
        }

        private object ReadItem()
        {
            SkipTrivia();
            if (s[_pos] == '{') return ReadBraced();
            if (Matches("U8C("))
            {
                _pos += 4;
                var inner = ReadStrings();
                SkipTrivia();
                Expect(')');
                return inner;
            }
            if (s[_pos] == '"' || Matches("u8\"")) return ReadStrings();
            if (Matches("true")) { _pos += 4; return true; }
            if (Matches("false")) { _pos += 5; return false; }
            throw new InvalidDataException($"unexpected C++ near: {s.Substring(_pos, Math.Min(60, s.Length - _pos))}");
        }

        /// <summary>Adjacent literals concatenate, as in C++.</summary>
        private string ReadStrings()
        {
            var sb = new StringBuilder();
            while (true)
            {
                SkipTrivia();
                if (Matches("u8\"")) _pos += 2;
                if (s[_pos] != '"') return sb.ToString();
                _pos++;
                while (s[_pos] != '"')
                {
                    var c = s[_pos++];
                    if (c != '\\') { sb.Append(c); continue; }
                    var e = s[_pos++];
                    sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => e });
                }
                _pos++;
            }
        }

        private bool Matches(string what) => string.CompareOrdinal(s, _pos, what, 0, what.Length) == 0;

        private void Expect(char c)
        {
            SkipTrivia();
            if (s[_pos] != c) throw new InvalidDataException($"expected '{c}' near: {s.Substring(_pos, Math.Min(60, s.Length - _pos))}");
            _pos++;
        }

        private void SkipTrivia()
        {
            while (true)
            {
                while (char.IsWhiteSpace(s[_pos])) _pos++;
                if (Matches("/*")) { _pos = s.IndexOf("*/", _pos, StringComparison.Ordinal) + 2; continue; }
                if (Matches("//")) { _pos = s.IndexOf('\n', _pos); continue; }
                return;
            }
        }
    }
}
