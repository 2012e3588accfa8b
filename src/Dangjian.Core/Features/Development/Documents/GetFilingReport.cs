using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development.Documents;

/// <summary>Which determination a 备案 report files: step 4 (入党积极分子) or step 8 (发展对象).</summary>
public enum FilingKind
{
    Activists,
    Targets,
}

/// <summary>One row of the 备案 table: the person, the day they were determined, and the 培养联系人 (activists) or 入党介绍人 (发展对象) named so far.</summary>
public sealed record FilingReportPerson(
    long Id, string Name, Gender Gender, DateOnly BirthDate, Education? Education, string? Employer, string BranchName, DateOnly ApplicationDate,
    DateOnly DeterminedOn, IReadOnlyList<string> People);

/// <summary>A 备案 report to the upper committee (<see cref="Addressee"/>, null at the top of the tree) for the people determined in a period.</summary>
public sealed record FilingReport(
    FilingKind Kind, string OrganizationName, string? Addressee, DateOnly From, DateOnly To, IReadOnlyList<FilingReportPerson> People, DateOnly IssuedOn);

/// <summary>
/// Gathers the 备案 report (关于确定入党积极分子/发展对象的备案报告) of everyone in the organization's subtree and the caller's scope
/// who was determined as an activist (or 发展对象) between two dates, whatever happened to them since: the report files what was decided.
/// </summary>
public sealed record GetFilingReportQuery(long? OrganizationId, FilingKind Kind, DateOnly? From, DateOnly? To);

public sealed class GetFilingReportHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<FilingReport>> HandleAsync(GetFilingReportQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await DevelopmentDocumentSources.OrganizationAsync(db, query.OrganizationId, scope, ct);
        if (!org.IsSuccess) return org.FirstError;
        if (query.From is not DateOnly from || query.To is not DateOnly to) return DevelopmentDocumentErrors.PeriodRequired;
        if (from > to) return DevelopmentDocumentErrors.PeriodOrder;

        var activists = query.Kind == FilingKind.Activists;
        var rows = await DevelopmentDocumentSources.CandidatesAsync(db, org.Value, scope, q => activists
            ? q.Where(c => c.ActivistOn >= from && c.ActivistOn <= to)
            : q.Where(c => c.TargetOn >= from && c.TargetOn <= to), ct);
        if (rows.Count == 0) return DevelopmentDocumentErrors.NobodyInPeriod(activists ? "入党积极分子" : "发展对象", from, to);

        var named = await DevelopmentDocumentSources.PeopleAsync(db, rows.Select(r => r.Candidate), activists ? CandidatePersonRole.Mentor : CandidatePersonRole.Sponsor, ct);
        var people = rows
            .Select(r => (r.Candidate, r.BranchName, On: activists ? r.Candidate.ActivistOn!.Value : r.Candidate.TargetOn!.Value))
            .OrderBy(r => r.On).ThenBy(r => r.Candidate.ApplicationDate).ThenBy(r => r.Candidate.Id)
            .Select(r => new FilingReportPerson(r.Candidate.Id, r.Candidate.Name, r.Candidate.Gender, r.Candidate.BirthDate, r.Candidate.Education,
                r.Candidate.Employer, r.BranchName, r.Candidate.ApplicationDate, r.On, named.GetValueOrDefault(r.Candidate.Id) ?? []))
            .ToList();
        return new FilingReport(query.Kind, org.Value.Name, org.Value.ParentName, from, to, people, clock.Today());
    }
}
