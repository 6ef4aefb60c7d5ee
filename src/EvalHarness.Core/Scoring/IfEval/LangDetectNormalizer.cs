using System.Text;

namespace EvalHarness.Core.Scoring.IfEval;

/// <summary>
/// langdetect's NGram.normalize: ASCII non-letters and a few Latin-1 symbols become spaces, general punctuation
/// becomes a space, Romanian comma letters become cedilla letters, Farsi yeh becomes Arabic yeh, Vietnamese
/// letters of Latin Extended Additional collapse to one letter, and every kana, bopomofo and Hangul syllable
/// collapses to one representative. (CJK ideograph classes are not applied.)
/// </summary>
internal static class LangDetectNormalizer
{
    private static readonly Rune Space = new(' ');

    public static Rune Normalize(Rune rune)
    {
        int v = rune.Value;
        return v switch
        {
            < 0x80 => (v < 'A' || (v > 'Z' && v < 'a') || v > 'z') ? Space : rune,
            < 0x100 => v is 0xA0 or 0xAB or 0xB0 or 0xBB ? Space : rune,
            0x219 => new Rune(0x15F),
            0x21B => new Rune(0x163),
            >= 0x2000 and <= 0x206F => Space,
            0x6CC => new Rune(0x64A),
            >= 0x1EA0 and <= 0x1EFF => new Rune(0x1EC3),
            >= 0x3040 and <= 0x309F => new Rune(0x3042),
            >= 0x30A0 and <= 0x30FF => new Rune(0x30A2),
            >= 0x3100 and <= 0x312F or >= 0x31A0 and <= 0x31BF => new Rune(0x3105),
            >= 0xAC00 and <= 0xD7AF => new Rune(0xAC00),
            _ => rune,
        };
    }
}
