using EvalHarness.Core.Models;

namespace EvalHarness.Core.Tests.Models;

public class HubFileReferenceTests
{
    [Fact]
    public void A_plain_reference_reads_owner_repository_file_and_defaults_to_main()
    {
        var reference = HubFileReference.Parse("hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q8_0.gguf");

        Assert.Equal("Qwen", reference.Owner);
        Assert.Equal("Qwen2.5-0.5B-Instruct-GGUF", reference.Repository);
        Assert.Equal("main", reference.Revision);
        Assert.Equal("qwen2.5-0.5b-instruct-q8_0.gguf", reference.FilePath);
        Assert.Equal("hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q8_0.gguf", reference.ToString());
    }

    [Fact]
    public void A_revision_after_the_repository_and_a_nested_path_are_kept()
    {
        var reference = HubFileReference.Parse("hf:owner/repo@0123abc/sub dir/model Q8.gguf");

        Assert.Equal("0123abc", reference.Revision);
        Assert.Equal("sub dir/model Q8.gguf", reference.FilePath);
        Assert.Equal("model Q8.gguf", reference.FileName);
        Assert.Equal("https://hub.test/owner/repo/resolve/0123abc/sub%20dir/model%20Q8.gguf", reference.DownloadUrl("https://hub.test/"));
        Assert.Equal(Path.Combine("/cache", "owner", "repo", "0123abc", "sub dir", "model Q8.gguf"), reference.CachePath("/cache"));
        Assert.Equal("hf:owner/repo@0123abc/sub dir/model Q8.gguf", reference.ToString());
    }

    [Theory]
    [InlineData("hf:owner/repo")]
    [InlineData("hf:owner//file.gguf")]
    [InlineData("hf:owner/repo@/file.gguf")]
    [InlineData("hf:owner/repo/../../etc/passwd")]
    [InlineData("hf:../repo/file.gguf")]
    [InlineData("hf:owner/repo/./file.gguf")]
    [InlineData("hf:owner/re:po/file.gguf")]
    public void References_that_are_incomplete_or_could_leave_the_cache_are_refused(string text)
    {
        var error = Assert.Throws<UserInputException>(() => HubFileReference.Parse(text));
        Assert.Contains("hf:owner/repo", error.Fix);
    }
}
