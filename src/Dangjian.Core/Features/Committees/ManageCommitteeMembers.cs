using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

/// <summary>Appoints someone to a post: a member of the organization's subtree by id, or a name for someone not on the roster.</summary>
public sealed record AddCommitteeMemberCommand(long OrganizationId, long? MemberId, string? Name, CommitteePost? Post, DateOnly? From);

public sealed class AddCommitteeMemberHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(AddCommitteeMemberCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommitteeAccess.LoadAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        if (organization.IsDissolved) return CommitteeErrors.OrganizationDissolved(organization.Name);

        var errors = new List<Error>();
        var name = command.Name?.Trim() ?? "";
        if (command.MemberId is null && (name.Length == 0 || name.Length > CommitteeMember.NameMaxLength)) errors.Add(CommitteeErrors.NameRequired);
        if (command.Post is null) errors.Add(CommitteeErrors.PostRequired);
        if (command.From is null) errors.Add(CommitteeErrors.FromRequired);
        if (errors.Count > 0) return Result<long>.Failure(errors);

        if (command.MemberId is long memberId)
        {
            var subtree = RecordElectionHandler.OrganizationsUnder(db, organization.Path);
            var member = await db.Set<Member>().AsNoTracking().Where(m => m.Id == memberId && subtree.Contains(m.OrganizationId)).Select(m => new { m.Name }).SingleOrDefaultAsync(ct);
            if (member is null) return CommitteeErrors.CandidateMemberNotFound(memberId);
            name = member.Name;
        }

        if (command.Post == CommitteePost.Secretary)
        {
            var sitting = await db.Set<CommitteeMember>().Where(c => c.OrganizationId == organization.Id && c.Post == CommitteePost.Secretary && c.To == null).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (sitting is not null) return CommitteeErrors.SecretaryTaken(sitting);
        }

        var termId = await db.Set<Term>().Where(t => t.OrganizationId == organization.Id && t.EndedOn == null).OrderByDescending(t => t.Number).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        var seat = CommitteeMember.Appoint(organization.Id, termId, command.MemberId, name, command.Post!.Value, command.From!.Value);
        db.Add(seat);
        await db.SaveChangesAsync(ct);
        return seat.Id;
    }
}

/// <summary>Records that a committee member left office on a date (the day after their last day).</summary>
public sealed record EndCommitteeMemberCommand(long OrganizationId, long CommitteeMemberId, DateOnly? To);

public sealed class EndCommitteeMemberHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(EndCommitteeMemberCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommitteeAccess.LoadAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var seat = await db.Set<CommitteeMember>().SingleOrDefaultAsync(c => c.Id == command.CommitteeMemberId && c.OrganizationId == command.OrganizationId, ct);
        if (seat is null) return CommitteeErrors.CommitteeMemberNotFound(command.CommitteeMemberId);
        if (seat.To is not null) return CommitteeErrors.AlreadyEnded;
        if (command.To is not DateOnly to) return Error.Validation("committee.to_required", "请填写离任日期", "To");
        if (to < seat.From) return CommitteeErrors.ToBeforeFrom(seat.From);
        seat.End(to);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
