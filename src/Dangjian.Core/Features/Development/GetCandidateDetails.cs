using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development;

/// <summary>Everything a completed step recorded, for the person's page and the API.</summary>
public sealed record CandidateStepRecord(
    long Id, int Step, string Name, DevelopmentStage Stage, DateOnly CompletedOn, string? Person, string? Note, bool DocumentsFiled, bool? ReviewPassed,
    int? TrainingDays, int? TrainingHours, DateOnly? NoticeFrom, DateOnly? NoticeTo, DateOnly? LeavesUnitOn, VoteCount? Vote);

/// <summary>A 培养联系人 or 入党介绍人 of the person.</summary>
public sealed record CandidatePersonItem(long MemberId, string Name, CandidatePersonRole Role, DateOnly NamedOn);

/// <summary>
/// A person of the pipeline as one caller may see them: the identity with 身份证号 and phone masked unless <see cref="IsMasked"/>
/// is false (the members' rule, docs/adr/0008), the progress (stage, next step, warnings) and every step as recorded.
/// </summary>
public sealed record CandidateDetails(
    long Id, string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, string IdNumber, string? NativePlace, Education? Education,
    Occupation? Occupation, EmploymentStatus EmploymentStatus, string? Employer, string? Phone, bool IsLeagueMember, bool RecommendedByLeague,
    DateOnly ApplicationDate, int? ExtensionMonths, DateOnly? ExtendedOn, DateOnly? CancelledOn, string? CancellationReason, bool IsMasked, bool CanWrite,
    CandidateProgress Progress, IReadOnlyList<CandidateStepRecord> Steps, IReadOnlyList<CandidatePersonItem> People);

/// <summary>
/// <see cref="ForForm"/>: a form page that does not show the identity reads it masked, so opening it is not an audited
/// unmasked view.
/// </summary>
public sealed record GetCandidateDetailsQuery(long CandidateId, bool ForForm = false);

/// <summary>
/// One person's page: <see cref="GetCandidateProgressHandler"/>'s progress with the identity and the recorded step details.
/// Like a member file, an unmasked view by an administrator is audited.
/// </summary>
public sealed class GetCandidateDetailsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public async Task<Result<CandidateDetails>> HandleAsync(GetCandidateDetailsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, query.CandidateId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var c = loaded.Value;
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == c.OrganizationId).Select(o => new { o.Name, o.Path }).SingleAsync(ct);
        var policy = await CandidateAccess.PolicyAsync(db, c.OrganizationId, ct);
        var progress = DevelopmentBoard.Progress(c, organization.Name, policy, clock.Today());

        var memberIds = c.People.Select(p => p.MemberId).Distinct().ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var people = c.People.OrderBy(p => p.Role).ThenBy(p => p.Id)
            .Select(p => new CandidatePersonItem(p.MemberId, names.GetValueOrDefault(p.MemberId, ""), p.Role, p.NamedOn)).ToList();
        var steps = c.Steps.OrderBy(s => s.Step).ThenBy(s => s.CompletedOn).ThenBy(s => s.Id).Select(s =>
        {
            var d = DevelopmentCatalogue.Step(s.Step);
            return new CandidateStepRecord(s.Id, s.Step, d.Name, d.Stage, s.CompletedOn, s.Person, s.Note, s.DocumentsFiled, s.ReviewPassed, s.TrainingDays,
                s.TrainingHours, s.NoticeFrom, s.NoticeTo, s.LeavesUnitOn, s.Vote);
        }).ToList();

        var unmasked = !query.ForForm && MemberPrivacy.MaySeeUnmasked(scope, organization.Path);
        if (unmasked)
        {
            db.AuditEntries.Add(AuditEntry.Create(db.Clock.UtcNow(), actor.UserId, actor.DisplayName, c.OrganizationId, nameof(Candidate),
                c.Id.ToString(CultureInfo.InvariantCulture), AuditAction.Viewed, "[]", MemberPrivacy.UnmaskedViewReason));
            await db.SaveChangesAsync(ct);
        }

        return new CandidateDetails(
            c.Id, c.Name, c.Gender, c.Ethnicity, c.BirthDate, MemberPrivacy.IdNumberFor(unmasked, c.IdNumber), c.NativePlace, c.Education, c.Occupation,
            c.EmploymentStatus, c.Employer, MemberPrivacy.PhoneFor(unmasked, c.Phone), c.IsLeagueMember, c.RecommendedByLeague, c.ApplicationDate,
            c.ExtensionMonths, c.ExtendedOn, c.CancelledOn, c.CancellationReason, !unmasked, scope.Allows(organization.Path, Permission.Write),
            progress, steps, people);
    }
}

/// <summary>A member of the person's branch who may be named 培养联系人 or 入党介绍人, with the standing the rules read.</summary>
public sealed record CandidateBranchMember(long MemberId, string Name, MemberCategory Category, MembershipStatus Status);

/// <summary>The members of the person's branch today, for choosing 培养联系人 and 入党介绍人 (the rules then check their standing).</summary>
public sealed record GetCandidateBranchMembersQuery(long CandidateId);

public sealed class GetCandidateBranchMembersHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<CandidateBranchMember>>> HandleAsync(GetCandidateBranchMembersQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CandidateAccess.LoadAsync(db, query.CandidateId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organizationId = loaded.Value.OrganizationId;
        var today = clock.Today();
        var roster = MemberRoster.On(db, today, p => p.OrganizationId == organizationId).Select(r => r.MemberId);
        var members = await db.Set<Member>().AsNoTracking().Where(m => roster.Contains(m.Id) && m.Id != loaded.Value.MemberId)
            .Select(m => new CandidateBranchMember(m.Id, m.Name, m.Category, m.Status)).ToListAsync(ct);
        return members.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.MemberId).ToList();
    }
}

/// <summary>A step's uploaded documents (谈话记录, 政审材料 …) are attachments of the step row; they follow the candidate's branch.</summary>
public sealed class CandidateStepAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "candidateStep";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await (from s in db.Set<CandidateStep>()
               join c in db.Set<Candidate>() on s.CandidateId equals c.Id
               where s.Id == ownerId
               select (long?)c.OrganizationId).SingleOrDefaultAsync(ct);
}
