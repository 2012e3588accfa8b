using Dangjian.Core.Common;
using Dangjian.Core.Features.Attachments;

namespace Dangjian.Core.Tests.Features.Attachments;

public sealed class AttachmentContentTests
{
    public static TheoryData<string, string, string> AllowedSamples() => new()
    {
        { "jpeg", "会议照片.jpg", "image/jpeg" },
        { "jpeg", "会议照片.JPEG", "image/jpeg" },
        { "png", "签到表.png", "image/png" },
        { "gif", "动图.gif", "image/gif" },
        { "webp", "手机照片.webp", "image/webp" },
        { "pdf", "会议纪要.pdf", "application/pdf" },
        { "docx", "会议记录.docx", AttachmentContent.Docx.ContentType },
        { "xlsx", "签到表.xlsx", AttachmentContent.Xlsx.ContentType },
        { "pptx", "党课课件.pptx", AttachmentContent.Pptx.ContentType },
    };

    private static byte[] Sample(string name) => name switch
    {
        "jpeg" => AttachmentSamples.Jpeg,
        "png" => AttachmentSamples.Png,
        "gif" => AttachmentSamples.Gif,
        "webp" => AttachmentSamples.Webp,
        "pdf" => AttachmentSamples.Pdf,
        "docx" => AttachmentSamples.Docx,
        "xlsx" => AttachmentSamples.Xlsx,
        "pptx" => AttachmentSamples.Pptx,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Result<AttachmentFileType> Check(byte[] bytes, string fileName) => AttachmentContent.Check(new MemoryStream(bytes), fileName);

    [Theory]
    [MemberData(nameof(AllowedSamples))]
    public void Check_AllowedContentWithItsExtension_IsAccepted(string sample, string fileName, string contentType)
    {
        var result = Check(Sample(sample), fileName);

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        result.Value.ContentType.ShouldBe(contentType);
    }

    [Fact]
    public void Check_ExeRenamedJpg_IsRefusedAsNotAllowed()
    {
        var result = Check(AttachmentSamples.Exe, "会议照片.jpg");

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Code.ShouldBe("attachment.type_not_allowed");
        result.FirstError.Message.ShouldContain("只能上传");
    }

    [Fact]
    public void Check_PngNamedJpg_IsRefusedAsMismatch()
    {
        var result = Check(AttachmentSamples.Png, "照片.jpg");

        result.FirstError.Code.ShouldBe("attachment.extension_mismatch");
        result.FirstError.Message.ShouldBe("文件扩展名“.jpg”与文件内容（PNG 图片）不符，应为 .png");
    }

    [Fact]
    public void Check_PdfWithoutExtension_IsRefusedAsMismatch() =>
        Check(AttachmentSamples.Pdf, "纪要").FirstError.Message.ShouldContain("“（无）”");

    [Fact]
    public void Check_DocxNamedXlsx_IsRefusedAsMismatch() =>
        Check(AttachmentSamples.Docx, "表.xlsx").FirstError.Code.ShouldBe("attachment.extension_mismatch");

    [Fact]
    public void Check_LegacyOfficeCompoundFile_IsRefusedWithSaveAsAdvice()
    {
        var result = Check(AttachmentSamples.Ole2, "记录.doc");

        result.FirstError.Code.ShouldBe("attachment.legacy_office");
        result.FirstError.Message.ShouldContain("另存为 .docx");
    }

    [Fact]
    public void Check_WordWithMacros_IsRefused() =>
        Check(AttachmentSamples.Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "记录.docx").FirstError.Code.ShouldBe("attachment.type_not_allowed");

    [Theory]
    [InlineData("word/document.xml")] // no [Content_Types].xml: a zip with a Word-like folder, not a package
    [InlineData("[Content_Types].xml", "docProps/app.xml")] // a package of no kind we accept
    [InlineData("readme.txt")]
    public void Check_ZipThatIsNotAnOfficeDocument_IsRefused(params string[] entries) =>
        Check(AttachmentSamples.Zip(entries), "压缩包.docx").FirstError.Code.ShouldBe("attachment.type_not_allowed");

    [Fact]
    public void Check_TruncatedZip_IsRefusedWithoutThrowing() =>
        Check(AttachmentSamples.Docx[..40], "记录.docx").FirstError.Code.ShouldBe("attachment.type_not_allowed");

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "图.svg")]
    [InlineData("<html><script>alert(1)</script></html>", "照片.jpg")]
    [InlineData("名单,张三", "名单.csv")]
    [InlineData("RIFF\u0010\0\0\0WAVEfmt ", "录音.webp")] // RIFF, but a WAVE sound, not a WebP picture
    [InlineData("\u00FF\u00D8", "截断.jpg")] // two bytes of a JPEG marker are not a JPEG
    public void Check_OtherContent_IsRefused(string text, string fileName) =>
        Check(System.Text.Encoding.Latin1.GetBytes(text), fileName).FirstError.Code.ShouldBe("attachment.type_not_allowed");

    [Fact]
    public void Detect_ReadsFromTheStart_WhateverThePosition()
    {
        var stream = new MemoryStream(AttachmentSamples.Pdf) { Position = 5 };

        AttachmentContent.Detect(stream).ShouldBe(AttachmentContent.Pdf);
    }
}
