using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

/// <summary>班子与换届 of one organization: its terms, the sitting committee, the election history with each rule's verdict.</summary>
public sealed record GetCommitteeQuery(long OrganizationId);

public sealed record TermItem(long Id, int Number, DateOnly StartedOn, DateOnly PlannedEndOn, DateOnly? EndedOn, string? ApprovalNote);

public sealed record CommitteeSeatItem(long Id, long? TermId, long? MemberId, string Name, CommitteePost Post, string PostLabel, DateOnly From, DateOnly? To);

public sealed record CandidateItem(long? MemberId, string Name, int Votes, bool Elected, string Message);

public sealed record ElectionItem(
    long Id, long TermId, DateOnly HeldOn, int Seats, int ShouldAttend, int Present, int BallotsIssued, int BallotsReturned, int VoidBallots,
    bool StrictQuorum, bool IsValid, IReadOnlyList<RuleCheck> Checks, IReadOnlyList<CandidateItem> Candidates);

/// <summary>A 正式党员 of the subtree who may stand, for pickers.</summary>
public sealed record EligibleMember(long Id, string Name, long OrganizationId);

public sealed record CommitteeDetails(
    long OrganizationId, string OrganizationName, OrganizationKind Kind, int? TermYears, bool StrictQuorum, bool CanWrite, bool CanAdminister,
    TermItem? CurrentTerm, IReadOnlyList<TermItem> Terms, IReadOnlyList<CommitteeSeatItem> Seats, IReadOnlyList<ElectionItem> Elections,
    IReadOnlyList<EligibleMember> Eligible);

public sealed class GetCommitteeHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int EligibleLimit = 500;

    public async Task<Result<CommitteeDetails>> HandleAsync(GetCommitteeQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommitteeAccess.LoadAsync(db, query.OrganizationId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        var id = organization.Id;

        var terms = await db.Set<Term>().AsNoTracking().Where(t => t.OrganizationId == id).OrderByDescending(t => t.Number)
            .Select(t => new TermItem(t.Id, t.Number, t.StartedOn, t.PlannedEndOn, t.EndedOn, t.ApprovalNote)).ToListAsync(ct);
        var seats = (await db.Set<CommitteeMember>().AsNoTracking().Where(c => c.OrganizationId == id)
            .OrderBy(c => c.To != null).ThenBy(c => c.Post).ThenBy(c => c.From).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(c => new CommitteeSeatItem(c.Id, c.TermId, c.MemberId, c.Name, c.Post, c.Post.Label(), c.From, c.To)).ToList();
        var elections = await db.Set<Election>().AsNoTracking().Where(e => e.OrganizationId == id).OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Id).Take(50).ToListAsync(ct);
        var electionIds = elections.Select(e => e.Id).ToList();
        var candidates = (await db.Set<ElectionCandidate>().AsNoTracking().Where(c => electionIds.Contains(c.ElectionId)).OrderBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ElectionId);
        var electionItems = elections.Select(e =>
        {
            var list = candidates[e.Id].ToList();
            var outcome = CommitteeRules.Evaluate(
                new ElectionCount(e.Seats, e.ShouldAttend, e.Present, e.BallotsIssued, e.BallotsReturned, e.VoidBallots, list.Select(c => c.Votes).ToList()), e.StrictQuorum);
            return new ElectionItem(e.Id, e.TermId, e.HeldOn, e.Seats, e.ShouldAttend, e.Present, e.BallotsIssued, e.BallotsReturned, e.VoidBallots, e.StrictQuorum, e.IsValid,
                outcome.Checks, list.Zip(outcome.Candidates, (c, o) => new CandidateItem(c.MemberId, c.Name, c.Votes, c.Elected, o.Message)).ToList());
        }).ToList();

        var canWrite = scope.Allows(organization.Path, Permission.Write);
        IReadOnlyList<EligibleMember> eligible = [];
        if (canWrite)
        {
            var subtree = RecordElectionHandler.OrganizationsUnder(db, organization.Path);
            eligible = await db.Set<Member>().AsNoTracking()
                .Where(m => subtree.Contains(m.OrganizationId) && m.Category == MemberCategory.Full && m.Status == MembershipStatus.Normal)
                .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(EligibleLimit)
                .Select(m => new EligibleMember(m.Id, m.Name, m.OrganizationId)).ToListAsync(ct);
        }

        return new CommitteeDetails(
            id, organization.Name, organization.Kind, CommitteeRules.TermYears(organization.Kind, organization.HostUnitCategory),
            await CommitteeAccess.StrictQuorumAsync(db, id, ct), canWrite, scope.Allows(organization.Path, Permission.Administer),
            terms.FirstOrDefault(t => t.EndedOn is null), terms, seats, electionItems, eligible);
    }
}

/// <summary>Terms in scope that end within <see cref="WithinDays"/> days or are overdue: the 换届 to-do list.</summary>
public sealed record ListTermsDueQuery(long? UnderId, int WithinDays = CommitteeRules.ExpiryWarningDays, int? Page = null, int? PageSize = null);

public sealed record TermDueItem(long TermId, long OrganizationId, string OrganizationName, OrganizationKind Kind, int Number, DateOnly StartedOn, DateOnly PlannedEndOn, int DaysLeft);

public sealed class ListTermsDueHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Page<TermDueItem>>> HandleAsync(ListTermsDueQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inScope = await db.InScopeUnderAsync(scope, query.UnderId, ct);
        if (!inScope.IsSuccess) return inScope.FirstError;
        var organizations = inScope.Value.Where(o => o.DissolvedOn == null);

        var today = clock.Today();
        var horizon = today.AddDays(Math.Clamp(query.WithinDays, 0, 3650));
        var due =
            from t in db.Set<Term>().AsNoTracking()
            join o in organizations on t.OrganizationId equals o.Id
            where t.EndedOn == null && t.PlannedEndOn <= horizon
            select new { t.Id, t.OrganizationId, o.Name, o.Kind, t.Number, t.StartedOn, t.PlannedEndOn, o.Path };
        var size = Page<TermDueItem>.NormalizeSize(query.PageSize);
        var number = Page<TermDueItem>.NormalizeNumber(query.Page);
        var total = await due.CountAsync(ct);
        var rows = await due.OrderBy(x => x.PlannedEndOn).ThenBy(x => x.Path).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<TermDueItem>(
            rows.Select(r => new TermDueItem(r.Id, r.OrganizationId, r.Name, r.Kind, r.Number, r.StartedOn, r.PlannedEndOn, r.PlannedEndOn.DayNumber - today.DayNumber)).ToList(),
            total, number, size);
    }
}
