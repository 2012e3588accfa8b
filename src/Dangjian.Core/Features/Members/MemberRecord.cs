using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Members;

/// <summary>The repeatable parts of a member file (issue 3 §1): one table, told apart by <see cref="MemberRecord.Kind"/>.</summary>
public enum MemberRecordKind
{
    /// <summary>奖惩: Title = 名称, Type = 奖励/处分, Level = 级别, FromDate = 日期.</summary>
    RewardPunishment,

    /// <summary>职务: Title = 职务, Detail = 单位, FromDate–ToDate = 任职期间.</summary>
    Position,

    /// <summary>出国出境: Title = 国家或地区, Type = 事由, FromDate–ToDate.</summary>
    AbroadTrip,

    /// <summary>困难情况: Type = 困难类型, Level = 困难程度, Detail = 说明.</summary>
    Hardship,

    /// <summary>家庭成员: Title = 姓名, Relation = 称谓, Detail = 工作单位及职务.</summary>
    FamilyMember,
}

public static class MemberRecordKinds
{
    public static string Label(this MemberRecordKind kind) => kind switch
    {
        MemberRecordKind.RewardPunishment => "奖惩情况",
        MemberRecordKind.Position => "职务经历",
        MemberRecordKind.AbroadTrip => "出国出境",
        MemberRecordKind.Hardship => "困难情况",
        _ => "家庭成员",
    };

    /// <summary>What the Title column means for this kind, as the form labels it.</summary>
    public static string TitleLabel(this MemberRecordKind kind) => kind switch
    {
        MemberRecordKind.RewardPunishment => "奖惩名称",
        MemberRecordKind.Position => "职务",
        MemberRecordKind.AbroadTrip => "国家或地区",
        MemberRecordKind.Hardship => "困难概况",
        _ => "姓名",
    };
}

/// <summary>One row of a member's repeatable records.</summary>
public sealed class MemberRecord
{
    public const int TitleMaxLength = 100;
    public const int DetailMaxLength = 500;
    public const int ShortMaxLength = 50;

    private MemberRecord()
    {
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public MemberRecordKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string? Detail { get; private set; }
    public DateOnly? FromDate { get; private set; }
    public DateOnly? ToDate { get; private set; }
    public string? Level { get; private set; }
    public string? Type { get; private set; }
    public string? Relation { get; private set; }

    internal static MemberRecord Create(long memberId, MemberRecordFields f) => new()
    {
        MemberId = memberId, Kind = f.Kind, Title = f.Title, Detail = f.Detail, FromDate = f.FromDate, ToDate = f.ToDate,
        Level = f.Level, Type = f.Type, Relation = f.Relation,
    };
}

public sealed record MemberRecordInput
{
    public MemberRecordKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public DateOnly? FromDate { get; init; }
    public DateOnly? ToDate { get; init; }
    public string? Level { get; init; }
    public string? Type { get; init; }
    public string? Relation { get; init; }
}

public sealed record MemberRecordFields(
    MemberRecordKind Kind, string Title, string? Detail, DateOnly? FromDate, DateOnly? ToDate, string? Level, string? Type, string? Relation);

public static class MemberRecordRules
{
    public static Result<MemberRecordFields> Validate(MemberRecordInput input)
    {
        var errors = new List<Error>();
        if (input.Kind is not MemberRecordKind kind || !Enum.IsDefined(kind))
        {
            errors.Add(Error.Validation("member_record.kind", "请选择记录类别", "Kind"));
            kind = default;
        }

        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0 && input.Kind is MemberRecordKind k) errors.Add(Error.Validation("member_record.title_required", $"请填写{k.TitleLabel()}", "Title"));
        else if (title.Length == 0) errors.Add(Error.Validation("member_record.title_required", "请填写名称", "Title"));
        else if (title.Length > MemberRecord.TitleMaxLength) errors.Add(Error.Validation("member_record.title_long", $"名称不能超过 {MemberRecord.TitleMaxLength} 个字", "Title"));
        if (input.Detail?.Trim().Length > MemberRecord.DetailMaxLength) errors.Add(Error.Validation("member_record.detail_long", $"说明不能超过 {MemberRecord.DetailMaxLength} 个字", "Detail"));
        foreach (var (value, field, label) in new[] { (input.Level, "Level", "级别"), (input.Type, "Type", "类型"), (input.Relation, "Relation", "称谓") })
        {
            if (value?.Trim().Length > MemberRecord.ShortMaxLength) errors.Add(Error.Validation("member_record.too_long", $"{label}不能超过 {MemberRecord.ShortMaxLength} 个字", field));
        }

        if (input.FromDate is DateOnly from && input.ToDate is DateOnly to && to < from)
        {
            errors.Add(Error.Validation("member_record.date_order", "结束日期不能早于开始日期", "ToDate"));
        }

        if (errors.Count > 0) return Result<MemberRecordFields>.Failure(errors);
        return new MemberRecordFields(kind, title, Blank(input.Detail), input.FromDate, input.ToDate, Blank(input.Level), Blank(input.Type), Blank(input.Relation));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class MemberRecordConfiguration : IEntityTypeConfiguration<MemberRecord>
{
    public void Configure(EntityTypeBuilder<MemberRecord> builder)
    {
        builder.ToTable("MemberRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(MemberRecord.TitleMaxLength).IsRequired();
        builder.Property(r => r.Detail).HasMaxLength(MemberRecord.DetailMaxLength);
        builder.Property(r => r.Level).HasMaxLength(MemberRecord.ShortMaxLength);
        builder.Property(r => r.Type).HasMaxLength(MemberRecord.ShortMaxLength);
        builder.Property(r => r.Relation).HasMaxLength(MemberRecord.ShortMaxLength);
        builder.HasIndex(r => new { r.MemberId, r.Kind });
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record AddMemberRecordCommand(long MemberId, MemberRecordInput Input);

public sealed class AddMemberRecordHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(AddMemberRecordCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct);
        if (!member.IsSuccess) return member.FirstError;
        var fields = MemberRecordRules.Validate(command.Input);
        if (!fields.IsSuccess) return Result<long>.Failure(fields.Errors);
        var record = MemberRecord.Create(command.MemberId, fields.Value);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}

public sealed record RemoveMemberRecordCommand(long MemberId, long RecordId);

public sealed class RemoveMemberRecordHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(RemoveMemberRecordCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct);
        if (!member.IsSuccess) return member.FirstError;
        var record = await db.Set<MemberRecord>().SingleOrDefaultAsync(r => r.Id == command.RecordId && r.MemberId == command.MemberId, ct);
        if (record is null) return Error.NotFound("member_record.not_found", $"记录（编号 {command.RecordId}）不存在");
        db.Remove(record);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
