using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Meetings.MeetingKindCodes;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Meetings;

public sealed class MeetingHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday;
    private static int _idCounter;
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<long> AddMemberAsync(long branch, string name, MemberCategory category = MemberCategory.Full, DateOnly? placedFrom = null, long? group = null)
    {
        await using var db = await _db.OpenAsync();
        var admitted = new DateOnly(2010, 1, 1);
        var fields = new MemberFields(name, Gender.Male, "汉族", new DateOnly(1980, 1, 1), $"T{Interlocked.Increment(ref _idCounter):00000000000000000}", null, null, null, null,
            EmploymentStatus.Employed, null, null, false, null, null, null, null, admitted, category == MemberCategory.Full ? admitted.AddYears(1) : null, category, false, null, null, false, null);
        var member = Member.Create(fields, branch, group);
        db.Add(member);
        await db.SaveChangesAsync(Ct);
        db.Add(MemberPlacement.Open(member.Id, branch, group, placedFrom ?? admitted));
        await db.SaveChangesAsync(Ct);
        return member.Id;
    }

    private async Task<List<long>> AddMembersAsync(long branch, int count, string prefix = "党员")
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++) ids.Add(await AddMemberAsync(branch, $"{prefix}{i:00}"));
        return ids;
    }

    private async Task SeatAsync(long organization, long memberId, CommitteePost post, DateOnly from) =>
        (await _db.Get<AddCommitteeMemberHandler>().HandleAsync(new AddCommitteeMemberCommand(organization, memberId, null, post, from), Admin, Ct)).IsSuccess.ShouldBeTrue();

    private static MeetingInput Input(DateOnly heldOn, string[] kinds, IEnumerable<AttendanceInput> attendance, params AgendaItemInput[] agenda) => new()
    {
        HeldOn = heldOn, KindCodes = kinds, Topic = "会议主题", Attendance = attendance.ToList(), AgendaItems = agenda,
    };

    private static IEnumerable<AttendanceInput> AllPresent(IEnumerable<long> ids) => ids.Select(id => new AttendanceInput(id, AttendanceStatus.Present));

    private static IEnumerable<AttendanceInput> Present(IReadOnlyList<long> ids, int present) =>
        ids.Select((id, i) => new AttendanceInput(id, i < present ? AttendanceStatus.Present : AttendanceStatus.Absent));

    private Task<Result<long>> CreateAsync(long org, MeetingInput input, AccessScope? scope = null) =>
        _db.Get<CreateMeetingHandler>().HandleAsync(new CreateMeetingCommand(org, input), scope ?? Admin, Ct);

    private async Task<MeetingView> ViewAsync(long id) => (await _db.Get<GetMeetingHandler>().HandleAsync(new GetMeetingQuery(id), Admin, Ct)).Value;

    [Fact]
    public async Task Create_GeneralMeeting_SnapshotsVotersFromTheRosterAndCountsAttendance()
    {
        var full = await AddMembersAsync(_branch, 3);
        var probationary = await AddMemberAsync(_branch, "预备党员甲", MemberCategory.Probationary);
        var attendance = new List<AttendanceInput>
        {
            new(full[0], AttendanceStatus.Present), new(full[1], AttendanceStatus.Leave, "出差"), new(full[2], AttendanceStatus.Present),
            new(probationary, AttendanceStatus.Present),
        };
        var input = Input(Today, [BranchGeneralMeeting], attendance, new AgendaItemInput("讨论发展对象", AgendaTopic.PartyBuilding, "同意", 2, 0, 0, true)) with
        {
            Extras = [new ExtraAttendeeInput(AttendeeRole.NonVoting, null, "上级党委组织员")],
            KeySpeakers = [new KeySpeakerInput(full[0], "被忽略的名字", "谈了学习体会")],
            HostMemberId = full[0],
        };

        var created = await CreateAsync(_branch, input);

        created.IsSuccess.ShouldBeTrue(created.IsSuccess ? null : string.Join("；", created.Errors.Select(e => e.Message)));
        var view = await ViewAsync(created.Value);
        view.Counts.ShouldBe(new AttendanceCounts(4, 3, 1, 0, 0, 3, 2, 0, 0, 1, 0));
        view.Attendees.Single(a => a.MemberId == probationary).IsVoter.ShouldBeFalse();
        view.Attendees.Single(a => a.MemberId == full[1]).LeaveReason.ShouldBe("出差");
        view.KeySpeakers.ShouldHaveSingleItem().Name.ShouldBe("党员00");
        view.HostName.ShouldBe("党员00");
        view.AgendaItems.ShouldHaveSingleItem().Verdict!.Label.ShouldBe("通过");
        view.Quorum.ShouldHaveSingleItem().Met.ShouldBeTrue();
    }

    [Fact]
    public async Task Create_VotersAreNeverTakenFromTheInput_ProbationaryPresenceDoesNotMakeQuorum()
    {
        var full = await AddMembersAsync(_branch, 4);
        var probationary = new List<long>();
        for (var i = 0; i < 4; i++) probationary.Add(await AddMemberAsync(_branch, $"预备{i}", MemberCategory.Probationary));
        var attendance = Present(full, 2).Concat(AllPresent(probationary));

        var refused = await CreateAsync(_branch, Input(Today, [BranchGeneralMeeting], attendance, new AgendaItemInput("决定事项", AgendaTopic.Other, "同意")));

        refused.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        refused.FirstError.Message.ShouldBe("支部党员大会应到会有表决权党员 4 人，实到 2 人，未超过半数，不能作出决定");
    }

    [Fact]
    public async Task Create_MemberWhoJoinedMidQuarter_CountsInExpectedOnlyFromThatDate()
    {
        var staying = await AddMembersAsync(_branch, 2);
        var joinedOn = new DateOnly(2026, 5, 15);
        var newcomer = await AddMemberAsync(_branch, "新转入党员", placedFrom: joinedOn);

        var roster = await _db.Get<GetMeetingRosterHandler>().HandleAsync(new GetMeetingRosterQuery(_branch, joinedOn.AddDays(-1), [ThemeDay]), Admin, Ct);
        roster.Value.People.Select(p => p.MemberId).ShouldBe(staying, ignoreOrder: true);

        var before = await CreateAsync(_branch, Input(joinedOn.AddDays(-1), [ThemeDay], AllPresent([.. staying, newcomer])));
        before.Errors.ShouldHaveSingleItem().Message.ShouldBe($"党员（编号 {newcomer}）在 2026-05-14 不在本组织名单中，不能计入应到；如其到会，请登记为列席");

        var onTheDay = await CreateAsync(_branch, Input(joinedOn, [ThemeDay], AllPresent(staying)));
        var missing = onTheDay.Errors.ShouldHaveSingleItem();
        missing.Message.ShouldBe("应到人员“新转入党员”未登记出席情况");
        missing.Field.ShouldBe($"Attendance.{newcomer}");

        (await CreateAsync(_branch, Input(joinedOn, [ThemeDay], AllPresent([.. staying, newcomer])))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Create_GroupMeeting_ExpectsTheGroupRosterOnly()
    {
        var group = await _db.CreateAsync("G", Group, _branch);
        var inGroup = await AddMemberAsync(_branch, "小组成员", group: group);
        await AddMemberAsync(_branch, "支部其他党员");

        var roster = await _db.Get<GetMeetingRosterHandler>().HandleAsync(new GetMeetingRosterQuery(group, Today, [GroupMeeting]), Admin, Ct);

        roster.Value.People.ShouldHaveSingleItem().MemberId.ShouldBe(inGroup);
        (await CreateAsync(group, Input(Today, [GroupMeeting], AllPresent([inGroup])))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Create_TwoKinds_AreBothListedAndBothFilterTheList()
    {
        var ids = await AddMembersAsync(_branch, 2);
        var created = await CreateAsync(_branch, Input(Today, [ThemeDay, BranchGeneralMeeting], AllPresent(ids)));
        created.IsSuccess.ShouldBeTrue();

        (await ViewAsync(created.Value)).Kinds.Select(k => k.Code).ShouldBe([BranchGeneralMeeting, ThemeDay]);
        var list = _db.Get<ListMeetingsHandler>();
        foreach (var code in new[] { ThemeDay, BranchGeneralMeeting })
        {
            var page = (await list.HandleAsync(new ListMeetingsQuery { UnderId = _root, KindCode = code }, Admin, Ct)).Value;
            page.Items.ShouldHaveSingleItem().Id.ShouldBe(created.Value);
            page.Items[0].Expected.ShouldBe(2);
            page.Items[0].Present.ShouldBe(2);
        }

        (await list.HandleAsync(new ListMeetingsQuery { KindCode = GroupMeeting }, Admin, Ct)).Value.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Create_CommitteeMeeting_ExpectsTheCommittee_AndRefusesADecisionWithoutQuorum()
    {
        var ids = await AddMembersAsync(_branch, 8);
        await SeatAsync(_branch, ids[0], CommitteePost.Secretary, Today.AddYears(-1));
        await SeatAsync(_branch, ids[1], CommitteePost.OrganizationMember, Today.AddYears(-1));
        await SeatAsync(_branch, ids[2], CommitteePost.PropagandaMember, Today.AddYears(-1));
        await SeatAsync(_branch, ids[3], CommitteePost.Member, Today.AddDays(1)); // not yet in office on the day
        var committee = ids.Take(3).ToList();

        var roster = (await _db.Get<GetMeetingRosterHandler>().HandleAsync(new GetMeetingRosterQuery(_branch, Today, [CommitteeMeeting]), Admin, Ct)).Value;
        roster.People.Select(p => p.MemberId).ShouldBe(committee, ignoreOrder: true);
        roster.CommitteeSize.ShouldBe(3);

        var vote = new AgendaItemInput("确定入党积极分子", AgendaTopic.PartyBuilding, "同意确定", 1, 0, 0, true);
        var refused = await CreateAsync(_branch, Input(Today, [CommitteeMeeting], Present(committee, 1), vote));
        refused.FirstError.Message.ShouldBe("应到会委员 3 人，实到 1 人，未超过半数，不能作出决定");

        var passedWithOne = await CreateAsync(_branch, Input(Today, [CommitteeMeeting], Present(committee, 2), vote));
        passedWithOne.FirstError.Message.ShouldBe("议题“确定入党积极分子”赞成 1 票，未超过应到会委员 3 人的半数，不能记为通过");

        var created = await CreateAsync(_branch, Input(Today, [CommitteeMeeting], Present(committee, 2), vote with { VotesYes = 2 }));
        created.IsSuccess.ShouldBeTrue();
        var view = await ViewAsync(created.Value);
        view.Counts.CommitteeSize.ShouldBe(3);
        view.Attendees.Count(a => a.IsCommitteeMember).ShouldBe(3);
        view.AgendaItems.Single().Verdict!.Explanation.ShouldBe("赞成 2 票，超过应到会委员 3 人的半数");
    }

    [Fact]
    public async Task Create_PartyCommitteeMeeting_ExpectsCommitteeMembersPlacedInItsBranches()
    {
        var ids = await AddMembersAsync(_branch, 3);
        foreach (var id in ids) await SeatAsync(_root, id, id == ids[0] ? CommitteePost.Secretary : CommitteePost.Member, Today.AddYears(-1));

        var roster = (await _db.Get<GetMeetingRosterHandler>().HandleAsync(new GetMeetingRosterQuery(_root, Today, [PartyCommitteeMeeting]), Admin, Ct)).Value;

        roster.People.Select(p => p.MemberId).ShouldBe(ids, ignoreOrder: true);
        roster.People.ShouldAllBe(p => p.IsVoter && p.IsCommitteeMember);
        (await CreateAsync(_root, Input(Today, [PartyCommitteeMeeting], Present(ids, 2), new AgendaItemInput("重大资金使用", AgendaTopic.MajorFunds, "同意", 2, 0, 0, true))))
            .IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Create_AttendanceRules_ReasonsRequiredAndExcludedCannotBePresent()
    {
        var ids = await AddMembersAsync(_branch, 4);
        var attendance = new List<AttendanceInput>
        {
            new(ids[0], AttendanceStatus.Leave), new(ids[1], AttendanceStatus.Absent, Excluded: true), new(ids[2], AttendanceStatus.Present, Excluded: true, ExclusionReason: "长期病休"),
            new(ids[3], null), new(ids[3], AttendanceStatus.Present),
        };

        var result = await CreateAsync(_branch, Input(Today, [BranchGeneralMeeting], attendance));

        result.Errors.Select(e => e.Code).ShouldBe(
            ["meeting.leave_reason", "meeting.exclusion_reason", "meeting.excluded_present", "meeting.attendance_status", "meeting.attendance_duplicate"]);
        result.Errors.ShouldAllBe(e => e.Kind == ErrorKind.Validation);
    }

    [Fact]
    public async Task Create_Exclusions_ReduceExpectedSoAQuorumOfTheRestCanDecide()
    {
        var ids = await AddMembersAsync(_branch, 10);
        var attendance = ids.Select((id, i) => i switch
        {
            < 5 => new AttendanceInput(id, AttendanceStatus.Present),
            < 7 => new AttendanceInput(id, AttendanceStatus.Leave, "出国", true, "出国一年，经支委会同意不计入应到会"),
            _ => new AttendanceInput(id, AttendanceStatus.Absent),
        });
        var vote = new AgendaItemInput("接收预备党员", AgendaTopic.PartyBuilding, "同意接收", 5, 0, 0, true);

        var created = await CreateAsync(_branch, Input(Today, [BranchGeneralMeeting], attendance, vote));

        created.IsSuccess.ShouldBeTrue(created.IsSuccess ? null : created.FirstError.Message);
        var counts = (await ViewAsync(created.Value)).Counts;
        counts.ExpectedVoters.ShouldBe(8);
        counts.Expected.ShouldBe(8);
        counts.AttendanceRate.ShouldBe(62.5m);
    }

    [Fact]
    public async Task Create_PartyLecture_NeedsLecturerAndRole()
    {
        var ids = await AddMembersAsync(_branch, 1);
        var missing = await CreateAsync(_branch, Input(Today, [PartyLecture], AllPresent(ids)));
        missing.Errors.Select(e => e.Field).ShouldBe(["Lecturer", "LecturerRole"]);

        var created = await CreateAsync(_branch, Input(Today, [PartyLecture], AllPresent(ids)) with { LecturerMemberId = ids[0], LecturerRole = LecturerRole.Secretary });
        var view = await ViewAsync(created.Value);
        view.LecturerName.ShouldBe("党员00");
        view.LecturerRoleLabel.ShouldBe("书记");
    }

    [Fact]
    public async Task Create_FutureDateAndMissingKinds_AreValidationErrors()
    {
        var result = await CreateAsync(_branch, new MeetingInput { HeldOn = Today.AddDays(1), KindCodes = ["NoSuchKind"], Topic = " " });
        result.Errors.Select(e => e.Code).ShouldBe(["meeting.held_on_future", "meeting.kind_unknown", "meeting.topic_required"]);
    }

    [Fact]
    public async Task Create_OtherSubtree_IsNotFound_AndLinkedMembersMustBeInScope()
    {
        var other = await _db.CreateAsync("O", Branch, _root);
        var outsider = await AddMemberAsync(other, "外支部党员");
        var ids = await AddMembersAsync(_branch, 1);
        var scope = new AccessScope("w", false, [new ScopeRoot(_branch, (await _db.FindAsync(_branch)).Path, "B", Role.Worker)]);

        (await CreateAsync(other, Input(Today, [ThemeDay], [new(outsider, AttendanceStatus.Present)]), scope)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        var linked = await CreateAsync(_branch, Input(Today, [ThemeDay], AllPresent(ids)) with { HostMemberId = outsider }, scope);
        linked.FirstError.Message.ShouldBe($"主持人：党员（编号 {outsider}）不存在或不在您的管理范围内");

        var created = await CreateAsync(_branch, Input(Today, [ThemeDay], AllPresent(ids)), scope);
        var otherScope = new AccessScope("x", false, [new ScopeRoot(other, (await _db.FindAsync(other)).Path, "O", Role.OrgAdmin)]);
        (await _db.Get<GetMeetingHandler>().HandleAsync(new GetMeetingQuery(created.Value), otherScope, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<DeleteMeetingHandler>().HandleAsync(new DeleteMeetingCommand(created.Value), otherScope, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<ListMeetingsHandler>().HandleAsync(new ListMeetingsQuery(), otherScope, Ct)).Value.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Update_ReplacesRowsAndKinds_DeleteRemovesEverything()
    {
        var ids = await AddMembersAsync(_branch, 3);
        var created = (await CreateAsync(_branch, Input(Today, [ThemeDay, BranchGeneralMeeting], AllPresent(ids), new AgendaItemInput("甲", AgendaTopic.Other)))).Value;

        var updated = await _db.Get<UpdateMeetingHandler>().HandleAsync(new UpdateMeetingCommand(created,
            Input(Today.AddDays(-1), [ThemeDay], Present(ids, 1), new AgendaItemInput("乙", AgendaTopic.Ideology), new AgendaItemInput("丙", AgendaTopic.Personnel))), Admin, Ct);

        updated.IsSuccess.ShouldBeTrue(updated.IsSuccess ? null : updated.FirstError.Message);
        var view = await ViewAsync(created);
        view.HeldOn.ShouldBe(Today.AddDays(-1));
        view.Kinds.ShouldHaveSingleItem().Code.ShouldBe(ThemeDay);
        view.Counts.Present.ShouldBe(1);
        view.AgendaItems.Select(a => a.Title).ShouldBe(["乙", "丙"]);

        (await _db.Get<DeleteMeetingHandler>().HandleAsync(new DeleteMeetingCommand(created), Admin, Ct)).IsSuccess.ShouldBeTrue();
        await using var db = await _db.OpenAsync();
        (await db.Set<Meeting>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<MeetingAttendee>().CountAsync(Ct)).ShouldBe(0);
        (await _db.AuditAsync()).Count(a => a.EntityType == nameof(MeetingAttendee) && a.Action == Dangjian.Core.Features.Audit.AuditAction.Deleted).ShouldBe(6);
    }

    [Fact]
    public async Task Kinds_AddedByTopAdministrator_UniqueNames_BuiltInsFixed_ArchivedKeptOnOldRecords()
    {
        var branchWorker = new AccessScope("w", false, [new ScopeRoot(_branch, (await _db.FindAsync(_branch)).Path, "B", Role.OrgAdmin)]);
        var topAdmin = new AccessScope("t", false, [new ScopeRoot(_root, (await _db.FindAsync(_root)).Path, "R", Role.OrgAdmin)]);
        var add = _db.Get<AddMeetingKindHandler>();
        var update = _db.Get<UpdateMeetingKindHandler>();

        (await add.HandleAsync(new AddMeetingKindCommand("读书分享会", null), branchWorker, Ct)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        var id = (await add.HandleAsync(new AddMeetingKindCommand(" 读书分享会 ", null), topAdmin, Ct)).Value;
        id.ShouldBeGreaterThanOrEqualTo(101);
        (await add.HandleAsync(new AddMeetingKindCommand("读书分享会", null), topAdmin, Ct)).FirstError.Message.ShouldBe("已有名为“读书分享会”的会议类型");
        (await add.HandleAsync(new AddMeetingKindCommand("支委会", null), topAdmin, Ct)).FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        (await update.HandleAsync(new UpdateMeetingKindCommand(2, null, null, true), topAdmin, Ct)).FirstError.Code.ShouldBe("meeting_kind.built_in");
        (await update.HandleAsync(new UpdateMeetingKindCommand(2, "支部委员会会议", null, null), topAdmin, Ct)).FirstError.Code.ShouldBe("meeting_kind.built_in");

        var kinds = await _db.Get<ListMeetingKindsHandler>().HandleAsync(new ListMeetingKindsQuery(), Admin, Ct);
        var code = kinds.Kinds.Single(k => k.Id == id).Code;
        var ids = await AddMembersAsync(_branch, 1);
        var meeting = (await CreateAsync(_branch, Input(Today, [code], AllPresent(ids)))).Value;

        (await update.HandleAsync(new UpdateMeetingKindCommand(id, "读书交流会", null, true), topAdmin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<ListMeetingKindsHandler>().HandleAsync(new ListMeetingKindsQuery(), Admin, Ct)).Kinds.ShouldNotContain(k => k.Id == id);
        (await CreateAsync(_branch, Input(Today, [code], AllPresent(ids)))).FirstError.Message.ShouldBe("会议类型“读书交流会”已停用，不能用于新的会议记录");
        (await _db.Get<UpdateMeetingHandler>().HandleAsync(new UpdateMeetingCommand(meeting, Input(Today, [code], AllPresent(ids)) with { Topic = "改了主题" }), Admin, Ct))
            .IsSuccess.ShouldBeTrue();
        (await ViewAsync(meeting)).Kinds.ShouldHaveSingleItem().Name.ShouldBe("读书交流会");
    }
}
