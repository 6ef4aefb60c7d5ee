namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// Parameters of NLTK's pretrained English Punkt model (nltk_data tokenizers/punkt english.pickle, the model
/// IFEval's count_sentences loads). Abbreviation types, collocations and frequent sentence starters are the
/// model's full lists. The orthographic-context table of the model (≈27,000 word types learned from WSJ text) is
/// not reproduced: <see cref="OrthographicContext"/> knows the flags of a few hundred frequent English words and
/// treats every other word as unseen (flags 0), which is exact for words the model never saw. This only matters
/// after an initial ("J."), a number ("3.") or an abbreviation/ellipsis followed by a word the model knows.
/// </summary>
internal static class PunktEnglishParameters
{
    public const int BegUc = 1 << 1, MidUc = 1 << 2, UnkUc = 1 << 3, BegLc = 1 << 4, MidLc = 1 << 5, UnkLc = 1 << 6;
    public const int Upper = BegUc | MidUc | UnkUc;
    public const int Lower = BegLc | MidLc | UnkLc;

    public static readonly HashSet<string> AbbreviationTypes = new(Split(
        "ct m.j t a.c n.h ms p.a.m dr pa p.m u.k st dec u.s.a lt g.k adm p h.m ga tenn yr sen n.c j.j d.h s.g inc vs " +
        "s.p.a a.t n feb sr jan s.a.y n.y col g.f c.o.m.b d ft va r.k e.f chg r.i a.g minn a.h k n.j m l.f f.j gen " +
        "i.m.s s.a aug j.p okla m.d.c ltd oct s vt r.a j.c ariz w.w b.v ore h w.r e.h mrs cie corp w n.v a.d r.j ok " +
        "e.m w.c ill nov u.s prof conn u.s.s.r mg f.g ph.d g calif messrs h.f wash tues sw bros u.n l wis mr sep d.c " +
        "ave e.l co s.s reps c r.t h.c r wed a.s v fla jr r.h c.v m.b.a rep a.a e c.i.t l.a b.f j.b d.w j.k ala f " +
        "w.va sept mich n.m j.r l.p s.c colo fri a.m g.d kan maj ky a.m.e n.d t.j cos nev"))
    {
        ". . ",
    };

    public static readonly HashSet<(string, string)> Collocations = new(Split(
        "##number## international|##number## rj|##number## commodities|##number## cooper|b stewart|" +
        "##number## genentech|##number## wedgestone|i toussie|##number## pepper|j fialka|o ludcke|##number## insider|" +
        "##number## aes|i magnin|##number## credit|##number## corrections|##number## financing|##number## henley|" +
        "##number## business|##number## pay-fone|b wigton|b edelman|b levine|##number## leisure|b smith|j walter|" +
        "##number## pegasus|##number## dividend|j aron|##number## review|##number## abreast|##number## who|" +
        "##number## letters|##number## colgate|##number## cbot|##number## notable|##number## zimmer", '|')
        .Select(pair => pair.Split(' ')).Select(parts => (parts[0], parts[1])));

    public static readonly HashSet<string> SentenceStarters = new(Split(
        "most he since so both these it nevertheless this indeed however instead under similarly some though while " +
        "when in despite although nonetheless thus there if the nor separately moreover but they yet many according " +
        "sales among meanwhile even i"));

    /// <summary>Flags known from the model for frequent words whose flags are not the common-word default.</summary>
    private static readonly Dictionary<string, int> KnownFlags = new()
    {
        ["i"] = Upper, ["also"] = 110, ["indeed"] = 42, ["therefore"] = 34, ["your"] = 42, ["where"] = 38,
        ["meanwhile"] = 46, ["those"] = 46, ["would"] = 102, ["much"] = 102, ["two"] = 110, ["little"] = 46,
        ["great"] = 46, ["simple"] = 96, ["him"] = 96, ["due"] = 108, ["upon"] = 32, ["off"] = 36, ["below"] = 36,
        ["hope"] = 36, ["help"] = 36, ["fine"] = 38, ["reading"] = 38, ["save"] = 36, ["live"] = 38,
        ["monetary"] = 110, ["corporate"] = 110, ["economy"] = 100, ["investment"] = 102, ["trust"] = 100,
        ["television"] = 102, ["sold"] = 100, ["parts"] = 100, ["loan"] = 100, ["imports"] = 102, ["efforts"] = 102,
    };

    /// <summary>
    /// Frequent English words, assumed to carry the flags typical of such words in the WSJ-trained model: seen
    /// lowercase mid-sentence and (in headlines and titles) capitalised, BEG_UC|MID_UC|UNK_UC|MID_LC|UNK_LC = 110.
    /// This is an assumption, not the model's data; on Google's 541 GPT-4 responses no number_sentences verdict
    /// changes between this table, an empty table and uniform tables, so the approximation rarely matters.
    /// </summary>
    private static readonly HashSet<string> CommonWords = new(Split(
        "the of and to a in is that for on with as was by at from be this have are or an not it its which but they " +
        "their his her he she we you our my me us them there these what when who will would can could should may " +
        "might must shall been being has had do does did so if then than also more most many some any all each " +
        "every no one two three first new other such only just about into over after before between through during " +
        "under without within while because since although though however thus even still yet both either neither " +
        "here now how why where which whose whom very well much often always never sometimes again further once " +
        "make made use used using get got take taken give given go going come came see seen know known think said " +
        "say says like time year years people way day days world life work part place case point group number " +
        "fact system program question government company state states home water room area money story month " +
        "right study book eye job word business issue side kind head house service friend power hour game line " +
        "end member law car city community name president team minute idea body information back parent face " +
        "others level office door health person art war history party result change morning reason research girl " +
        "guy moment air teacher force education finally additionally furthermore moreover overall lastly next " +
        "then today let let's please remember note consider imagine welcome thank thanks yes ok okay dear hello " +
        "hi good best great important key main final conclusion summary introduction step steps section chapter " +
        "day week weeks place places plan plans include includes including ensure provide provides create use " +
        "visit start begin begins add mix bake serve enjoy keep try check follow read write find look learn build " +
        "an another our their its his her my your this that these those in on at by to for with from of"));

    public static int OrthographicContext(string type)
    {
        if (KnownFlags.TryGetValue(type, out var flags)) return flags;
        return CommonWords.Contains(type) ? 110 : 0;
    }

    private static string[] Split(string text, char separator = ' ') =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries);
}
