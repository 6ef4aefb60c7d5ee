using System.Security.Cryptography;
using EvalHarness.Gguf.Format;
using EvalHarness.Gguf.Writing;
using EvalHarness.Testing;

namespace EvalHarness.Gguf.Tests;

/// <summary>An independent reader (gguf-py from the llama.cpp v0.5.0 tree) must see exactly what we wrote.</summary>
public class GgufPyReadsOurFilesTests
{
    private const string DumpScript =
        """
        import sys, hashlib
        from gguf import GGUFReader
        r = GGUFReader(sys.argv[1])
        print("alignment", r.alignment, "data_offset", r.data_offset)
        for name, f in r.fields.items():
            if name.startswith("GGUF."):
                continue
            print("field", name, ",".join(t.name for t in f.types), "nested" if len(f.types) > 1 and f.types[1].name == "ARRAY" else repr(f.contents()))
        for t in r.tensors:
            print("tensor", t.name, list(int(d) for d in t.shape), t.tensor_type.name, t.data_offset - r.data_offset, t.n_bytes, hashlib.sha256(t.data.tobytes()).hexdigest())
        """;

    [Fact]
    public void Gguf_py_reads_metadata_and_tensors_we_wrote()
    {
        using var dir = TestPaths.NewTempDirectory();
        var writer = new GgufWriter();
        foreach (var (key, value) in WriterRoundTripTests.EveryValueType()) writer.Metadata.Add(key, value);
        var values = Enumerable.Range(0, 128).Select(i => MathF.Sin(i) * 0.1f).ToArray();
        writer.AddTensor("f32", [64, 2], GgmlType.F32, values);
        writer.AddTensor("f16", [32, 4], GgmlType.F16, values);
        writer.AddTensor("q8", [128], GgmlType.Q8_0, values);
        writer.AddTensor("q4", [64, 2], GgmlType.Q4_0, values);
        var path = dir.File("ours.gguf");
        writer.WriteTo(path);
        var file = GgufReader.Read(path);

        var lines = GgufPy.Run(DumpScript, path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal($"alignment 32 data_offset {file.DataOffset}", lines[0]);
        var fields = lines.Where(l => l.StartsWith("field ")).Select(l => l.Split(' ', 4)).ToList();
        Assert.Equal(file.Metadata.Keys, fields.Select(f => f[1]));
        Assert.Contains(fields, f => f[1] == "t.str" && f[2] == "STRING" && f[3] == "'héllo ▁wörld'");
        Assert.Contains(fields, f => f[1] == "t.u64" && f[2] == "UINT64" && f[3] == ulong.MaxValue.ToString());
        Assert.Contains(fields, f => f[1] == "t.i8" && f[2] == "INT8" && f[3] == "-100");
        Assert.Contains(fields, f => f[1] == "t.bool" && f[2] == "BOOL" && f[3] == "True");
        Assert.Contains(fields, f => f[1] == "a.str" && f[2] == "ARRAY,STRING" && f[3] == "['', 'a', '▁the', '<0x0A>']");
        Assert.Contains(fields, f => f[1] == "a.i64" && f[2] == "ARRAY,INT64" && f[3] == $"[{long.MinValue}, 3]");
        var tensors = lines.Where(l => l.StartsWith("tensor ")).ToList();
        Assert.Equal(4, tensors.Count);
        foreach (var (line, tensor) in tensors.Zip(file.Tensors))
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(file.ReadTensorBytes(tensor)));
            var shape = "[" + string.Join(", ", tensor.Dimensions) + "]";
            Assert.Equal($"tensor {tensor.Name} {shape} {tensor.Type.ToString().ToUpperInvariant()} {tensor.Offset} {tensor.ByteSize} {sha}", line);
        }
    }
}
