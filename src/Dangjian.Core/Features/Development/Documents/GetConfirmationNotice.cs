using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development.Documents;

/// <summary>One 预备党员 on the 转正 公示: 入党日期 is the 支部大会 vote, the probation ends a year later (plus any extension).</summary>
public sealed record ConfirmationNoticePerson(
    long Id, string Name, Gender Gender, DateOnly BirthDate, Education? Education, string? Employer, string BranchName, DateOnly VotedOn,
    DateOnly ProbationEndsOn, int? ExtensionMonths);

public sealed record ConfirmationNotice(
    string OrganizationName, IReadOnlyList<ConfirmationNoticePerson> People, NoticePeriod Period, string? Contact, string? Phone);

/// <summary>
/// Gathers a 转正 公示 (关于……预备党员拟转正的公示). Every chosen person must be a 预备党员 today whose 转正 has not yet been voted
/// on, in the organization's subtree and the caller's scope.
/// </summary>
public sealed record GetConfirmationNoticeQuery(long? OrganizationId, IReadOnlyList<long>? CandidateIds, NoticeOptions Options);

public sealed class GetConfirmationNoticeHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<ConfirmationNotice>> HandleAsync(GetConfirmationNoticeQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await DevelopmentDocumentSources.OrganizationAsync(db, query.OrganizationId, scope, ct);
        if (!org.IsSuccess) return org.FirstError;
        var today = clock.Today();
        var errors = new List<Error>();
        var chosen = await DevelopmentDocumentSources.ChosenAsync(db, org.Value, query.CandidateIds, scope, c => Check(c, today), ct);
        if (!chosen.IsSuccess) errors.AddRange(chosen.Errors);
        var period = await DevelopmentDocumentSources.PeriodAsync(db, org.Value, query.Options, today, ct);
        if (!period.IsSuccess) errors.AddRange(period.Errors);
        var contact = DevelopmentDocumentSources.Contact(query.Options);
        if (!contact.IsSuccess) errors.AddRange(contact.Errors);
        if (errors.Count > 0) return Result<ConfirmationNotice>.Failure(errors);

        var people = chosen.Value
            .OrderBy(r => r.Candidate.VotedOn).ThenBy(r => r.Candidate.Id)
            .Select(r => new ConfirmationNoticePerson(r.Candidate.Id, r.Candidate.Name, r.Candidate.Gender, r.Candidate.BirthDate, r.Candidate.Education,
                r.Candidate.Employer, r.BranchName, r.Candidate.VotedOn!.Value, r.Candidate.ProbationEndsOn!.Value, r.Candidate.ExtensionMonths))
            .ToList();
        return new ConfirmationNotice(org.Value.Name, people, period.Value, contact.Value.Contact, contact.Value.Phone);
    }

    internal static Error? Check(Candidate c, DateOnly today) =>
        c.StageOn(today) != CandidateStage.Probationary ? DevelopmentDocumentErrors.NotProbationary(c.Name)
        : c.Steps.Any(s => s.Step == DevelopmentCatalogue.ConfirmationVote) ? DevelopmentDocumentErrors.AlreadyVotedOnConfirmation(c.Name)
        : null;
}
