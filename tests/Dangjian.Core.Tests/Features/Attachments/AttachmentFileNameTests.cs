using Dangjian.Core.Features.Attachments;

namespace Dangjian.Core.Tests.Features.Attachments;

public sealed class AttachmentFileNameTests
{
    [Theory]
    [InlineData("2026年第三季度支部党员大会会议记录.docx", "2026年第三季度支部党员大会会议记录.docx")]
    [InlineData("  会议照片 (1).jpg  ", "会议照片 (1).jpg")]
    [InlineData("photo.jpg. . ", "photo.jpg")]
    [InlineData("《学习材料》——第1篇…….pdf", "《学习材料》——第1篇…….pdf")]
    public void Clean_OrdinaryName_KeepsItTrimmed(string raw, string expected)
    {
        var result = AttachmentFileName.Clean(raw);

        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        result.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg")]
    [InlineData("..\\..\\web.config.jpg")]
    [InlineData("a/b.jpg")]
    [InlineData("C:\\Users\\张三\\照片.jpg")]
    [InlineData("..")]
    [InlineData("照片..jpg")]
    public void Clean_NameWithPathOrDotDot_IsRefused(string raw) =>
        AttachmentFileName.Clean(raw).FirstError.Code.ShouldBe("attachment.name_has_path");

    [Theory]
    [InlineData("照片\u0000.jpg")]
    [InlineData("照片\n.jpg")]
    [InlineData("照片\u202Egpj.exe")]
    [InlineData("照片\u2066.jpg")]
    [InlineData("照片:stream.jpg")]
    [InlineData("照片?.jpg")]
    [InlineData("\"照片\".jpg")]
    public void Clean_NameWithControlOrReservedCharacters_IsRefused(string raw) =>
        AttachmentFileName.Clean(raw).FirstError.Code.ShouldBe("attachment.name_bad_characters");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" . ")]
    public void Clean_NoName_AsksForAFile(string? raw) =>
        AttachmentFileName.Clean(raw).FirstError.Code.ShouldBe("attachment.file_required");

    [Fact]
    public void Clean_LengthLimit_IsInclusive()
    {
        var atLimit = new string('党', Attachment.FileNameMaxLength - 4) + ".pdf";
        AttachmentFileName.Clean(atLimit).IsSuccess.ShouldBeTrue();

        AttachmentFileName.Clean("党" + atLimit).FirstError.Code.ShouldBe("attachment.name_too_long");
    }

    [Fact]
    public void Clean_DecomposedName_IsStoredComposed() =>
        AttachmentFileName.Clean("Cafe\u0301.pdf").Value.ShouldBe("Caf\u00E9.pdf");
}
