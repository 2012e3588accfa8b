using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;

namespace Dangjian.Core.Features.Attachments;

public static class AttachmentErrors
{
    public const string FileField = "File";

    public static Error OwnerKindRequired => Error.Validation("attachment.owner_kind_required", "请指明附件所属的记录类型", "OwnerKind");
    public static Error OwnerKindUnknown(string kind) => Error.Validation("attachment.owner_kind_unknown", $"不支持的附件归属类型“{kind}”", "OwnerKind");
    public static Error OwnerIdRequired => Error.Validation("attachment.owner_id_required", "请指明附件所属的记录", "OwnerId");
    public static Error OwnerNotFound => Error.NotFound("attachment.owner_not_found", "附件所属的记录不存在或不在您的管理范围内");
    public static Error NotFound(long id) => Error.NotFound("attachment.not_found", $"附件（编号 {id}）不存在或不在您的管理范围内");
    public static Error FileMissing(long id) => Error.NotFound("attachment.file_missing", $"附件（编号 {id}）的文件已丢失，请联系管理员从备份恢复");

    public static Error FileRequired => Error.Validation("attachment.file_required", "请选择要上传的文件", FileField);
    public static Error Empty => Error.Validation("attachment.empty", "文件是空的，请重新选择", FileField);
    public static Error TooLarge(int maxMegabytes) => Error.Validation("attachment.too_large", $"文件不能超过 {maxMegabytes} MB", FileField);
    public static Error FileNameHasPath => Error.Validation("attachment.name_has_path", "文件名不能包含路径（/、\\ 或 ..）", FileField);
    public static Error FileNameBadCharacters => Error.Validation("attachment.name_bad_characters", "文件名含有不允许的字符（控制字符、方向控制符或 < > : \" | ? *）", FileField);
    public static Error FileNameTooLong => Error.Validation("attachment.name_too_long", $"文件名不能超过 {Attachment.FileNameMaxLength} 个字符", FileField);
    public static Error TypeNotAllowed => Error.Validation("attachment.type_not_allowed", $"文件内容不是允许的类型：只能上传 {AllowedList} 文件", FileField);
    public static Error LegacyOffice => Error.Validation("attachment.legacy_office", "不支持旧版 Office 文件（.doc/.xls/.ppt），请另存为 .docx/.xlsx/.pptx 后上传", FileField);

    public static Error ExtensionMismatch(string extension, AttachmentFileType detected) => Error.Validation(
        "attachment.extension_mismatch",
        $"文件扩展名“{(extension.Length == 0 ? "（无）" : extension)}”与文件内容（{detected.Label}）不符，应为 {string.Join(" 或 ", detected.Extensions)}",
        FileField);

    private static string AllowedList => string.Join("、", AttachmentContent.AllowedExtensions.Select(e => e.TrimStart('.').ToUpperInvariant()).Distinct());

    /// <summary>
    /// The sentence for an error code, for pages that learn of a refused upload through a redirect: the query string carries
    /// only the code, so a crafted link cannot put words of its choosing on our page. Messages with details become their
    /// general form.
    /// </summary>
    public static string? Describe(string? code, AttachmentStoreSettings settings) => code switch
    {
        "attachment.owner_kind_required" => OwnerKindRequired.Message,
        "attachment.owner_kind_unknown" => "不支持的附件归属类型",
        "attachment.owner_id_required" => OwnerIdRequired.Message,
        "attachment.owner_not_found" => OwnerNotFound.Message,
        "attachment.not_found" => "附件不存在或不在您的管理范围内",
        "attachment.file_missing" => "附件的文件已丢失，请联系管理员从备份恢复",
        "attachment.file_required" => FileRequired.Message,
        "attachment.empty" => Empty.Message,
        "attachment.too_large" => TooLarge(settings.MaxMegabytes).Message,
        "attachment.name_has_path" => FileNameHasPath.Message,
        "attachment.name_bad_characters" => FileNameBadCharacters.Message,
        "attachment.name_too_long" => FileNameTooLong.Message,
        "attachment.type_not_allowed" => TypeNotAllowed.Message,
        "attachment.legacy_office" => LegacyOffice.Message,
        "attachment.extension_mismatch" => "文件扩展名与文件内容不符",
        "attachment.bad_form" => "上传内容不完整或格式不正确，请重新选择文件上传",
        "forbidden" => AccessScope.ForbiddenMessage(Permission.Write),
        "expired" => "页面已过期，请刷新后重试",
        _ => null,
    };
}
