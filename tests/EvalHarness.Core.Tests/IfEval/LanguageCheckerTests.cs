using EvalHarness.Core.Scoring.IfEval;
using static EvalHarness.Core.Tests.IfEval.CheckerHarness;

namespace EvalHarness.Core.Tests.IfEval;

public sealed class LanguageCheckerTests
{
    [Theory]
    [InlineData("hi", "यह एक छोटा सा उदाहरण है और इसमें कई शब्द हैं जो हिंदी में लिखे गए हैं।")]
    [InlineData("mr", "हे एक लहान उदाहरण आहे आणि ते मराठी भाषेत लिहिले आहे.")]
    [InlineData("ne", "यो एउटा सानो उदाहरण हो र यो नेपाली भाषामा लेखिएको छ।")]
    [InlineData("ar", "هذا مثال قصير في اللغة العربية على أن النص مكتوب من اليمين إلى اليسار.")]
    [InlineData("fa", "این یک مثال کوتاه است که به زبان فارسی نوشته شده است و برای آزمایش می باشد.")]
    [InlineData("ur", "یہ ایک مختصر مثال ہے جو اردو زبان میں لکھی گئی ہے اور اس کا مقصد جانچ ہے۔")]
    [InlineData("ru", "Это короткий пример текста на русском языке, и он написан для проверки.")]
    [InlineData("bg", "Това е кратък пример на български език, който е написан за проверка.")]
    [InlineData("de", "Das ist ein kurzes Beispiel auf Deutsch, und es wird für den Test verwendet.")]
    [InlineData("pt", "Este é um pequeno exemplo em português que foi escrito para o teste.")]
    [InlineData("it", "Questo è un piccolo esempio in italiano che è stato scritto per il test.")]
    [InlineData("fi", "Tämä on lyhyt esimerkki, ja se on kirjoitettu suomeksi testiä varten.")]
    [InlineData("sw", "Huu ni mfano mfupi wa maandishi kwa lugha ya Kiswahili na ni kwa ajili ya majaribio.")]
    [InlineData("vi", "Đây là một ví dụ ngắn bằng tiếng Việt được viết để kiểm tra.")]
    [InlineData("ko", "이것은 한국어로 작성된 짧은 예시입니다.")]
    [InlineData("th", "นี่คือตัวอย่างสั้นๆ ที่เขียนเป็นภาษาไทย")]
    [InlineData("bn", "এটি বাংলায় লেখা একটি ছোট উদাহরণ।")]
    [InlineData("ta", "இது தமிழில் எழுதப்பட்ட ஒரு சிறிய உதாரணம்.")]
    [InlineData("te", "ఇది తెలుగులో రాసిన చిన్న ఉదాహరణ.")]
    [InlineData("kn", "ಇದು ಕನ್ನಡದಲ್ಲಿ ಬರೆದ ಒಂದು ಚಿಕ್ಕ ಉದಾಹರಣೆ.")]
    [InlineData("gu", "આ ગુજરાતીમાં લખાયેલું એક નાનું ઉદાહરણ છે.")]
    [InlineData("pa", "ਇਹ ਪੰਜਾਬੀ ਵਿੱਚ ਲਿਖਿਆ ਇੱਕ ਛੋਟਾ ਉਦਾਹਰਣ ਹੈ।")]
    [InlineData("en", "This is a short example written in English for the test.")]
    public void ResponseLanguage_DetectsTheDatasetsLanguages(string language, string response)
    {
        Assert.Equal(language, LanguageDetector.Default.Detect(response));
        Assert.True(Check("language:response_language", $$"""{"language": "{{language}}"}""", response));
        Assert.False(Check("language:response_language", """{"language": "en"}""", language == "en" ? "Das ist ein deutscher Satz und nicht Englisch." : response));
    }

    [Theory]
    [InlineData("**शीर्षक**\n\n* यह पहला बिंदु है और यह हिंदी में है।\n* यह दूसरा बिंदु है, Google और AI के बारे में।", true)] // markdown + a few English words
    [InlineData("This answer is mostly English with one word: नमस्ते.", false)]
    [InlineData("12345 !!! ???", true)] // nothing to detect: the reference counts it as followed
    [InlineData("", true)]
    public void ResponseLanguage_MixedAndEmptyText(string response, bool expected) =>
        Assert.Equal(expected, Check("language:response_language", """{"language": "hi"}""", response));

    /// <summary>Outputs of langdetect 1.0.9 with DetectorFactory.seed = 0 on short texts, where its n-gram model
    /// makes surprising calls that decide IFEval verdicts (GPT-4's "YES" fails english_capital).</summary>
    [Theory]
    [InlineData("YES", "cy")]
    [InlineData("Jehovah ****** Allah", "id")]
    [InlineData("etchings", "de")]
    [InlineData("coastal elegance properties", "es")]
    [InlineData("das ist meine antwort und sie ist nicht auf englisch.", "de")]
    [InlineData("THIS IS MY ANSWER, IN ENGLISH AND IN CAPITALS.", "en")]
    public void Detector_ReproducesLangdetectOnShortTexts(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Default.Detect(text));
}
