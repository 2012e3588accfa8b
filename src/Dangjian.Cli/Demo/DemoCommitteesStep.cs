using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// Terms, elections and committees for the demo branches that have members: the first branch's term ends within 60 days, the
/// second's is overdue, the rest run normally. Branches with 7 or more 正式党员 elect a committee by the real rules; smaller ones get
/// a 书记. Without members (the member step has not run) it creates nothing. Idempotent: a branch that has any term is left alone.
/// </summary>
public sealed class DemoCommitteesStep(
    IDbContextFactory<DangjianDbContext> dbFactory, StartTermHandler startTerm, RecordElectionHandler recordElection,
    AddCommitteeMemberHandler addSeat, EndCommitteeMemberHandler endSeat, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 300;

    public string Title => "班子与换届";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var branchCodes = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch()).Select(o => o.Code).Where(context.Organizations.ContainsKey).ToList();
        var branchIds = branchCodes.Select(context.OrganizationId).ToList();
        Dictionary<long, List<(long Id, string Name)>> fullMembers;
        HashSet<long> withTerms;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            fullMembers = (await db.Set<Member>().AsNoTracking()
                    .Where(m => branchIds.Contains(m.OrganizationId) && m.Category == MemberCategory.Full && m.Status == MembershipStatus.Normal)
                    .OrderBy(m => m.Id)
                    .Select(m => new { m.OrganizationId, m.Id, m.Name })
                    .ToListAsync(ct))
                .GroupBy(m => m.OrganizationId)
                .ToDictionary(g => g.Key, g => g.Select(m => (m.Id, m.Name)).ToList());
            withTerms = (await db.Set<Term>().AsNoTracking().Where(t => branchIds.Contains(t.OrganizationId)).Select(t => t.OrganizationId).Distinct().ToListAsync(ct)).ToHashSet();
        }

        if (fullMembers.Count == 0)
        {
            context.Log.WriteLine("班子与换届：演示支部还没有正式党员，跳过");
            return 0;
        }

        var today = clock.Today();
        var created = 0;
        for (var i = 0; i < branchIds.Count; i++)
        {
            var branch = branchIds[i];
            if (withTerms.Contains(branch) || !fullMembers.TryGetValue(branch, out var members) || members.Count == 0) continue;

            // Branch terms are 3 years (《任期意见》); the first branch's ends in 30 days, the second's ended 20 days ago.
            var started = i switch
            {
                0 => today.AddYears(-3).AddDays(30),
                1 => today.AddYears(-3).AddDays(-20),
                _ => today.AddYears(-1).AddDays(-(i * 37 % 600)),
            };
            var term = await startTerm.HandleAsync(new StartTermCommand(branch, 1, started, null), context.Scope, ct);
            if (!term.IsSuccess) return Result<int>.Failure(term.Errors);
            created++;

            if (members.Count >= 7)
            {
                var seats = members.Count >= 30 ? 5 : 3;
                var candidates = members.Take(CommitteeRules.MinimumCandidates(seats)).ToList();
                var present = members.Count - 1;
                var votes = candidates.Select((_, k) => k < seats ? present - k : 1).ToList();
                var election = await recordElection.HandleAsync(
                    new RecordElectionCommand(branch, term.Value, started, seats, members.Count, present, present, present, 0,
                        candidates.Zip(votes, (c, v) => new CandidateInput(c.Id, null, v)).ToList()),
                    context.Scope, ct);
                if (!election.IsSuccess) return Result<int>.Failure(election.Errors);
                created += 1 + candidates.Count;

                // The new committee's first meeting assigns the posts: the top two become 书记 and 组织委员.
                var elected = await SeatsAsync(branch, ct);
                var posts = new[] { CommitteePost.Secretary, CommitteePost.OrganizationMember, CommitteePost.PropagandaMember, CommitteePost.DisciplineMember };
                foreach (var (seat, post) in elected.Zip(posts))
                {
                    var ended = await endSeat.HandleAsync(new EndCommitteeMemberCommand(branch, seat.Id, started), context.Scope, ct);
                    if (!ended.IsSuccess) return Result<int>.Failure(ended.Errors);
                    var added = await addSeat.HandleAsync(new AddCommitteeMemberCommand(branch, seat.MemberId, null, post, started), context.Scope, ct);
                    if (!added.IsSuccess) return Result<int>.Failure(added.Errors);
                    created++;
                }
            }
            else
            {
                var secretary = await addSeat.HandleAsync(new AddCommitteeMemberCommand(branch, members[0].Id, null, CommitteePost.Secretary, started), context.Scope, ct);
                if (!secretary.IsSuccess) return Result<int>.Failure(secretary.Errors);
                created++;
            }
        }

        if (created > 0) context.Log.WriteLine($"班子与换届：{created} 条记录（一个支部 60 天内届满，一个支部逾期未换届）");
        return created;
    }

    private async Task<List<(long Id, long? MemberId)>> SeatsAsync(long branch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Set<CommitteeMember>().AsNoTracking().Where(c => c.OrganizationId == branch && c.To == null).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.MemberId }).ToListAsync(ct)).Select(c => (c.Id, c.MemberId)).ToList();
    }
}
