using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.WorkLog.Care;
using Dangjian.Core.Features.WorkLog.Commendations;
using Dangjian.Core.Features.WorkLog.Donations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// 工作台账 (part B) for the demo, through the real handlers:
/// - two donation drives: the 机关党委's drive for the Red Cross two months ago (most members of the first three branches
///   give, plus a dozen staff who are not members), and the first branch's drive through the 党组织 three weeks ago;
/// - care visits: 节日慰问 in the first four branches, one 困难党员 and one 生病党员 visit;
/// - one commendation: the first branch as 先进基层党组织 and two of its members as 优秀共产党员.
/// Idempotent: nothing is added once any drive exists.
/// </summary>
public sealed class DemoDonationsStep(
    IDbContextFactory<DangjianDbContext> dbFactory, CreateDonationDriveHandler drive, CreateCareVisitHandler care, CreateCommendationHandler commend,
    TimeProvider clock) : IDemoSeedStep
{
    public int Order => 620;

    public string Title => "捐款、慰问与表彰";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = clock.Today();
        var branches = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch() && context.Organizations.ContainsKey(o.Code)).Select(o => context.OrganizationId(o.Code)).ToList();
        if (branches.Count == 0 || !context.Organizations.ContainsKey(DemoCatalog.RootCode)) return 0;
        var root = context.OrganizationId(DemoCatalog.RootCode);
        var firstDrive = today.AddDays(-60);
        var secondDrive = today.AddDays(-21);
        var rosters = new List<IReadOnlyList<RosterEntry>>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<DonationDrive>().AnyAsync(ct)) return 0;
            foreach (var branch in branches.Take(4)) rosters.Add(await MemberRoster.ForAsync(db, branch, false, firstDrive, ct));
        }

        var created = 0;
        // Drive 1: about four in five members of the first three branches give 50–200 元; 12 staff give 1,200 元 together.
        var donors = rosters.Take(3).SelectMany(r => r).Where((_, i) => i % 5 != 4)
            .Select((r, i) => new DonorInput(r.MemberId, 50m + (i % 4) * 50m)).ToList();
        var first = await drive.HandleAsync(new CreateDonationDriveCommand(root, new DonationDriveInput
        {
            HeldOn = firstDrive, Purpose = "“博爱送万家”红十字爱心捐款", Recipient = DonationRecipient.RedCross, OutsideDonors = 12, OutsideAmount = 1200m, Donors = donors,
        }), context.Scope, ct);
        if (!first.IsSuccess) return Result<int>.Failure(first.Errors);
        created++;

        // Drive 2: every member on the first branch's roster that day gives 100 元 through the 党组织.
        IReadOnlyList<RosterEntry> firstBranch;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            firstBranch = await MemberRoster.ForAsync(db, branches[0], false, secondDrive, ct);
        }

        var second = await drive.HandleAsync(new CreateDonationDriveCommand(branches[0], new DonationDriveInput
        {
            HeldOn = secondDrive, Purpose = "党员自愿捐款支援受灾地区", Recipient = DonationRecipient.PartyOrganization,
            Donors = firstBranch.Select(r => new DonorInput(r.MemberId, 100m)).ToList(),
        }), context.Scope, ct);
        if (!second.IsSuccess) return Result<int>.Failure(second.Errors);
        created++;

        // Care visits: 节日慰问 of the two longest-standing members of each of four branches; one 困难 and one 生病 visit.
        var festival = today.AddDays(-45);
        for (var i = 0; i < rosters.Count; i++)
        {
            var visited = rosters[i].Take(2).Select(r => r.MemberId).ToList();
            if (visited.Count == 0) continue;
            var visit = await care.HandleAsync(new CreateCareVisitCommand(branches[i], new CareVisitInput
            {
                VisitedOn = festival, Reason = CareReason.Festival, Money = 500m * visited.Count, Goods = "米、油各一份", Visitors = "支部书记、支部委员", MemberIds = visited,
            }), context.Scope, ct);
            if (!visit.IsSuccess) return Result<int>.Failure(visit.Errors);
            created++;
        }

        foreach (var (reason, offset, money, goods) in new[] { (CareReason.Hardship, 30, 2000m, "棉被两床"), (CareReason.Ill, 10, 1000m, "鲜花、水果") })
        {
            var member = rosters[0].Skip(reason == CareReason.Hardship ? 2 : 3).FirstOrDefault();
            if (member is null) continue;
            var visit = await care.HandleAsync(new CreateCareVisitCommand(branches[0], new CareVisitInput
            {
                VisitedOn = today.AddDays(-offset), Reason = reason, Money = money, Goods = goods, Visitors = "机关党委副书记", MemberIds = [member.MemberId],
            }), context.Scope, ct);
            if (!visit.IsSuccess) return Result<int>.Failure(visit.Errors);
            created++;
        }

        var honoured = rosters[0].Skip(4).Take(2).Select(r => r.MemberId).ToList();
        var award = await commend.HandleAsync(new CreateCommendationCommand(root, new CommendationInput
        {
            AwardedOn = today.AddDays(-15), Level = CommendationLevel.Internal, Title = "“两优一先”表彰", OrganizationIds = [branches[0]], MemberIds = honoured,
        }), context.Scope, ct);
        if (!award.IsSuccess) return Result<int>.Failure(award.Errors);
        created++;

        context.Log.WriteLine($"捐款、慰问与表彰：{created} 条记录（两次捐款活动）");
        return created;
    }
}
