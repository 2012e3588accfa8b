using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>
/// Changes the 党籍 status: 停止党籍 (Suspended), 留党察看 (with its end date), 恢复党籍 (back to Normal), 出党 (Left, with
/// its type, date and reason). A member who leaves is never deleted: the placement closes on the exit date, so
/// statistics before that date still count them.
/// </summary>
public sealed record ChangeMemberStatusCommand(long MemberId, MembershipStatus Status, DateOnly? On, DateOnly? ProbationEndsOn, ExitType? ExitType, string? Reason);

/// <summary>
/// Status rules: 《中国共产党纪律处分条例》 Art. 8 (留党察看 lasts one or two years), 党章 Art. 9 (出党), and
/// 《党员教育管理工作条例》 Art. 36 (停止党籍 of members out of contact, 恢复党籍 after review).
/// </summary>
public static class MemberStatusRules
{
    public const int MaxProbationPunishmentYears = 2;

    public static Result<Done> Validate(Member member, ChangeMemberStatusCommand command, DateOnly today)
    {
        var errors = new List<Error>();
        var allowed = (member.Status, command.Status) switch
        {
            (MembershipStatus.Normal, MembershipStatus.Suspended) => true,
            (MembershipStatus.Normal, MembershipStatus.OnProbationPunishment) => true,
            (MembershipStatus.Suspended or MembershipStatus.OnProbationPunishment, MembershipStatus.Normal) => true,
            (not MembershipStatus.Left, MembershipStatus.Left) => true,
            _ => false,
        };
        if (!allowed) return MemberErrors.StatusTransitionNotAllowed(member.Status, command.Status);
        if (command.On is not DateOnly on) errors.Add(MemberErrors.StatusDateRequired);
        else if (on > today) errors.Add(MemberErrors.StatusDateInFuture);
        else if (on < member.AdmittedOn) errors.Add(MemberErrors.StatusDateBeforeAdmission);
        var reason = command.Reason?.Trim();
        if (reason?.Length > 500) errors.Add(MemberErrors.StatusReasonTooLong);
        if (command.Status == MembershipStatus.Left)
        {
            if (command.ExitType is null) errors.Add(MemberErrors.ExitTypeRequired);
            else if (command.ExitType == ExitType.Disqualified) errors.Add(MemberErrors.DisqualifiedThroughPipeline);
            if (string.IsNullOrEmpty(reason)) errors.Add(MemberErrors.StatusReasonRequired);
        }

        if (command.Status == MembershipStatus.OnProbationPunishment)
        {
            if (command.ProbationEndsOn is not DateOnly end) errors.Add(MemberErrors.ProbationEndRequired);
            else if (command.On is DateOnly start && (end <= start || end > start.AddYears(MaxProbationPunishmentYears))) errors.Add(MemberErrors.ProbationEndOutOfRange);
        }

        return errors.Count > 0 ? Result<Done>.Failure(errors) : Done.Value;
    }
}

public sealed class ChangeMemberStatusHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(ChangeMemberStatusCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var member = loaded.Value.Member;
        if (member.TransferredOutOn is not null) return MemberErrors.NotActive;
        var valid = MemberStatusRules.Validate(member, command, clock.Today());
        if (!valid.IsSuccess) return valid;

        var on = command.On!.Value;
        if (command.Status == MembershipStatus.Left)
        {
            var closed = await MemberPlacements.CloseAsync(db, member.Id, on, ct);
            if (!closed.IsSuccess) return closed.FirstError;
        }

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        member.ChangeStatus(command.Status, on, command.ProbationEndsOn, command.ExitType, reason);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
