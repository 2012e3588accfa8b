using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Committees;

/// <summary>A candidate as entered: a member of the organization's subtree (by id) or, for someone not on the roster, a name.</summary>
public sealed record CandidateInput(long? MemberId, string? Name, int? Votes);

/// <summary>
/// Records a counted 换届选举 for a term (the current one when <see cref="TermId"/> is null). Too few candidates or an ineligible
/// candidate is refused; a failed quorum or more ballots returned than issued is saved as an invalid election that elects nobody.
/// Elected candidates join the committee as 委员 from the election date; posts are assigned afterwards.
/// </summary>
public sealed record RecordElectionCommand(
    long OrganizationId, long? TermId, DateOnly? HeldOn, int? Seats, int? ShouldAttend, int? Present, int? BallotsIssued, int? BallotsReturned,
    int? VoidBallots, IReadOnlyList<CandidateInput> Candidates);

public sealed record RecordedElection(long Id, ElectionOutcome Outcome);

public sealed class RecordElectionHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<RecordedElection>> HandleAsync(RecordElectionCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CommitteeAccess.LoadAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        if (organization.IsDissolved) return CommitteeErrors.OrganizationDissolved(organization.Name);

        var errors = new List<Error>();
        if (command.HeldOn is null) errors.Add(CommitteeErrors.HeldOnRequired);
        else if (command.HeldOn > clock.Today()) errors.Add(CommitteeErrors.HeldOnInFuture);
        if (command.Seats is not (>= 1 and <= 99)) errors.Add(CommitteeErrors.SeatsOutOfRange);
        Count(command.ShouldAttend, "ShouldAttend", "应到会人数", errors);
        Count(command.Present, "Present", "实到会人数", errors);
        Count(command.BallotsIssued, "BallotsIssued", "发出选票数", errors);
        Count(command.BallotsReturned, "BallotsReturned", "收回选票数", errors);
        Count(command.VoidBallots, "VoidBallots", "废票数", errors);
        if (command.Present > command.ShouldAttend) errors.Add(CommitteeErrors.PresentOverExpected);
        if (command.VoidBallots > command.BallotsReturned) errors.Add(CommitteeErrors.VoidOverReturned);

        var names = new List<string>();
        foreach (var candidate in command.Candidates)
        {
            var name = candidate.Name?.Trim() ?? "";
            if (candidate.MemberId is null && (name.Length == 0 || name.Length > CommitteeMember.NameMaxLength)) errors.Add(CommitteeErrors.CandidateNameRequired);
            if (candidate.Votes is not >= 0) errors.Add(CommitteeErrors.CountRequired("Candidates", $"候选人“{name}”的得票数"));
        }

        if (errors.Count > 0) return Result<RecordedElection>.Failure(errors.DistinctBy(e => (e.Code, e.Message)).ToList());

        var countable = CommitteeRules.CountableBallots(command.BallotsReturned!.Value, command.VoidBallots!.Value);
        var memberIds = command.Candidates.Where(c => c.MemberId is not null).Select(c => c.MemberId!.Value).Distinct().ToList();
        var subtree = OrganizationsUnder(db, organization.Path);
        var members = await db.Set<Member>().AsNoTracking()
            .Where(m => memberIds.Contains(m.Id) && subtree.Contains(m.OrganizationId))
            .Select(m => new { m.Id, m.Name, m.Category, m.Status })
            .ToDictionaryAsync(m => m.Id, ct);
        var resolved = new List<(long? MemberId, string Name, int Votes)>();
        foreach (var candidate in command.Candidates)
        {
            string name;
            if (candidate.MemberId is long id)
            {
                if (!members.TryGetValue(id, out var member)) return CommitteeErrors.CandidateMemberNotFound(id);
                if (!CommitteeRules.MayStand(member.Category, member.Status)) return CommitteeErrors.CandidateNotEligible(member.Name);
                name = member.Name;
            }
            else
            {
                name = candidate.Name!.Trim();
            }

            if (resolved.Any(r => r.Name == name && r.MemberId == candidate.MemberId)) return CommitteeErrors.CandidateDuplicate(name);
            if (candidate.Votes > countable) return CommitteeErrors.VotesOverBallots(name, candidate.Votes!.Value, countable);
            resolved.Add((candidate.MemberId, name, candidate.Votes!.Value));
        }

        var seats = command.Seats!.Value;
        var minimum = CommitteeRules.MinimumCandidates(seats);
        if (resolved.Count < minimum) return CommitteeErrors.TooFewCandidates(seats, resolved.Count, minimum);

        var term = command.TermId is long termId
            ? await db.Set<Term>().SingleOrDefaultAsync(t => t.Id == termId && t.OrganizationId == organization.Id, ct)
            : await db.Set<Term>().Where(t => t.OrganizationId == organization.Id).OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        if (term is null) return CommitteeErrors.TermNotFound(command.TermId ?? 0);

        var count = new ElectionCount(seats, command.ShouldAttend!.Value, command.Present!.Value, command.BallotsIssued!.Value, command.BallotsReturned.Value,
            command.VoidBallots.Value, resolved.Select(r => r.Votes).ToList());
        var strict = await CommitteeAccess.StrictQuorumAsync(db, organization.Id, ct);
        var outcome = CommitteeRules.Evaluate(count, strict);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var election = Election.Record(organization.Id, term.Id, command.HeldOn!.Value, count, strict, outcome.IsValid);
        db.Add(election);
        await db.SaveChangesAsync(ct);
        foreach (var (candidate, result) in resolved.Zip(outcome.Candidates))
        {
            db.Add(ElectionCandidate.Create(election.Id, candidate.MemberId, candidate.Name, candidate.Votes, result.Elected));
            if (result.Elected)
            {
                db.Add(CommitteeMember.Appoint(organization.Id, term.Id, candidate.MemberId, candidate.Name, CommitteePost.Member, election.HeldOn));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RecordedElection(election.Id, outcome);
    }

    internal static IQueryable<long> OrganizationsUnder(DangjianDbContext db, string path)
    {
        var end = OrgPath.RangeEnd(path);
        return db.Organizations.Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, end) < 0).Select(o => o.Id);
    }

    private static void Count(int? value, string field, string label, List<Error> errors)
    {
        if (value is not >= 0) errors.Add(CommitteeErrors.CountRequired(field, label));
    }
}
