using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// Twelve months of organizational life for the demo branches and groups, through the real meeting handler, with realistic
/// gaps so the compliance matrix and the reminders have something to say:
/// - every branch holds a 主题党日 each month, a 支委会 each month when it has a committee, and each quarter a 支部党员大会
///   held together with that month's 主题党日 (one record, two kinds) with a voted 议题, and a 党课;
/// - 党课 are given in turn by the 书记, by a 领导干部 and as a 微党课 by an ordinary member;
/// - the second branch skipped two 主题党日, the third skipped one quarter's 支部党员大会, the fourth held no 组织生活会;
/// - the first group of each branch meets monthly, the others irregularly.
/// Idempotent: a branch that already has meetings is left alone.
/// </summary>
public sealed class DemoMeetingsStep(
    IDbContextFactory<DangjianDbContext> dbFactory, GetMeetingRosterHandler rosters, CreateMeetingHandler create, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 400;

    public string Title => "组织生活";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var branches = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch() && context.Organizations.ContainsKey(o.Code)).ToList();
        var today = clock.Today();
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var created = 0;
        for (var index = 0; index < branches.Count; index++)
        {
            var branchId = context.OrganizationId(branches[index].Code);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await db.Set<Meeting>().AnyAsync(m => m.OrganizationId == branchId, ct)) continue;
                if (!await db.Set<MemberPlacement>().AnyAsync(p => p.OrganizationId == branchId && p.To == null, ct)) continue;
            }

            var groups = DemoCatalog.Organizations.Where(o => o.ParentCode == branches[index].Code && o.Kind == OrganizationKind.Group)
                .Select(o => context.OrganizationId(o.Code)).ToList();
            var random = new Random(2026 + index);
            for (var month = firstMonth; month < new DateOnly(today.Year, today.Month, 1); month = month.AddMonths(1))
            {
                var quarterEnd = month.Month % 3 == 0;
                var result = await BranchMonthAsync(context, index, branchId, month, quarterEnd, random, ct);
                if (!result.IsSuccess) return Result<int>.Failure(result.Errors);
                created += result.Value;
                for (var g = 0; g < groups.Count; g++)
                {
                    if (g > 0 && random.Next(3) == 0) continue; // the other groups meet irregularly
                    var group = await HoldAsync(context, groups[g], month.AddDays(19), [MeetingKindCodes.GroupMeeting], "党小组学习讨论", random, ct);
                    if (!group.IsSuccess) return Result<int>.Failure(group.Errors);
                    created += group.Value;
                }
            }
        }

        if (created > 0) context.Log.WriteLine($"组织生活：{created} 次会议活动（部分支部有未按时开展的规定动作）");
        return created;
    }

    private async Task<Result<int>> BranchMonthAsync(DemoSeedContext context, int index, long branchId, DateOnly month, bool quarterEnd, Random random, CancellationToken ct)
    {
        var count = 0;
        if (await HasCommitteeAsync(branchId, month, ct))
        {
            var committee = await HoldAsync(context, branchId, month.AddDays(4), [MeetingKindCodes.CommitteeMeeting], "研究部署本月党建工作", random, ct,
                agenda: new AgendaItemInput("本月党建工作安排", AgendaTopic.PartyBuilding, "同意本月工作安排"));
            if (!committee.IsSuccess) return committee;
            count += committee.Value;
        }

        var skipsThemeDay = index == 1 && month.Month is 4 or 8;
        var skipsGeneralMeeting = index == 2 && month.Month == 6;
        if (quarterEnd && !skipsGeneralMeeting)
        {
            var general = await HoldAsync(context, branchId, month.AddDays(24), [MeetingKindCodes.BranchGeneralMeeting, MeetingKindCodes.ThemeDay], "季度支部党员大会暨主题党日", random, ct,
                agenda: new AgendaItemInput("审议支部季度工作报告", AgendaTopic.PartyBuilding, "通过季度工作报告"), voted: true);
            if (!general.IsSuccess) return general;
            count += general.Value;
        }
        else if (!skipsThemeDay)
        {
            var themeDay = await HoldAsync(context, branchId, month.AddDays(14), [MeetingKindCodes.ThemeDay], ThemeDayTopics[month.Month - 1], random, ct);
            if (!themeDay.IsSuccess) return themeDay;
            count += themeDay.Value;
        }

        if (month.Month % 3 == 2)
        {
            var lecture = await LectureAsync(context, index, branchId, month, random, ct);
            if (!lecture.IsSuccess) return lecture;
            count += lecture.Value;
        }

        if (month.Month == 12 && index != 3)
        {
            var life = await HoldAsync(context, branchId, month.AddDays(27), [MeetingKindCodes.OrganizationalLifeMeeting], "年度组织生活会", random, ct);
            if (!life.IsSuccess) return life;
            count += life.Value;
        }

        return count;
    }

    private static readonly string[] ThemeDayTopics =
    [
        "重温入党誓词", "学习党章党规", "志愿服务进社区", "清明祭扫缅怀先烈", "青年理论学习", "党风廉政警示教育",
        "庆祝建党纪念日", "参观红色教育基地", "传统文化与家风建设", "学习党的创新理论", "宪法宣传", "年度学习交流",
    ];

    private async Task<Result<int>> LectureAsync(DemoSeedContext context, int index, long branchId, DateOnly month, Random random, CancellationToken ct)
    {
        var turn = (index + month.Month / 3) % 3;
        long? lecturer;
        LecturerRole role;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var on = month.AddDays(9);
            var roster = await MemberRoster.ForAsync(db, branchId, false, on, ct);
            var secretary = await db.Set<CommitteeMember>().AsNoTracking()
                .Where(c => c.OrganizationId == branchId && c.Post == CommitteePost.Secretary && c.From <= on && (c.To == null || c.To > on))
                .Select(c => c.MemberId).FirstOrDefaultAsync(ct);
            var rosterIds = roster.Select(r => r.MemberId).ToList();
            var cadre = await db.Set<Member>().AsNoTracking().Where(m => rosterIds.Contains(m.Id) && m.IsLeadingCadre).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
            (lecturer, role) = turn switch
            {
                0 when secretary is not null => (secretary, LecturerRole.Secretary),
                1 when cadre is not null => (cadre, LecturerRole.LeadingCadre),
                _ => (roster.Count > 0 ? roster[random.Next(roster.Count)].MemberId : null, LecturerRole.OrdinaryMember),
            };
        }

        if (lecturer is null) return 0;
        return await HoldAsync(context, branchId, month.AddDays(9), [MeetingKindCodes.PartyLecture], role == LecturerRole.OrdinaryMember ? "微党课：身边的榜样" : "专题党课：坚定理想信念", random, ct,
            lecturer: (lecturer.Value, role));
    }

    private async Task<bool> HasCommitteeAsync(long branchId, DateOnly month, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var on = month.AddDays(4);
        return await db.Set<CommitteeMember>().CountAsync(c => c.OrganizationId == branchId && c.From <= on && (c.To == null || c.To > on), ct) >= 3;
    }

    /// <summary>
    /// Records one meeting with the 应到 of that day as the meeting page would list it (the roster, or the committee for a 支委会):
    /// most present, a few on leave (出差/病假), now and then one absent.
    /// </summary>
    private async Task<Result<int>> HoldAsync(
        DemoSeedContext context, long organizationId, DateOnly on, string[] kinds, string topic, Random random, CancellationToken ct,
        AgendaItemInput? agenda = null, bool voted = false, (long Id, LecturerRole Role)? lecturer = null)
    {
        var expected = await rosters.HandleAsync(new GetMeetingRosterQuery(organizationId, on, kinds), context.Scope, ct);
        if (!expected.IsSuccess) return Result<int>.Failure(expected.Errors);
        var roster = expected.Value.People;
        if (roster.Count == 0) return 0;
        var attendance = roster.Select(r =>
        {
            var roll = random.Next(100);
            return roll switch
            {
                < 8 => new AttendanceInput(r.MemberId, AttendanceStatus.Leave, roll < 5 ? "出差" : "病假"),
                < 10 => new AttendanceInput(r.MemberId, AttendanceStatus.Absent),
                _ => new AttendanceInput(r.MemberId, AttendanceStatus.Present),
            };
        }).ToList();

        // A meeting that decides needs more than half of its 应到 present (MajorityRules); the random absences must not
        // drop a demo meeting below that, whatever month the seed runs in.
        if (agenda is not null)
        {
            for (var i = 0; i < attendance.Count && attendance.Count(a => a.Status == AttendanceStatus.Present) * 2 <= roster.Count; i++)
                if (attendance[i].Status != AttendanceStatus.Present) attendance[i] = new AttendanceInput(roster[i].MemberId, AttendanceStatus.Present);
        }

        var items = new List<AgendaItemInput>();
        if (agenda is not null)
        {
            if (voted)
            {
                var presentVoters = roster.Where((r, i) => r.IsVoter && attendance[i].Status == AttendanceStatus.Present).Count();
                items.Add(agenda with { VotesYes = presentVoters, VotesNo = 0, VotesAbstain = 0, Passed = MajorityRules.ResolutionPasses(presentVoters, roster.Count(r => r.IsVoter)) });
            }
            else
            {
                items.Add(agenda);
            }
        }

        var host = roster[0];
        var input = new MeetingInput
        {
            HeldOn = on,
            StartTime = new TimeOnly(14, 30),
            Place = "党员活动室",
            Topic = topic,
            KindCodes = kinds,
            HostMemberId = host.MemberId,
            RecorderMemberId = roster[^1].MemberId,
            LecturerMemberId = lecturer?.Id,
            LecturerRole = lecturer?.Role,
            Minutes = $"## {topic}\n\n会议由{host.Name}主持。与会同志围绕主题进行了学习和交流。",
            Attendance = attendance,
            AgendaItems = items,
            KeySpeakers = random.Next(2) == 0 ? [new KeySpeakerInput(roster[random.Next(roster.Count)].MemberId, null, "结合本职工作谈体会")] : [],
        };
        var result = await create.HandleAsync(new CreateMeetingCommand(organizationId, input), context.Scope, ct);
        return result.IsSuccess ? 1 : Result<int>.Failure(result.Errors);
    }
}
