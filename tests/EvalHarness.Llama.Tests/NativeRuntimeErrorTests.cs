using EvalHarness.Llama.Runtime;
using EvalHarness.Testing;

namespace EvalHarness.Llama.Tests;

/// <summary>Each way of not getting a runtime ends in one clear, actionable error.</summary>
public sealed class NativeRuntimeErrorTests
{
    [Fact]
    public void Missing_npm_says_to_install_node_or_set_the_llama_dir()
    {
        using var cache = TestPaths.NewTempDirectory();
        var installer = new NativeRuntimeInstaller(cache.Path, new NpmPackageFetcher("/nonexistent/npm-for-test"));

        var e = Assert.Throws<UserInputException>(() => installer.EnsureFlavour(RuntimeFlavour.Cpu));

        Assert.Contains("npm was not found", e.Message);
        Assert.Contains("EVALHARNESS_LLAMA_DIR", e.Fix);
        Assert.Empty(Directory.GetDirectories(Path.Combine(cache.Path, "runtime")));
    }

    [Fact]
    public void Offline_with_an_empty_cache_says_to_connect_once()
    {
        using var cache = TestPaths.NewTempDirectory();
        // An unreachable registry on loopback stands in for "offline"; --offline makes npm use only its own cache.
        var fetcher = new NpmPackageFetcher("npm", ["--registry", "http://127.0.0.1:9/", "--offline", "--cache", cache.File("npm-cache"), "--fetch-retries", "0"]);
        var installer = new NativeRuntimeInstaller(cache.Path, fetcher);

        var e = Assert.Throws<UserInputException>(() => installer.EnsureFlavour(RuntimeFlavour.Cpu));

        Assert.Contains("npm could not fetch @node-llama-cpp/", e.Message);
        Assert.Contains("connect to the npm registry once", e.Fix);
    }

    [Fact]
    public void A_tarball_that_does_not_match_the_pinned_hash_is_rejected()
    {
        using var dir = TestPaths.NewTempDirectory();
        var tarball = dir.File("fake.tgz");
        File.WriteAllText(tarball, "not the real package");

        var e = Assert.Throws<UserInputException>(() => NpmPackageFetcher.VerifyIntegrity(NativeRuntimeCatalog.LinuxX64Cpu, tarball));

        Assert.Contains("does not match its pinned hash", e.Message);
    }

    [Fact]
    public void Cuda_without_a_driver_is_refused_with_the_fix()
    {
        var e = Assert.Throws<UserInputException>(() =>
            NativeRuntime.ChooseFlavour(DeviceChoice.Cuda, new CudaProbe(HasDriver: false, HasRuntime13: false, HasRuntime12: false)));

        Assert.Contains("no NVIDIA driver", e.Message);
        Assert.Contains("--device cpu", e.Fix);
    }

    [Fact]
    public void Cuda_without_a_runtime_names_the_libraries_to_install()
    {
        var e = Assert.Throws<UserInputException>(() =>
            NativeRuntime.ChooseFlavour(DeviceChoice.Cuda, new CudaProbe(HasDriver: true, HasRuntime13: false, HasRuntime12: false)));

        Assert.Contains("no CUDA runtime", e.Message);
        Assert.Contains("libcudart.so.13", e.Fix);
    }

    [Theory]
    [InlineData(DeviceChoice.Auto, true, true, false, RuntimeFlavour.Cuda)]
    [InlineData(DeviceChoice.Auto, true, false, true, RuntimeFlavour.Cuda12)]
    [InlineData(DeviceChoice.Auto, true, false, false, RuntimeFlavour.Cpu)]
    [InlineData(DeviceChoice.Auto, false, true, true, RuntimeFlavour.Cpu)]
    [InlineData(DeviceChoice.Cuda, true, false, true, RuntimeFlavour.Cuda12)]
    [InlineData(DeviceChoice.Cpu, true, true, true, RuntimeFlavour.Cpu)]
    public void Flavour_is_cuda13_then_cuda12_then_cpu(DeviceChoice device, bool driver, bool cuda13, bool cuda12, RuntimeFlavour expected)
    {
        if (NativeRuntimeCatalog.CudaPackage() is null && expected != RuntimeFlavour.Cpu)
        {
            Assert.Skip("no CUDA build exists for this platform");
        }

        Assert.Equal(expected, NativeRuntime.ChooseFlavour(device, new CudaProbe(driver, cuda13, cuda12)));
    }

    [Fact]
    public void A_llama_dir_without_libraries_is_a_clear_error()
    {
        using var dir = TestPaths.NewTempDirectory();

        var e = Assert.Throws<UserInputException>(() => NativeLibraryFiles.Find(dir.Path));

        Assert.Contains("no ggml-base library", e.Message);
        Assert.Contains("EVALHARNESS_LLAMA_DIR", e.Fix);
    }

    [Fact]
    public void Library_names_of_every_build_are_recognised()
    {
        using var dir = TestPaths.NewTempDirectory();
        foreach (var name in new[] { "libggml-base.so", "libggml.cuda.v0.5.0.so", "libllama.cuda.v0.5.0.so", "libllama-common.so", "libggml-cpu-haswell.so" })
        {
            File.WriteAllText(dir.File(name), "");
        }

        var files = NativeLibraryFiles.Find(dir.Path);

        Assert.Equal("libggml-base.so", Path.GetFileName(files.GgmlBase));
        Assert.Equal("libggml.cuda.v0.5.0.so", Path.GetFileName(files.Ggml));
        Assert.Equal("libllama.cuda.v0.5.0.so", Path.GetFileName(files.Llama));
    }
}
