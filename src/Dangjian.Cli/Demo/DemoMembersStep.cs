using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// About 600 demo members over the 12 demo branches and their 党小组, created through <see cref="CreateMemberHandler"/>
/// so each obeys the member rules (GB 11643 check digit, 18 at application, dates in order). The list is generated
/// from a fixed seed relative to today, so a second run finds the same ID numbers and creates nothing. It also adds a
/// few transfers (one pending internal, one accepted, one out of the system with an overdue 回执, one in from outside),
/// one member out of contact for 7 months, and marks about a third of the files complete, as if a 集中排查 were under way.
/// </summary>
public sealed class DemoMembersStep(
    IDbContextFactory<DangjianDbContext> dbFactory,
    CreateMemberHandler createMember,
    MarkMaterialsHandler markMaterials,
    CreateInternalTransferHandler createInternal,
    DecideTransferHandler decide,
    CreateOutOfSystemTransferHandler createOut,
    ReceiveTransferFromOutsideHandler receive,
    TimeProvider clock) : IDemoSeedStep
{
    public const int MemberCount = 600;
    public const string LetterPrefix = "SFS-ZJ-";

    internal static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    ];

    internal static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇",
        "建国", "志强", "海峰", "晓东", "文博", "国栋", "永刚", "振华", "立新", "俊杰", "浩然", "子轩", "宏伟", "德明", "建华",
    ];

    internal static readonly string[] FemaleGiven =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "颖", "倩", "洁", "慧", "红", "梅", "萍",
        "秀英", "桂兰", "玉兰", "晓燕", "春梅", "丽华", "雅琴", "文静", "欣怡", "思雨", "佳怡", "海燕", "淑珍", "美玲", "晓红",
    ];

    internal static readonly (string Code, string Place)[] Areas =
    [
        ("110105", "北京市朝阳区"), ("120103", "天津市河西区"), ("130102", "河北省石家庄市"), ("140105", "山西省太原市"),
        ("210102", "辽宁省沈阳市"), ("320102", "江苏省南京市"), ("330106", "浙江省杭州市"), ("340104", "安徽省合肥市"),
        ("370102", "山东省济南市"), ("410105", "河南省郑州市"), ("420106", "湖北省武汉市"), ("430102", "湖南省长沙市"),
        ("440106", "广东省广州市"), ("500103", "重庆市渝中区"), ("510107", "四川省成都市"), ("610113", "陕西省西安市"),
    ];

    private static readonly string[] Ethnicities = ["回族", "满族", "蒙古族", "壮族", "土家族", "苗族", "朝鲜族"];

    // Uneven on purpose: a few branches pass 50 members, which the organization warnings point out. The first four get one more each (600 in all).
    private static readonly int[] BranchSizes = [56, 52, 44, 46, 55, 50, 45, 48, 54, 51, 47, 48];

    /// <summary>Birth dates (and so ID numbers) are reckoned from a fixed day, so a run on another day finds the same members.</summary>
    private static readonly DateOnly BirthAnchor = new(2026, 1, 1);

    public int Order => 250;

    public string Title => "党员";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = clock.Today();
        var branches = DemoCatalog.Organizations.Where(o => o.Kind == OrganizationKind.Branch).ToList();
        var groupsByBranch = DemoCatalog.Organizations.Where(o => o.Kind == OrganizationKind.Group)
            .GroupBy(o => o.ParentCode!).ToDictionary(g => g.Key, g => g.Select(o => context.OrganizationId(o.Code)).ToList(), StringComparer.Ordinal);
        var plans = Plan(branches, today);

        HashSet<string> existing;
        HashSet<string?> letters;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = plans.Select(p => p.Input.IdNumber!).ToList();
            existing = (await db.Set<Member>().AsNoTracking().Where(m => ids.Contains(m.IdNumber)).Select(m => m.IdNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            letters = (await db.Set<Transfer>().AsNoTracking().Where(t => t.LetterNumber != null && t.LetterNumber.StartsWith(LetterPrefix)).Select(t => t.LetterNumber).ToListAsync(ct)).ToHashSet();
        }

        var created = 0;
        var idsByIndex = new Dictionary<int, long>();
        foreach (var plan in plans)
        {
            if (existing.Contains(plan.Input.IdNumber!)) continue;
            var branchId = context.OrganizationId(plan.Branch.Code);
            var groups = groupsByBranch[plan.Branch.Code];
            var placedFrom = plan.Input.AdmittedOn!.Value > plan.Branch.FoundedOn ? plan.Input.AdmittedOn.Value : plan.Branch.FoundedOn;
            if (plan.FromOutside)
            {
                var arrived = today.AddDays(-20);
                var received = await receive.HandleAsync(new ReceiveTransferFromOutsideCommand(branchId, groups[0], plan.Input, "中共示范省邻市自然资源局机关委员会",
                    new TransferLetterInput { LetterNumber = LetterPrefix + "IN-001", IssuedOn = today.AddDays(-25), ValidDays = 30, DuesPaidUpTo = Month(today.AddMonths(-1)), Reason = "工作调动" },
                    arrived), context.Scope, ct);
                if (!received.IsSuccess) return Fail(plan, received.Errors);
                created++;
                continue;
            }

            var result = await createMember.HandleAsync(new CreateMemberCommand(branchId, groups[plan.Index % groups.Count], plan.Input, placedFrom), context.Scope, ct);
            if (!result.IsSuccess) return Fail(plan, result.Errors);
            idsByIndex[plan.Index] = result.Value;
            created++;
            if (plan.FilesComplete)
            {
                var marked = await markMaterials.HandleAsync(new MarkMaterialsCommand(result.Value, true, true, true, true), context.Scope, ct);
                if (!marked.IsSuccess) return Result<int>.Failure(marked.Errors);
            }
        }

        var transfers = await SeedTransfersAsync(context, plans, letters, groupsByBranch, today, ct);
        if (!transfers.IsSuccess) return transfers;
        created += transfers.Value;
        if (created > 0)
        {
            context.Log.WriteLine($"演示党员：{plans.Count} 人（其中预备党员 {plans.Count(p => p.Input.Category == MemberCategory.Probationary)} 人，失联 1 人），组织关系转接 4 条");
        }

        return created;
    }

    private async Task<Result<int>> SeedTransfersAsync(
        DemoSeedContext context, List<MemberPlan> plans, HashSet<string?> letters, Dictionary<string, List<long>> groupsByBranch, DateOnly today, CancellationToken ct)
    {
        var created = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        async Task<long> IdOf(int index)
        {
            var id = plans[index].Input.IdNumber!;
            return await db.Set<Member>().AsNoTracking().Where(m => m.IdNumber == id).Select(m => m.Id).SingleAsync(ct);
        }

        var branchCodes = DemoCatalog.Organizations.Where(o => o.Kind == OrganizationKind.Branch).Select(o => o.Code).ToList();
        var branches = branchCodes.Select(context.OrganizationId).ToList();

        // A pending transfer from 财政局机关第一党支部 to 农业农村局机关第一党支部: the receiver has not confirmed yet.
        if (!letters.Contains(LetterPrefix + "2026-001"))
        {
            var result = await createInternal.HandleAsync(new CreateInternalTransferCommand(await IdOf(3), branches[4],
                new TransferLetterInput { LetterNumber = LetterPrefix + "2026-001", IssuedOn = today.AddDays(-5), ValidDays = 30, DuesPaidUpTo = Month(today), Reason = "工作调动" }), context.Scope, ct);
            if (!result.IsSuccess) return Result<int>.Failure(result.Errors);
            created++;
        }

        // One already accepted: the placement history shows the old branch before the accept date.
        if (!letters.Contains(LetterPrefix + "2026-002"))
        {
            var result = await createInternal.HandleAsync(new CreateInternalTransferCommand(await IdOf(70), branches[9],
                new TransferLetterInput { LetterNumber = LetterPrefix + "2026-002", IssuedOn = today.AddDays(-40), ValidDays = 30, DuesPaidUpTo = Month(today.AddMonths(-1)), Reason = "单位交流" }), context.Scope, ct);
            if (!result.IsSuccess) return Result<int>.Failure(result.Errors);
            var accepted = await decide.HandleAsync(new DecideTransferCommand(result.Value, TransferDecision.Accept, today.AddDays(-35), groupsByBranch[branchCodes[9]][0]), context.Scope, ct);
            if (!accepted.IsSuccess) return Result<int>.Failure(accepted.Errors);
            created++;
        }

        // Out of the system 60 days ago with a 30-day letter and no 回执: an overdue receipt on the 工作台.
        if (!letters.Contains(LetterPrefix + "2026-003"))
        {
            var result = await createOut.HandleAsync(new CreateOutOfSystemTransferCommand(await IdOf(130), "中共示范省某县县委组织部",
                new TransferLetterInput { LetterNumber = LetterPrefix + "2026-003", IssuedOn = today.AddDays(-60), ValidDays = 30, DuesPaidUpTo = Month(today.AddMonths(-2)), Reason = "随配偶迁居外地" }), context.Scope, ct);
            if (!result.IsSuccess) return Result<int>.Failure(result.Errors);
            created++;
        }

        return created;
    }

    private static Result<int> Fail(MemberPlan plan, IReadOnlyList<Error> errors) =>
        Error.Validation("demo.member", $"演示党员 {plan.Input.Name}（第 {plan.Index + 1} 个）不合规则：{string.Join("；", errors.Select(e => e.Message))}");

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed record MemberPlan(int Index, DemoOrganization Branch, MemberInput Input, bool FilesComplete, bool FromOutside);

    /// <summary>The demo members: one seeded generator per member, so identities never depend on the day; party dates are relative to today.</summary>
    private static List<MemberPlan> Plan(IReadOnlyList<DemoOrganization> branches, DateOnly today)
    {
        var plans = new List<MemberPlan>();
        var index = 0;
        for (var b = 0; b < branches.Count; b++)
        {
            var size = BranchSizes[b] + (b < MemberCount - BranchSizes.Sum() ? 1 : 0);
            for (var i = 0; i < size; i++)
            {
                plans.Add(Member(index, branches[b], new Random(20261122 + index), today));
                index++;
            }
        }

        return plans;
    }

    private static MemberPlan Member(int index, DemoOrganization branch, Random random, DateOnly today)
    {
        var female = random.Next(100) < 38;
        var retired = random.Next(100) < 12;
        var age = retired ? random.Next(61, 78) : random.Next(24, 60);
        var birth = BirthAnchor.AddYears(-age).AddDays(-random.Next(1, 360));
        var area = Areas[index % Areas.Length];
        var sequence = index / Areas.Length * 2 + (female ? 0 : 1);
        var first17 = area.Code + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        var idNumber = first17 + IdNumber.CheckCharacter(first17);
        var name = Surnames[random.Next(Surnames.Length)] + (female ? FemaleGiven[random.Next(FemaleGiven.Length)] : MaleGiven[random.Next(MaleGiven.Length)]);

        // 18 or older at application; admitted 1–3 years later; probation of one year, then 转正.
        var probationary = !retired && index % 25 == 7;
        DateOnly applied, admitted;
        DateOnly? confirmed;
        if (probationary)
        {
            admitted = today.AddDays(-random.Next(30, 330));
            applied = admitted.AddDays(-random.Next(400, 1000));
            confirmed = null;
        }
        else
        {
            var earliest = birth.AddYears(18).AddDays(random.Next(0, 3000));
            applied = earliest;
            admitted = applied.AddDays(random.Next(400, 1100));
            var latest = today.AddYears(-1).AddDays(-30);
            if (admitted > latest)
            {
                admitted = latest.AddDays(-random.Next(0, 200));
                applied = admitted.AddDays(-random.Next(400, 700));
            }

            confirmed = admitted.AddYears(1);
        }

        if (applied < birth.AddYears(18)) applied = birth.AddYears(18);
        var institution = branch.HostUnitCategory == UnitCategory.PublicInstitution;
        Occupation occupation = retired ? Occupation.Retired
            : institution ? (random.Next(100) < 70 ? Occupation.ProfessionalTechnical : random.Next(100) < 70 ? Occupation.Manager : Occupation.Worker)
            : (random.Next(100) < 85 ? Occupation.PartyGovernmentStaff : Occupation.Worker);
        var educationRoll = random.Next(100);
        var education = age > 55
            ? (educationRoll < 30 ? Education.Undergraduate : educationRoll < 60 ? Education.JuniorCollege : educationRoll < 80 ? Education.SecondaryVocational : Education.HighSchool)
            : (educationRoll < 25 ? Education.Postgraduate : educationRoll < 80 ? Education.Undergraduate : educationRoll < 93 ? Education.JuniorCollege : Education.SecondaryVocational);
        var lostContact = index == 200;
        var input = new MemberInput
        {
            Name = name,
            Gender = female ? Gender.Female : Gender.Male,
            Ethnicity = random.Next(100) < 8 ? Ethnicities[random.Next(Ethnicities.Length)] : "汉族",
            BirthDate = birth,
            IdNumber = idNumber,
            NativePlace = area.Place,
            Education = education,
            Degree = education switch { Education.Postgraduate => random.Next(100) < 85 ? "硕士" : "博士", Education.Undergraduate => "学士", _ => null },
            Occupation = occupation,
            EmploymentStatus = retired ? EmploymentStatus.Retired : EmploymentStatus.Employed,
            Employer = branch.HostUnitName,
            JobTitle = retired ? null : occupation == Occupation.PartyGovernmentStaff ? (random.Next(100) < 20 ? "科长" : "科员") : occupation == Occupation.ProfessionalTechnical ? "工程师" : null,
            IsLeadingCadre = !retired && random.Next(100) < 5,
            Phone = "13" + random.Next(0, 10).ToString(CultureInfo.InvariantCulture) + random.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture),
            ApplicationDate = applied,
            AdmittedOn = admitted,
            ConfirmedOn = confirmed,
            Category = probationary ? MemberCategory.Probationary : MemberCategory.Full,
            IsLostContact = lostContact,
            LostContactSince = lostContact ? today.AddMonths(-7) : null,
        };

        // The last member of the last branch arrived from outside the system; about a third of the files are already complete.
        return new MemberPlan(index, branch, input, FilesComplete: random.Next(100) < 30, FromOutside: index == MemberCount - 1);
    }
}
