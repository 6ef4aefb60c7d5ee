namespace EvalHarness.Core.Ruler;

/// <summary>
/// Word lists for needle keys (adjective-noun, as RULER's "words" needles) and for common-words extraction (nouns,
/// adjectives and verbs). RULER takes them from the Python package wonderwords (nounlist.txt, adjectivelist.txt,
/// verblist.txt), which this project cannot install; these are our own lists of everyday English words, smaller than
/// wonderwords' (so a CWE prompt runs out of distinct words sooner: see <see cref="CommonWordsGenerator"/>).
/// A caller may pass wonderwords' lists instead through <see cref="RulerGeneratorOptions.Words"/>.
/// </summary>
public sealed class RulerWords(IReadOnlyList<string> nouns, IReadOnlyList<string> adjectives, IReadOnlyList<string> verbs)
{
    public static RulerWords BuiltIn { get; } = new(Split(NounText), Split(AdjectiveText), Split(VerbText));

    public IReadOnlyList<string> Nouns { get; } = nouns;

    public IReadOnlyList<string> Adjectives { get; } = adjectives;

    public IReadOnlyList<string> Verbs { get; } = verbs;

    /// <summary>RULER's needle keys: every "adjective-noun" pair, sorted and distinct.</summary>
    public IReadOnlyList<string> KeyWords => _keyWords ??= Adjectives.SelectMany(a => Nouns.Select(n => $"{a}-{n}"))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>CWE's vocabulary: nouns, adjectives and verbs, distinct and sorted (the generator shuffles it).</summary>
    public IReadOnlyList<string> AllWords => _allWords ??= Nouns.Concat(Adjectives).Concat(Verbs)
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private IReadOnlyList<string>? _keyWords;
    private IReadOnlyList<string>? _allWords;

    private static string[] Split(string text) =>
        text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private const string NounText = """
        apple arm army baby bag ball band bank bar base basket bath beach bean bear bed bee bell belt bench bird
        blade blanket boat body bone book boot bottle bowl box boy brain branch bread brick bridge brother brush
        bucket building bus butter button cabin cable cake camera camp candle cap car card carpet cart castle cat
        cattle cave chain chair chalk cheese cherry chest chicken child church circle city class clock cloud coach
        coal coast coat coffee coin collar color comb corn cotton country cousin cow crab cracker crayon cream crow
        crown cup curtain cushion dad dance daughter deer desk diamond dinner dog doll donkey door dragon drawer dream
        dress drum duck dust eagle ear earth egg elbow engine eye face factory farm father feather fence field finger
        fire fish flag flame floor flower fog foot forest fork fountain fox friend frog fruit garden gate ghost gift
        girl glass glove goat gold grape grass guitar hair hall hammer hand harbor hat hawk head heart hill hole home
        honey hook horn horse hospital hotel house island jacket jar jelly jewel juice kettle key kitchen kite knee
        knife ladder lake lamp lawn leaf leg lemon letter library light lion lip lock map market mask meadow meal
        milk mirror monkey moon morning mother mountain mouse mouth mud nail needle nest net night nose notebook
        ocean office onion orange oven owl page paint palace pan paper park parrot path peach pear pen pencil pepper
        piano picture pie pig pillow pin pipe planet plant plate pocket pond potato pot prison pump queen rabbit rail
        rain river road robin rock roof room rope rose sail salt sand school scissors sea seed sheep shelf shell ship
        shirt shoe shop shoulder silver sink sister skirt sky snail snake snow soap sock soup spade spider spoon
        spring square stage star station stick stomach stone store storm stove street string sugar sun swing table
        tail teacher tent thread throat thumb ticket tiger toe tomato tongue tooth tower town toy train tree truck
        tunnel turkey umbrella uncle valley van vase village violin wagon wall watch water wave wheel whistle window
        wing winter wire wolf woman wood wool worm yard yarn zebra anchor arrow attic bakery balcony banner barn
        beard berry blossom buffalo cabbage canoe canyon carrot cello cellar chimney cliff clover comet
        compass cottage crystal dolphin feast ferry fiddle garage glacier gravel helmet jungle lantern lobster
        magnet marble meteor mitten moss muffin napkin orchard otter paddle pebble penguin pirate pudding
        puzzle quilt raft ribbon saddle salmon satchel scarf shovel sled squirrel stamp statue sweater teapot
        thimble thistle tractor trumpet tulip turtle walnut walrus whale wheat wreath
        """;

    private const string AdjectiveText = """
        able angry ancient bad beautiful big bitter black blue bold brave bright broad broken brown busy calm careful
        cheap clean clear clever cold cool crazy crisp curly damp dark deep delicate dirty dry dull eager early easy
        elegant empty exact fair famous fancy fast fat fierce flat fluffy foolish fragile free fresh friendly full
        funny gentle giant glad golden good grand gray great green grumpy happy hard harsh heavy helpful high hollow
        honest hot huge humble hungry icy innocent jolly kind large late lazy light little lively lonely long loose
        loud lovely low loyal lucky mad magic massive mean mighty mild modern narrow neat nervous new nice noisy odd
        old orange pale patient plain pleasant polite poor proud purple quick quiet rapid rare raw red rich right
        rough round royal rude sad safe salty sharp shiny short shy silent silly simple slim slow small smart smooth
        soft solid sour spicy square steep sticky stiff strange strict strong sturdy sudden sweet swift tall tame
        tender thick thin tidy tiny tough true ugly vast violet warm weak wet white whole wide wild wise wooden
        wrong yellow young zealous bumpy chilly cozy dusty fuzzy gloomy hasty itchy jagged merry misty muddy nimble
        rusty shaggy snowy sunny thirsty wobbly
        """;

    private const string VerbText = """
        accept add admire agree allow answer appear arrive ask bake bathe begin behave believe belong bless blink
        boil borrow bounce breathe brush build burn buy call carry catch chase cheer chew choose clap climb collect
        comb complain cook copy count cover crawl cross cry dance decide deliver describe dig divide drag draw dream
        drink drive drop dust earn eat enjoy enter escape explain fasten fetch fill find fix float fly fold follow
        forget forgive gather gaze give glow grab greet grin grow guard guess hammer hang happen hate hear help hide
        hold hop hope hug hunt hurry imagine invent invite join jog juggle jump kick kiss kneel knit knock laugh
        learn lend lift listen live look love march marry measure melt mend milk mix move nod notice obey offer open
        order pack paint pass pause pick plan plant play point polish pour pray preach pretend print pull punch push
        race rain reach read relax remember repair repeat reply rescue return ride ring rinse roar roll rub run rush
        sail scrub search sew shake share shiver shout sing sip sit skip sleep slide smell smile sneeze snore speak
        spell spill spin splash sprint squeeze stare start stay steer step stir stitch stop stretch study swim swing
        talk taste teach tease tell thank think throw tickle tie touch travel trust try turn twist type unlock
        unpack vanish visit wait walk wander want warn wash watch wave weave weigh whisper whistle win wink wish
        wonder work worry wrap write yawn yell zoom
        """;
}
