using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development.Documents;

/// <summary>A person the page offers for a 公示, with the dates that tell the secretary which one it is.</summary>
public sealed record DocumentCandidate(
    long Id, string Name, string BranchName, DateOnly ApplicationDate, DateOnly? ActivistOn, DateOnly? VotedOn, DateOnly? ProbationEndsOn,
    DateOnly? TargetOn = null);

/// <summary>
/// The people a 公示 may include, the 公示 length the organization's setting asks for, and the last year the holiday calendar
/// holds (null when empty): a 公示 in a later year is counted on the bare week, which the page warns about.
/// </summary>
public sealed record DocumentCandidates(IReadOnlyList<DocumentCandidate> People, int NoticeWorkingDays, int? LastHolidayYear = null);

/// <summary>
/// Who may go on a 公示 of <see cref="Kind"/> in the organization's subtree, as the notice queries check it: activists for the
/// 拟确定发展对象 公示, 发展对象 not yet voted on for the 拟接收预备党员 公示, 预备党员 not yet voted on for the 转正 公示. The reports take a period instead and list nobody here.
/// </summary>
public sealed record ListDocumentCandidatesQuery(long? OrganizationId, DevelopmentDocumentKind Kind);

public sealed class ListDocumentCandidatesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<DocumentCandidates>> HandleAsync(ListDocumentCandidatesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await DevelopmentDocumentSources.OrganizationAsync(db, query.OrganizationId, scope, ct);
        if (!org.IsSuccess) return org.FirstError;
        var policy = await CandidateAccess.PolicyAsync(db, org.Value.Id, ct);
        if (!query.Kind.IsNotice()) return new DocumentCandidates([], policy.NoticeWorkingDays);
        var lastHolidayYear = await db.Set<HolidayDay>().MaxAsync(d => (int?)d.NoticeYear, ct);

        var today = clock.Today();
        var purpose = query.Kind.TargetPurpose();
        var rows = await DevelopmentDocumentSources.CandidatesAsync(db, org.Value, scope, q => purpose switch
        {
            TargetNoticePurpose.ProposeAsTarget => q.Where(c => c.CancelledOn == null && c.ActivistOn != null && c.TargetOn == null),
            TargetNoticePurpose.ProposeForAdmission => q.Where(c => c.CancelledOn == null && c.TargetOn != null && c.VotedOn == null),
            _ => q.Where(c => c.CancelledOn == null && c.AdmittedOn != null && c.ConfirmedOn == null),
        }, ct);
        var eligible = rows.Where(r => purpose is TargetNoticePurpose p
            ? GetTargetNoticeHandler.Check(p, r.Candidate, today) is null
            : GetConfirmationNoticeHandler.Check(r.Candidate, today) is null);
        var people = eligible
            .OrderBy(r => r.BranchName).ThenBy(r => r.Candidate.ActivistOn).ThenBy(r => r.Candidate.TargetOn).ThenBy(r => r.Candidate.VotedOn).ThenBy(r => r.Candidate.Id)
            .Select(r => new DocumentCandidate(r.Candidate.Id, r.Candidate.Name, r.BranchName, r.Candidate.ApplicationDate, r.Candidate.ActivistOn,
                r.Candidate.VotedOn, r.Candidate.ProbationEndsOn, r.Candidate.TargetOn))
            .ToList();
        return new DocumentCandidates(people, policy.NoticeWorkingDays, lastHolidayYear);
    }
}
