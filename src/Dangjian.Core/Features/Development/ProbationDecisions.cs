using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// 《细则》第三十三条: a 预备党员 who needs more education has the probation extended, once, by 6 to 12 months; the new end
/// moves every 转正 deadline with it.
/// </summary>
public sealed record ExtendProbationCommand(long CandidateId, DateOnly On, int Months, string? Reason);

public sealed class ExtendProbationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(ExtendProbationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, command.CandidateId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var c = loaded.Value;
        var error = DevelopmentRules.CheckProbationary(c) ?? DevelopmentRules.CheckExtension(c.ExtensionMonths is not null, command.Months)
            ?? ProbationDecision.CheckDate(c, command.On, clock.Today());
        if (error is not null) return error;
        var reason = CandidateRules.Blank(command.Reason);
        if (reason is null) return DevelopmentErrors.DecisionReasonRequired;
        c.Extend(command.Months, command.On);
        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>
/// 《细则》第三十三条: 取消预备党员资格. The member record leaves the Party (出党, <see cref="ExitType.Disqualified"/>) on the
/// decision date and their placement closes; the candidate's path ends.
/// </summary>
public sealed record CancelProbationCommand(long CandidateId, DateOnly On, string? Reason);

public sealed class CancelProbationHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(CancelProbationCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, command.CandidateId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var c = loaded.Value;
        var error = DevelopmentRules.CheckProbationary(c) ?? ProbationDecision.CheckDate(c, command.On, clock.Today());
        if (error is not null) return error;
        var reason = CandidateRules.Blank(command.Reason);
        if (reason is null) return DevelopmentErrors.DecisionReasonRequired;
        if (reason.Length > 500) return DevelopmentErrors.TextTooLong("原因", 500);

        c.Cancel(command.On, reason);
        if (c.MemberId is long memberId)
        {
            var member = await db.Set<Member>().SingleAsync(m => m.Id == memberId, ct);
            var closed = await MemberPlacements.CloseAsync(db, memberId, command.On, ct);
            if (!closed.IsSuccess) return closed.FirstError;
            member.ChangeStatus(MembershipStatus.Left, command.On, null, ExitType.Disqualified, reason);
        }

        db.AuditReason = reason;
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

internal static class ProbationDecision
{
    public static Error? CheckDate(Candidate c, DateOnly on, DateOnly today) =>
        on > today ? DevelopmentErrors.DecisionInFuture : on < c.AdmittedOn ? DevelopmentErrors.DecisionBeforeVote : null;
}
