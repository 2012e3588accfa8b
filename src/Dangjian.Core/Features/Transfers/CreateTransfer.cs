using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Transfers;

/// <summary>
/// The sending branch issues a 介绍信 to another branch in the system. The transfer stays Pending, and the member stays
/// in the sending branch, until the receiving branch accepts (domain.md §7: the sender is responsible until then).
/// The receiving branch may lie outside the sender's scope.
/// </summary>
public sealed record CreateInternalTransferCommand(long MemberId, long ToOrganizationId, TransferLetterInput Letter);

public sealed class CreateInternalTransferHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateInternalTransferCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var member = loaded.Value.Member;
        if (member.HasLeft || member.TransferredOutOn is not null) return TransferErrors.MemberNotActive;

        var errors = new List<Error>();
        var letter = TransferRules.Validate(command.Letter, clock.Today());
        if (!letter.IsSuccess) errors.AddRange(letter.Errors);
        var target = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.ToOrganizationId, ct);
        if (target is null) errors.Add(TransferErrors.TargetNotFound(command.ToOrganizationId));
        else if (!target.Kind.IsBranch()) errors.Add(TransferErrors.TargetNotBranch(target.Name));
        else if (target.IsDissolved) errors.Add(TransferErrors.TargetDissolved(target.Name));
        else if (target.Id == member.OrganizationId) errors.Add(TransferErrors.SameBranch);
        if (errors.Count > 0) return Result<long>.Failure(errors);
        if (await TransferQueries.HasPendingAsync(db, member.Id, ct)) return TransferErrors.AlreadyPending;

        var transfer = Transfer.Create(member.Id, TransferKind.Internal, TransferStatus.Pending, member.OrganizationId, target!.Id, null,
            await TransferQueries.WithDuesPaidUpToAsync(db, member.Id, letter.Value, ct));
        db.Add(transfer);
        await db.SaveChangesAsync(ct);
        return transfer.Id;
    }
}

/// <summary>
/// The sending branch issues a 介绍信 to a 党组织 outside the system. The member leaves the roster on the issue date
/// (placement closed, <see cref="Member.TransferredOutOn"/> set, 党籍 still Normal); the transfer stays Pending until
/// the 回执 is recorded, and an overdue 回执 is a reminder.
/// </summary>
public sealed record CreateOutOfSystemTransferCommand(long MemberId, string? ToOrganizationName, TransferLetterInput Letter);

public sealed class CreateOutOfSystemTransferHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CreateOutOfSystemTransferCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var member = loaded.Value.Member;
        if (member.HasLeft || member.TransferredOutOn is not null) return TransferErrors.MemberNotActive;

        var errors = new List<Error>();
        var letter = TransferRules.Validate(command.Letter, clock.Today());
        if (!letter.IsSuccess) errors.AddRange(letter.Errors);
        var name = TransferRules.ExternalName(command.ToOrganizationName);
        if (!name.IsSuccess) errors.AddRange(name.Errors);
        if (errors.Count > 0) return Result<long>.Failure(errors);
        if (await TransferQueries.HasPendingAsync(db, member.Id, ct)) return TransferErrors.AlreadyPending;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var closed = await MemberPlacements.CloseAsync(db, member.Id, letter.Value.IssuedOn, ct);
        if (!closed.IsSuccess) return closed.FirstError;
        member.MarkTransferredOut(letter.Value.IssuedOn);
        var transfer = Transfer.Create(member.Id, TransferKind.OutOfSystem, TransferStatus.Pending, member.OrganizationId, null, name.Value,
            await TransferQueries.WithDuesPaidUpToAsync(db, member.Id, letter.Value, ct));
        db.Add(transfer);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return transfer.Id;
    }
}

/// <summary>
/// A member arrives with a 介绍信 from outside the system: the member is created in the receiving branch (through
/// <see cref="CreateMemberHandler"/>, with every member rule) from the arrival date, and the letter is kept.
/// </summary>
public sealed record ReceiveTransferFromOutsideCommand(long ToOrganizationId, long? ToGroupId, MemberInput Member, string? FromOrganizationName, TransferLetterInput Letter, DateOnly? ArrivedOn);

public sealed class ReceiveTransferFromOutsideHandler(IDbContextFactory<DangjianDbContext> dbFactory, CreateMemberHandler createMember, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(ReceiveTransferFromOutsideCommand command, AccessScope scope, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new List<Error>();
        var letter = TransferRules.Validate(command.Letter, today);
        if (!letter.IsSuccess) errors.AddRange(letter.Errors);
        var name = TransferRules.ExternalName(command.FromOrganizationName);
        if (!name.IsSuccess) errors.AddRange(name.Errors);
        var arrived = command.ArrivedOn ?? today;
        if (arrived > today) errors.Add(TransferErrors.DecisionInFuture);
        else if (letter.IsSuccess && arrived < letter.Value.IssuedOn) errors.Add(TransferErrors.DecisionBeforeIssue);
        if (errors.Count > 0) return Result<long>.Failure(errors);

        var created = await createMember.HandleAsync(new CreateMemberCommand(command.ToOrganizationId, command.ToGroupId, command.Member, arrived), scope, ct);
        if (!created.IsSuccess) return created;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transfer = Transfer.Create(created.Value, TransferKind.InFromOutside, TransferStatus.Completed, null, command.ToOrganizationId, name.Value, letter.Value);
        transfer.Decide(TransferStatus.Completed, arrived, null);
        db.Add(transfer);
        await db.SaveChangesAsync(ct);
        return created.Value;
    }
}

internal static class TransferQueries
{
    public static Task<bool> HasPendingAsync(DangjianDbContext db, long memberId, CancellationToken ct) =>
        db.Set<Transfer>().AnyAsync(t => t.MemberId == memberId && t.Status == TransferStatus.Pending && t.Kind == TransferKind.Internal, ct);

    /// <summary>A letter left without "党费交至" takes the month from the dues ledger (issue 5); one the user typed is kept as written.</summary>
    public static async Task<TransferLetter> WithDuesPaidUpToAsync(DangjianDbContext db, long memberId, TransferLetter letter, CancellationToken ct) =>
        letter.DuesPaidUpTo is not null ? letter : letter with { DuesPaidUpTo = await Dues.DuesPaidUpTo.ForMemberAsync(db, memberId, ct) };
}
