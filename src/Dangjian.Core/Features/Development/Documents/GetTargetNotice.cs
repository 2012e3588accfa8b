using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development.Documents;

/// <summary>
/// The two 公示 about 发展对象, which differ only in who is on them and what the branch proposes: activists proposed as 发展对象
/// (关于拟确定……为发展对象的公示), or 发展对象 the 支部委员会 proposes to admit as 预备党员 (关于拟接收……为中共预备党员的公示,
/// step 12, the one the pipeline's 5-working-day rule is about).
/// </summary>
public enum TargetNoticePurpose
{
    /// <summary>拟确定为发展对象: the people are activists today.</summary>
    ProposeAsTarget,

    /// <summary>拟接收为中共预备党员: the people are 发展对象 today, not yet voted on by the 支部大会.</summary>
    ProposeForAdmission,
}

/// <summary>
/// One person on a 公示 about 发展对象, with what the notice prints about them. <see cref="TargetOn"/> and <see cref="Sponsors"/>
/// (the 入党介绍人, in the order named) are filled for the admission 公示 only.
/// </summary>
public sealed record TargetNoticePerson(
    long Id, string Name, Gender Gender, DateOnly BirthDate, Education? Education, string? Employer, string BranchName, DateOnly ApplicationDate, DateOnly ActivistOn,
    DateOnly? TargetOn = null, IReadOnlyList<string>? Sponsors = null);

/// <summary>A 公示 about 发展对象: its purpose, who issues it, the people, the period and who takes the feedback.</summary>
public sealed record TargetNotice(
    string OrganizationName, IReadOnlyList<TargetNoticePerson> People, NoticePeriod Period, string? Contact, string? Phone,
    TargetNoticePurpose Purpose = TargetNoticePurpose.ProposeAsTarget);

/// <summary>
/// Gathers a 公示 about 发展对象 for <see cref="Purpose"/>. Every chosen person must be at the stage the purpose is about today
/// (see <see cref="GetTargetNoticeHandler.Check"/>), in the organization's subtree and the caller's scope.
/// </summary>
public sealed record GetTargetNoticeQuery(
    long? OrganizationId, IReadOnlyList<long>? CandidateIds, NoticeOptions Options, TargetNoticePurpose Purpose = TargetNoticePurpose.ProposeAsTarget);

public sealed class GetTargetNoticeHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<TargetNotice>> HandleAsync(GetTargetNoticeQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await DevelopmentDocumentSources.OrganizationAsync(db, query.OrganizationId, scope, ct);
        if (!org.IsSuccess) return org.FirstError;
        var today = clock.Today();
        var errors = new List<Error>();
        var chosen = await DevelopmentDocumentSources.ChosenAsync(db, org.Value, query.CandidateIds, scope, c => Check(query.Purpose, c, today), ct);
        if (!chosen.IsSuccess) errors.AddRange(chosen.Errors);
        var period = await DevelopmentDocumentSources.PeriodAsync(db, org.Value, query.Options, today, ct);
        if (!period.IsSuccess) errors.AddRange(period.Errors);
        var contact = DevelopmentDocumentSources.Contact(query.Options);
        if (!contact.IsSuccess) errors.AddRange(contact.Errors);
        if (errors.Count > 0) return Result<TargetNotice>.Failure(errors);

        var admission = query.Purpose == TargetNoticePurpose.ProposeForAdmission;
        var sponsors = admission
            ? await DevelopmentDocumentSources.PeopleAsync(db, chosen.Value.Select(r => r.Candidate), CandidatePersonRole.Sponsor, ct)
            : [];
        var people = chosen.Value
            .OrderBy(r => admission ? r.Candidate.TargetOn : r.Candidate.ActivistOn).ThenBy(r => r.Candidate.ApplicationDate).ThenBy(r => r.Candidate.Id)
            .Select(r => new TargetNoticePerson(r.Candidate.Id, r.Candidate.Name, r.Candidate.Gender, r.Candidate.BirthDate, r.Candidate.Education,
                r.Candidate.Employer, r.BranchName, r.Candidate.ApplicationDate, r.Candidate.ActivistOn!.Value,
                admission ? r.Candidate.TargetOn : null, admission ? sponsors.GetValueOrDefault(r.Candidate.Id) ?? [] : null))
            .ToList();
        return new TargetNotice(org.Value.Name, people, period.Value, contact.Value.Contact, contact.Value.Phone, query.Purpose);
    }

    /// <summary>
    /// Null when the candidate may go on a 公示 of this purpose today: an activist not yet a 发展对象, or a 发展对象 whose admission
    /// the 支部大会 has not yet voted on (once voted, the 公示 is past).
    /// </summary>
    internal static Error? Check(TargetNoticePurpose purpose, Candidate c, DateOnly today) => purpose switch
    {
        TargetNoticePurpose.ProposeAsTarget => c.StageOn(today) == CandidateStage.Activist ? null : DevelopmentDocumentErrors.NotActivist(c.Name),
        _ => c.StageOn(today) != CandidateStage.DevelopmentTarget ? DevelopmentDocumentErrors.NotTarget(c.Name)
            : c.Steps.Any(s => s.Step == DevelopmentCatalogue.AdmissionVote) ? DevelopmentDocumentErrors.AlreadyVotedOnAdmission(c.Name)
            : null,
    };
}
