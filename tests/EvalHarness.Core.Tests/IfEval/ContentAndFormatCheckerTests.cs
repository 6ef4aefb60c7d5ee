using static EvalHarness.Core.Tests.IfEval.CheckerHarness;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class ContentAndFormatCheckerTests
{
    [Theory]
    [InlineData("Dear [name], at [address] on [date].", true)]
    [InlineData("Dear [name], at [address].", false)]
    [InlineData("[a\nb] [c] [d]", false)] // '.' does not cross lines
    [InlineData("", false)]
    [InlineData("[имя] [адрес] [日期]", true)]
    [InlineData("**[name]** and *[date]* and `[city]`", true)]
    public void Placeholders_CountsBracketedSpans(string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_content:number_placeholders", """{"num_placeholders": 3}""", response));

    [Theory]
    [InlineData("P.S.", "Body.\n\nP.S. Call me.", true)]
    [InlineData("P.S.", "Body.\n\np. s. call me.", true)]
    [InlineData("P.S.", "Body without one.", false)]
    [InlineData("P.P.S", "Body.\nP.P.S. Later.", true)]
    [InlineData("P.P.S", "Body.\nP.S. Only one.", false)]
    [InlineData("P.S.", "", false)]
    [InlineData("P.S.", "Текст.\n\n**P.S.** Позвони.", true)] // the pattern is searched anywhere, not anchored to a line start
    public void Postscript_FindsTheMarker(string marker, string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_content:postscript", $$"""{"postscript_marker": "{{marker}}"}""", response));

    [Theory]
    [InlineData("* one\n* two\n- three", true)]
    [InlineData("* one\n* two", false)]
    [InlineData("* one\n* two\n* three\n* four", false)] // exactly N
    [InlineData("**bold** line\n* one\n* two\n* three", true)] // "**" does not start a bullet
    [InlineData("", false)]
    [InlineData("* 一\n* 二\n* 三", true)]
    public void BulletLists_CountsExactly(string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_format:number_bullet_lists", """{"num_bullets": 3}""", response));

    [Theory]
    [InlineData("My answer is yes.", true)]
    [InlineData("  Well... My answer is maybe. ", true)]
    [InlineData("My answer is Yes.", false)]
    [InlineData("", false)]
    [InlineData("**My answer is no.**", true)]
    [InlineData("Réponse : My answer is yes. C'est tout.", true)]
    [InlineData("Meine Antwort ist ja.", false)]
    public void ConstrainedResponse_NeedsOneOption(string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_format:constrained_response", "{}", response));

    [Theory]
    [InlineData("*one* and *two*", true)]
    [InlineData("**one** only", false)] // "**" pairs are blank single highlights; the bold counts once
    [InlineData("**one** and *two*", true)]
    [InlineData("*one* and * *", false)]
    [InlineData("*one\ntwo*", false)]
    [InlineData("", false)]
    [InlineData("*résumé* *简历*", true)]
    public void HighlightedSections_CountsNonBlankSpans(string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_format:number_highlighted_sections", """{"num_highlights": 2}""", response));

    [Theory]
    [InlineData("SECTION 1\nA\nSECTION 2\nB", true)]
    [InlineData("Section 1\nA\nSection 2\nB", false)] // case-sensitive
    [InlineData("SECTION 1\nA", false)]
    [InlineData("", false)]
    [InlineData("**SECTION 1**\nA\n**SECTION 2**\nB", true)]
    [InlineData("SECTION 1\nÜber\nSECTION 2\nЧасть", true)]
    public void MultipleSections_CountsSplitterMatches(string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_format:multiple_sections", """{"section_spliter": " SECTION ", "num_sections": 2}""", response));

    [Theory]
    [InlineData("{\"a\": 1}", true)]
    [InlineData("```json\n{\"a\": [1, 2]}\n```", true)]
    [InlineData("```JSON\n{\"a\": \"ü\"}\n```", true)]
    [InlineData("Here it is: {\"a\": 1}", false)]
    [InlineData("{'a': 1}", false)]
    [InlineData("", false)]
    [InlineData("42", true)] // any JSON value, as json.loads
    public void JsonFormat_ParsesAfterRemovingFences(string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_format:json_format", "{}", response));

    [Theory]
    [InlineData("<<Poem of Joy>>\nText", true)]
    [InlineData("<< >>\nText", false)]
    [InlineData("<<Split\ntitle>>", false)]
    [InlineData("", false)]
    [InlineData("**<<Ода радости>>**", true)]
    public void Title_NeedsDoubleAngleBrackets(string response, bool expected) =>
        Assert.Equal(expected, Check("detectable_format:title", "{}", response));
}
