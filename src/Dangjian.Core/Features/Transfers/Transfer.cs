using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Transfers;

/// <summary>组织关系转接的方向：系统内、转出系统外、从系统外转入.</summary>
public enum TransferKind
{
    Internal,
    OutOfSystem,
    InFromOutside,
}

/// <summary>
/// Internal: Pending until the receiving branch accepts (or rejects), or the sender cancels.
/// OutOfSystem: Pending until the 回执 comes back, then Completed. InFromOutside: Completed when recorded.
/// </summary>
public enum TransferStatus
{
    Pending,
    Accepted,
    Rejected,
    Cancelled,
    Completed,
}

public static class TransferLabels
{
    public static string Label(this TransferKind kind) => kind switch
    {
        TransferKind.Internal => "系统内转接",
        TransferKind.OutOfSystem => "转出系统外",
        _ => "从系统外转入",
    };

    public static string Label(this TransferStatus status) => status switch
    {
        TransferStatus.Pending => "待接收",
        TransferStatus.Accepted => "已接收",
        TransferStatus.Rejected => "已退回",
        TransferStatus.Cancelled => "已撤回",
        _ => "已完成",
    };

    /// <summary>An out-of-system transfer waits for the 回执, not for a receiving branch.</summary>
    public static string LabelFor(this TransferStatus status, TransferKind kind) =>
        kind == TransferKind.OutOfSystem && status == TransferStatus.Pending ? "待回执" : status.Label();
}

/// <summary>
/// One 组织关系转接 with its 介绍信 (domain.md §7). Until the receiving organization confirms, the sending one stays
/// responsible: the member's placement changes only when an internal transfer is accepted.
/// </summary>
public sealed class Transfer
{
    public const int LetterNumberMaxLength = 50;
    public const int ReasonMaxLength = 500;
    public const int ExternalNameMaxLength = 100;

    private Transfer()
    {
    }

    public long Id { get; private set; }
    public long MemberId { get; private set; }
    public TransferKind Kind { get; private set; }
    public TransferStatus Status { get; private set; }

    /// <summary>The sending branch in the system; null when the member came from outside.</summary>
    public long? FromOrganizationId { get; private set; }

    /// <summary>The receiving branch in the system; null when the member left the system.</summary>
    public long? ToOrganizationId { get; private set; }

    /// <summary>The 党组织 outside the system: where the member went, or where they came from.</summary>
    public string? ExternalOrganizationName { get; private set; }

    /// <summary>介绍信编号.</summary>
    public string? LetterNumber { get; private set; }

    public DateOnly IssuedOn { get; private set; }
    public int ValidDays { get; private set; }

    /// <summary>党费缴纳至 (the first day of that month).</summary>
    public DateOnly? DuesPaidUpTo { get; private set; }

    /// <summary>回执 returned on.</summary>
    public DateOnly? ReceiptReturnedOn { get; private set; }

    public string? Reason { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>The last day the letter is valid (IssuedOn + ValidDays − 1); stored so that overdue 回执 are one indexed range.</summary>
    public DateOnly ExpiresOn { get; private set; }

    internal static Transfer Create(long memberId, TransferKind kind, TransferStatus status, long? from, long? to, string? externalName, TransferLetter letter) => new()
    {
        MemberId = memberId,
        Kind = kind,
        Status = status,
        FromOrganizationId = from,
        ToOrganizationId = to,
        ExternalOrganizationName = externalName,
        LetterNumber = letter.LetterNumber,
        IssuedOn = letter.IssuedOn,
        ValidDays = letter.ValidDays,
        ExpiresOn = letter.IssuedOn.AddDays(letter.ValidDays - 1),
        DuesPaidUpTo = letter.DuesPaidUpTo,
        Reason = letter.Reason,
    };

    internal void Decide(TransferStatus status, DateOnly on, string? note)
    {
        Status = status;
        DecidedOn = on;
        DecisionNote = note;
    }

    internal void ReceiptReturned(DateOnly on)
    {
        ReceiptReturnedOn = on;
        Status = TransferStatus.Completed;
        DecidedOn = on;
    }
}

/// <summary>The validated 介绍信 data.</summary>
public sealed record TransferLetter(string? LetterNumber, DateOnly IssuedOn, int ValidDays, DateOnly? DuesPaidUpTo, string? Reason);

public sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("Transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(t => t.ExternalOrganizationName).HasMaxLength(Transfer.ExternalNameMaxLength);
        builder.Property(t => t.LetterNumber).HasMaxLength(Transfer.LetterNumberMaxLength);
        builder.Property(t => t.Reason).HasMaxLength(Transfer.ReasonMaxLength);
        builder.Property(t => t.DecisionNote).HasMaxLength(Transfer.ReasonMaxLength);
        builder.HasIndex(t => new { t.Status, t.ExpiresOn });
        builder.HasIndex(t => t.MemberId);
        builder.HasIndex(t => t.FromOrganizationId);
        builder.HasIndex(t => t.ToOrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.FromOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
