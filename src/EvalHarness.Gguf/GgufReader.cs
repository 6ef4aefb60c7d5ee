using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Reading;

namespace EvalHarness.Gguf;

/// <summary>
/// Reads a GGUF file's header, metadata and tensor table and validates all of it, so that a bad file is reported
/// here in one clear <see cref="GgufFormatException"/> (a <see cref="UserInputException"/>) before llama.cpp ever
/// sees it. Tensor data is not read, only checked to lie inside the file.
/// </summary>
public static class GgufReader
{
    // Magic (4) + version (4) + tensor count (8) + metadata count (8).
    private const int HeaderBytes = 24;

    public static GgufFile Read(string path, GgufReadOptions? options = null)
    {
        options ??= GgufReadOptions.LlamaCpp;
        var fullPath = Path.GetFullPath(path);
        using var reader = Open(fullPath);
        var version = ReadPreamble(reader);
        var tensorCountAt = reader.Position;
        var tensorCount = reader.ReadUInt64("the tensor count");
        var pairCountAt = reader.Position;
        var pairCount = reader.ReadUInt64("the metadata key count");
        var metadata = new MetadataSectionReader(reader, options).Read(pairCount, pairCountAt);
        var tensors = new TensorTableReader(reader).Read(tensorCount, tensorCountAt);
        var alignment = metadata.Alignment;
        var dataOffset = tensors.Count > 0 ? GgufConstants.AlignUp(reader.Position, alignment) : reader.Position;
        if (dataOffset > reader.Length)
        {
            throw reader.Truncated("the padding before the tensor data", reader.Position);
        }
        new TensorLayoutValidator(reader, options).Validate(tensors, dataOffset, alignment);
        return new GgufFile(fullPath, version, metadata, tensors, alignment, dataOffset, reader.Length);
    }

    private static BoundedReader Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new GgufFormatException(path, "this is a directory, not a file", null, "pass the path of the .gguf file itself");
        }
        if (!File.Exists(path))
        {
            throw new GgufFormatException(path, "the file does not exist", null, "check the path (and that the download finished)");
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GgufFormatException(path, $"the file cannot be opened: {e.Message}", null, "check the file's permissions and that no other program locks it");
        }
        var reader = new BoundedReader(path, stream, stream.Length);
        if (reader.Length == 0)
        {
            reader.Dispose();
            throw new GgufFormatException(path, "the file is empty (0 bytes)", null, "the download or conversion failed: fetch or convert the model again");
        }
        return reader;
    }

    private static uint ReadPreamble(BoundedReader reader)
    {
        if (reader.Length < HeaderBytes)
        {
            var magicOk = reader.Length >= 4 && reader.ReadUInt32("the magic") == GgufConstants.Magic;
            throw magicOk
                ? reader.Truncated("the header", reader.Length)
                : NotGguf(reader);
        }
        var magic = reader.ReadUInt32("the magic");
        if (magic != GgufConstants.Magic)
        {
            throw NotGguf(reader, magic);
        }
        var version = reader.ReadUInt32("the version");
        CheckVersion(reader, version);
        return version;
    }

    private static void CheckVersion(BoundedReader reader, uint version)
    {
        const string reconvert = "re-convert the model with a current llama.cpp convert_hf_to_gguf.py (writes GGUF version 3)";
        if (version != 0 && (version & 0xFFFF) == 0)
        {
            throw reader.Error($"version field is 0x{version:X8}, which means a big-endian GGUF file; only little-endian files are supported", 4, reconvert);
        }
        if (version == 1)
        {
            throw reader.Error("GGUF version 1 is no longer supported by llama.cpp", 4, reconvert);
        }
        if (version < GgufConstants.OldestSupportedVersion || version > GgufConstants.NewestVersion)
        {
            throw reader.Error($"GGUF version {version} is not supported (this harness reads versions 2 and 3)", 4,
                version > GgufConstants.NewestVersion ? "use a llama.cpp release that writes GGUF version 3, or update the harness" : reconvert);
        }
    }

    private static GgufFormatException NotGguf(BoundedReader reader, uint? magic = null)
    {
        var shown = magic is { } m ? DescribeMagic(m) : "shorter than a GGUF header";
        return reader.Error($"it is not a GGUF file (the first bytes are {shown}, expected 'GGUF')", 0,
            "pass a .gguf model file (convert safetensors with llama.cpp's convert_hf_to_gguf.py)");
    }

    private static string DescribeMagic(uint magic)
    {
        var bytes = BitConverter.GetBytes(magic);
        var text = new string(bytes.Select(b => b is >= 0x20 and < 0x7F ? (char)b : '?').ToArray());
        return $"'{text}' (0x{Convert.ToHexString(bytes)})";
    }
}
