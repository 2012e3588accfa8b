using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development.Documents;

/// <summary>One activist on the 公示 of proposed 发展对象, with what the notice prints about them.</summary>
public sealed record TargetNoticePerson(
    long Id, string Name, Gender Gender, DateOnly BirthDate, Education? Education, string? Employer, string BranchName, DateOnly ApplicationDate, DateOnly ActivistOn);

/// <summary>The 公示 of activists the branch proposes as 发展对象: who issues it, the people, the period and who takes the feedback.</summary>
public sealed record TargetNotice(
    string OrganizationName, IReadOnlyList<TargetNoticePerson> People, NoticePeriod Period, string? Contact, string? Phone);

/// <summary>
/// Gathers a 公示 of proposed 发展对象 (关于拟确定……为发展对象的公示). Every chosen person must be an activist today (确定为入党积极分子,
/// not yet a 发展对象, not cancelled) in the organization's subtree and the caller's scope.
/// </summary>
public sealed record GetTargetNoticeQuery(long? OrganizationId, IReadOnlyList<long>? CandidateIds, NoticeOptions Options);

public sealed class GetTargetNoticeHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<TargetNotice>> HandleAsync(GetTargetNoticeQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await DevelopmentDocumentSources.OrganizationAsync(db, query.OrganizationId, scope, ct);
        if (!org.IsSuccess) return org.FirstError;
        var today = clock.Today();
        var errors = new List<Error>();
        var chosen = await DevelopmentDocumentSources.ChosenAsync(db, org.Value, query.CandidateIds, scope,
            c => c.StageOn(today) == CandidateStage.Activist ? null : DevelopmentDocumentErrors.NotActivist(c.Name), ct);
        if (!chosen.IsSuccess) errors.AddRange(chosen.Errors);
        var period = await DevelopmentDocumentSources.PeriodAsync(db, org.Value, query.Options, today, ct);
        if (!period.IsSuccess) errors.AddRange(period.Errors);
        var contact = DevelopmentDocumentSources.Contact(query.Options);
        if (!contact.IsSuccess) errors.AddRange(contact.Errors);
        if (errors.Count > 0) return Result<TargetNotice>.Failure(errors);

        var people = chosen.Value
            .OrderBy(r => r.Candidate.ActivistOn).ThenBy(r => r.Candidate.ApplicationDate).ThenBy(r => r.Candidate.Id)
            .Select(r => new TargetNoticePerson(r.Candidate.Id, r.Candidate.Name, r.Candidate.Gender, r.Candidate.BirthDate, r.Candidate.Education,
                r.Candidate.Employer, r.BranchName, r.Candidate.ApplicationDate, r.Candidate.ActivistOn!.Value))
            .ToList();
        return new TargetNotice(org.Value.Name, people, period.Value, contact.Value.Contact, contact.Value.Phone);
    }
}
