using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.WorkLog.Volunteering;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// Half a year of 志愿服务 for the demo branches, through the real handlers: one activity a month in each branch for the last
/// six months (a few members serving 2–4 hours, some public volunteers; odd branches work a 认领 community project), the
/// 在职党员 of each branch reporting to a community, and one 党员先锋岗 / 示范岗 / 责任区 per branch in turn.
/// Idempotent: a branch that already has an activity is left alone.
/// </summary>
public sealed class DemoVolunteeringStep(
    IDbContextFactory<DangjianDbContext> dbFactory, CreateVolunteerActivityHandler activity, CreateCommunityReportHandler report,
    CreatePioneerPostHandler post, TimeProvider clock) : IDemoSeedStep
{
    private static readonly string[] Titles = ["社区环境整治", "关爱空巢老人", "文明交通劝导", "义务植树", "政策宣讲进小区", "助学帮困"];
    private static readonly string[] Communities = ["城关社区", "幸福里社区", "和平路社区", "滨河社区"];

    public int Order => 610;

    public string Title => "志愿服务、到社区报到和党员先锋岗";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = clock.Today();
        var branches = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch() && context.Organizations.ContainsKey(o.Code)).Select(o => context.OrganizationId(o.Code)).ToList();
        var created = 0;
        for (var index = 0; index < branches.Count; index++)
        {
            var branch = branches[index];
            IReadOnlyList<RosterEntry> roster;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await db.Set<VolunteerActivity>().AnyAsync(a => a.OrganizationId == branch, ct)) continue;
                roster = await MemberRoster.ForAsync(db, branch, false, today, ct);
            }

            if (roster.Count == 0) continue;
            for (var month = 6; month >= 1; month--)
            {
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-month + 1);
                var heldOn = first.AddDays(Math.Min(14 + index % 10, DateTime.DaysInMonth(first.Year, first.Month) - 1));
                if (heldOn > today) heldOn = today;
                var take = Math.Min(roster.Count, 3 + (index + month) % 4);
                var participants = roster.Skip((month * 2) % Math.Max(1, roster.Count - take + 1)).Take(take)
                    .Select((r, i) => new ParticipantInput(r.MemberId, 2m + (i + month) % 3)).ToList();
                var claimed = index % 2 == 1;
                var saved = await activity.HandleAsync(new CreateVolunteerActivityCommand(branch, new VolunteerActivityInput
                {
                    HeldOn = heldOn, Title = Titles[(index + month) % Titles.Length] + "志愿服务",
                    ServiceProject = claimed ? Communities[index % Communities.Length] + "环境整治项目" : Titles[(index + month) % Titles.Length],
                    ProjectClaimed = claimed, PublicVolunteers = (index + month) % 4 * 3, Participants = participants,
                }), context.Scope, ct);
                if (!saved.IsSuccess) return Result<int>.Failure(saved.Errors);
                created++;
            }

            foreach (var (member, i) in roster.Take(Math.Min(3, roster.Count)).Select((r, i) => (r, i)))
            {
                var saved = await report.HandleAsync(new CreateCommunityReportCommand(branch, new CommunityReportInput
                {
                    MemberId = member.MemberId, Community = Communities[(index + i) % Communities.Length], ReportedOn = today.AddMonths(-5).AddDays(i * 3),
                }), context.Scope, ct);
                if (!saved.IsSuccess) return Result<int>.Failure(saved.Errors);
                created++;
            }

            var kind = (PioneerPostKind)(index % 3);
            var posted = await post.HandleAsync(new CreatePioneerPostCommand(branch, new PioneerPostInput
            {
                Name = $"{PioneerPostKinds.Label(kind)}（{index + 1}号）", Kind = kind, From = today.AddMonths(-6),
                MemberIds = roster.Take(Math.Min(2, roster.Count)).Select(r => r.MemberId).ToList(),
            }), context.Scope, ct);
            if (!posted.IsSuccess) return Result<int>.Failure(posted.Errors);
            created++;
        }

        context.Log.WriteLine($"  志愿服务：{branches.Count} 个支部近半年的活动");
        return created;
    }
}
