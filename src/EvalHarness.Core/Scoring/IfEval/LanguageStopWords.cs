namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Frequent function words per language, written for this project, used to tell apart languages that share a
/// script. Each list favours words that are frequent in that language and rare in its script neighbours.
/// </summary>
internal static class LanguageStopWords
{
    public static readonly IReadOnlyDictionary<string, HashSet<string>> Latin = Build(new()
    {
        ["en"] = "the and of to is in that it for with as was on are be this by not you have from or but at which they an were his her their will would can has there what all we been if more when who so",
        ["de"] = "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es als wie sind wird bei oder nach noch aus über ich sie wir werden hat",
        ["fr"] = "le la les et des est une du que pour dans qui ne pas sur au avec ce il sont par plus se nous vous mais ou elle cette être",
        ["es"] = "el la los las que es y en del por con una para se no su al lo como más pero sus le ya o este ha muy también fue",
        ["pt"] = "o os as que é e do da dos das em um uma para com não no na por se mais como mas ao foi são pelo seu sua ele também você",
        ["it"] = "il di che è e la le gli per una un non sono con del della si da in al dei nel anche come più ma questo ha lo alla",
        ["nl"] = "de het een van en is dat op te in niet zijn voor met die ook als er maar aan om hij bij ze wordt zo naar",
        ["fi"] = "ja on ei se että hän oli ovat mutta tai kun myös jos niin kuin joka sen ole mitä tämä ne vain voi sekä olla",
        ["sw"] = "na ya wa kwa ni katika za la ambao hii kuwa yake cha vya kama lakini pia hiyo sana wao au hata ili kwamba",
        ["id"] = "yang dan di dengan untuk tidak ini dari dalam akan pada juga ke karena ada adalah itu oleh atau saya kami mereka",
        ["tr"] = "ve bir bu için ile da de çok gibi ne daha olan olarak ama ben sen o değil her şey kadar",
        ["pl"] = "i w nie na się że jest z do to jak co ale po czy tak jest są przez dla od może",
        ["sv"] = "och att det som en är på för av med till den har inte jag om ett men de var sig så",
        ["da"] = "og at det er en på til af med for som den har ikke jeg de var sig så kan fra",
        ["no"] = "og i det er en på til av med for som den har ikke jeg de var seg så kan fra ikkje",
        ["ro"] = "și în de la este un o că nu cu pe care mai din pentru sunt se ca dar sau acest",
        ["cs"] = "a je se na že v to do ve jako ale by jsem jsou pro tak také jeho není",
        ["hu"] = "a az és hogy nem is egy van meg de ez csak már mint volt vagy ki el még",
        ["tl"] = "ang ng sa na at mga ay ko ako siya hindi ito para kung niya kami",
        ["af"] = "die en van is het nie in te wat op vir met dat hy sy ons",
        ["ca"] = "el la els les i de que és per amb un una no del als això són",
    });

    public static readonly IReadOnlyDictionary<string, HashSet<string>> Devanagari = Build(new()
    {
        ["hi"] = "है हैं का की के में और से को यह पर था थे थी लिए नहीं एक भी कि जो हो तो इस वह कर रहे गया करने होता",
        ["mr"] = "आहे आहेत आणि या व हे ते की मध्ये करून होते नाही आपल्या त्यांच्या त्या एक हा ही पण म्हणून करण्यासाठी असे केले",
        ["ne"] = "छ छन् र को मा गर्न हो पनि भएको गरेको यो त्यो थियो हुन्छ लागि गर्ने छैन तर हुने भने",
    });

    public static readonly IReadOnlyDictionary<string, HashSet<string>> Arabic = Build(new()
    {
        ["ar"] = "في من على أن إلى التي الذي هذا هذه عن مع كان ما لا هو كل بين ذلك قد أو إن",
        ["fa"] = "و در به از که این را با است برای آن یک تا می شود هم نیز شد بود کند ها",
        ["ur"] = "ہے کے کی میں اور کا سے کو نے یہ ہیں پر تھا بھی کہ ایک وہ ہو گیا لیے",
    });

    public static readonly IReadOnlyDictionary<string, HashSet<string>> Cyrillic = Build(new()
    {
        ["ru"] = "и в не на что это с как по он она они его но к из у за от так все был было мы вы для",
        ["bg"] = "и на е за се да от в че с са това не като по но който които може също към при",
        ["uk"] = "і в не на що це з як та до від він вона вони його але за для також є був",
        ["mk"] = "и на е за се да од во што со се тоа не како по но кој кои може исто",
    });

    private static Dictionary<string, HashSet<string>> Build(Dictionary<string, string> lists) =>
        lists.ToDictionary(pair => pair.Key, pair => new HashSet<string>(pair.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
