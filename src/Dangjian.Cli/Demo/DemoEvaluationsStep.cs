using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Talks;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// Last year's 民主评议党员 and this year's 谈心谈话 for the demo branches, through the real handlers:
/// - every branch but the fourth held last year's 民主评议 at the end of December (about a fifth 优秀, 预备党员 not graded);
///   in the first branch one member was graded 不合格, which opens a 限期改正 case;
/// - in the first six branches the 书记 talked with every 支委 and every member this year (the obligation is met); the
///   others have only begun.
/// Idempotent: a branch with a session or a talk is left alone.
/// </summary>
public sealed class DemoEvaluationsStep(
    IDbContextFactory<DangjianDbContext> dbFactory, CreateEvaluationHandler evaluate, CreateTalkHandler talk, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 450;

    public string Title => "民主评议与谈心谈话";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = clock.Today();
        var branches = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch() && context.Organizations.ContainsKey(o.Code)).Select(o => context.OrganizationId(o.Code)).ToList();
        var created = 0;
        for (var index = 0; index < branches.Count; index++)
        {
            var branch = branches[index];
            var heldOn = new DateOnly(today.Year - 1, 12, 28);
            IReadOnlyList<RosterEntry> roster;
            List<long> committee;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await db.Set<EvaluationSession>().AnyAsync(s => s.OrganizationId == branch, ct) || await db.Set<HeartToHeartTalk>().AnyAsync(t => t.OrganizationId == branch, ct)) continue;
                roster = await MemberRoster.ForAsync(db, branch, false, heldOn, ct);
                committee = await db.Set<CommitteeMember>().AsNoTracking()
                    .Where(c => c.OrganizationId == branch && c.MemberId != null && c.From <= today && (c.To == null || c.To > today))
                    .OrderBy(c => c.Post).Select(c => c.MemberId!.Value).ToListAsync(ct);
            }

            if (roster.Count == 0) continue;
            if (index != 3)
            {
                var unqualified = index == 0 ? roster.LastOrDefault(r => !r.IsProbationary)?.MemberId : null;
                var entries = roster.Select((r, i) => new EvaluationEntryInput(r.MemberId, true,
                    r.IsProbationary ? null : r.MemberId == unqualified ? EvaluationGrade.Unqualified : i % 5 == 0 ? EvaluationGrade.Excellent : EvaluationGrade.Qualified)).ToList();
                var session = await evaluate.HandleAsync(new CreateEvaluationCommand(branch, new EvaluationInput { Year = heldOn.Year, HeldOn = heldOn, Entries = entries }), context.Scope, ct);
                if (!session.IsSuccess) return Result<int>.Failure(session.Errors);
                created++;
            }

            if (committee.Count == 0) continue;
            var talks = await TalksAsync(context, branch, index < 6, committee, today, ct);
            if (!talks.IsSuccess) return talks;
            created += talks.Value;
        }

        if (created > 0) context.Log.WriteLine($"民主评议与谈心谈话：{created} 条记录（一名党员评为不合格，限期改正）");
        return created;
    }

    private async Task<Result<int>> TalksAsync(DemoSeedContext context, long branch, bool complete, List<long> committee, DateOnly today, CancellationToken ct)
    {
        var on = new DateOnly(today.Year, 3, 15) < today ? new DateOnly(today.Year, 3, 15) : today;
        IReadOnlyList<RosterEntry> roster;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            roster = await MemberRoster.ForAsync(db, branch, false, on, ct);
        }

        var secretary = committee[0];
        var pairs = new List<(long, long)>();
        for (var i = 0; i < committee.Count; i++)
        for (var j = i + 1; j < committee.Count; j++)
            pairs.Add((committee[i], committee[j]));
        pairs.AddRange(roster.Where(r => !committee.Contains(r.MemberId)).Select(r => (secretary, r.MemberId)));
        if (!complete) pairs = pairs.Take(3).ToList();

        var count = 0;
        foreach (var (a, b) in pairs)
        {
            var result = await talk.HandleAsync(new CreateTalkCommand(branch, new TalkInput { HeldOn = on, InitiatorMemberId = a, PartnerMemberId = b, Topic = "思想工作交流" }), context.Scope, ct);
            if (!result.IsSuccess) return Result<int>.Failure(result.Errors);
            count++;
        }

        return count;
    }
}
