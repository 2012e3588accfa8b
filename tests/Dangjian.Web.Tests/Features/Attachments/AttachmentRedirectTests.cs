using Dangjian.Core.Features.Attachments;
using Dangjian.Web.Features.Attachments;

namespace Dangjian.Web.Tests.Features.Attachments;

/// <summary>The page endpoints' plain rules: where a form may send the user back to, and where the store may not be.</summary>
public sealed class AttachmentRedirectTests
{
    [Theory]
    [InlineData("/meetings/5", "/meetings/5")]
    [InlineData("/meetings/5?tab=files", "/meetings/5?tab=files")]
    [InlineData("/", "/")]
    [InlineData("https://evil.example/", null)]
    [InlineData("//evil.example/", null)]
    [InlineData("/\\evil.example/", null)]
    [InlineData("meetings/5", null)]
    [InlineData("/meetings/5\r\nSet-Cookie: x=1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void LocalOrNull_OnlyPathsOnThisSite(string? url, string? expected) =>
        AttachmentEndpoints.LocalOrNull(url).ShouldBe(expected);

    [Theory]
    [InlineData("/meetings/5", "added", null, "/meetings/5?attachments=added#attachments")]
    [InlineData("/meetings/5?tab=files#top", null, "attachment.too_large", "/meetings/5?tab=files&attachmentError=attachment.too_large#attachments")]
    [InlineData("/meetings/5?attachments=added&attachmentError=expired&x=1", "removed", null, "/meetings/5?x=1&attachments=removed#attachments")]
    [InlineData("/meetings/5?q=%E4%BC%9A%E8%AE%AE", "added", null, "/meetings/5?q=%E4%BC%9A%E8%AE%AE&attachments=added#attachments")]
    public void WithOutcome_ReplacesEarlierOutcomeAndAddsTheAnchor(string url, string? status, string? error, string expected) =>
        AttachmentEndpoints.WithOutcome(url, status, error).ShouldBe(expected);

    [Fact]
    public void EnsureOutsideWebRoot_StoreInsideOrAroundWwwroot_RefusesToStart()
    {
        var app = Path.Combine(Path.GetTempPath(), "dangjian-app");
        var webRoot = Path.Combine(app, "wwwroot");

        Should.Throw<InvalidOperationException>(() => AttachmentEndpoints.EnsureOutsideWebRoot(new AttachmentStoreSettings(Path.Combine(webRoot, "files"), 1), webRoot))
            .Message.ShouldContain("不能位于 wwwroot 之内");
        Should.Throw<InvalidOperationException>(() => AttachmentEndpoints.EnsureOutsideWebRoot(new AttachmentStoreSettings(webRoot, 1), webRoot));
        Should.Throw<InvalidOperationException>(() => AttachmentEndpoints.EnsureOutsideWebRoot(new AttachmentStoreSettings(app, 1), webRoot));
        AttachmentEndpoints.EnsureOutsideWebRoot(new AttachmentStoreSettings(Path.Combine(app, "data", "attachments"), 1), webRoot);
        AttachmentEndpoints.EnsureOutsideWebRoot(new AttachmentStoreSettings(Path.Combine(app, "wwwroot-files"), 1), webRoot);
    }
}
