using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Meetings;

public sealed class MeetingMetricsTests : IAsyncLifetime
{
    private static readonly DateOnly Q3Start = new(2026, 7, 1);
    private static readonly DateOnly Q3End = new(2026, 9, 30);
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private string _rootPath = "";

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _rootPath = (await _db.FindAsync(_root)).Path;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<long> AddMemberAsync(string name, bool leadingCadre = false, DateOnly? placedFrom = null, MemberCategory category = MemberCategory.Full)
    {
        await using var db = await _db.OpenAsync();
        var fields = new MemberFields(name, Gender.Male, "汉族", new DateOnly(1980, 1, 1), $"{name.GetHashCode():X8}".PadLeft(18, '0'), null, null, null, null,
            EmploymentStatus.Employed, null, null, leadingCadre, null, null, null, null, new DateOnly(2010, 1, 1), null, category, false, null, null, false, null);
        var member = Member.Create(fields, _branch, null);
        db.Add(member);
        await db.SaveChangesAsync(Ct);
        db.Add(MemberPlacement.Open(member.Id, _branch, null, placedFrom ?? new DateOnly(2010, 1, 1)));
        await db.SaveChangesAsync(Ct);
        return member.Id;
    }

    private async Task<long> AddMeetingAsync(DateOnly heldOn, long[] kindIds, params (long? MemberId, AttendanceStatus Status)[] attendance)
    {
        await using var db = await _db.OpenAsync();
        var meeting = Meeting.Create(_branch, new MeetingDetails(heldOn, null, null, "学习", null, null, null, null, null, null, null, null), DateTime.UtcNow);
        meeting.Kinds.AddRange(kindIds.Select(MeetingKindLink.For));
        meeting.Attendees.AddRange(attendance.Select(a => MeetingAttendee.Create(a.MemberId, "某", AttendeeRole.Member, a.Status, null, true, false, false, null)));
        db.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return meeting.Id;
    }

    private async Task<IReadOnlyList<MetricValue>> EvaluateAsync(string key, string? dimension, DateOnly from, DateOnly to)
    {
        await using var db = await _db.OpenAsync();
        return await MetricCatalogue.Default.Get(key).EvaluateAsync(new MetricScope(db, _rootPath, from, to), dimension, Ct);
    }

    [Fact]
    public async Task MeetingWithTwoKinds_CountsForEachKind_AndOnceInTheTotal()
    {
        await AddMeetingAsync(new DateOnly(2026, 7, 10), [1, 5]);
        await AddMeetingAsync(new DateOnly(2026, 8, 10), [5]);

        (await EvaluateAsync("meetings.count", null, Q3Start, Q3End)).Single().Value.ShouldBe(2);
        var byKind = await EvaluateAsync("meetings.count", "kind", Q3Start, Q3End);
        byKind.Single(v => v.Key == MeetingKindCodes.BranchGeneralMeeting).Value.ShouldBe(1);
        byKind.Single(v => v.Key == MeetingKindCodes.ThemeDay).Value.ShouldBe(2);
        byKind.Single(v => v.Key == MeetingKindCodes.CommitteeMeeting).Value.ShouldBe(0);
    }

    [Fact]
    public async Task PeriodEnds_BothCount_AndTheNextDayDoesNot()
    {
        await AddMeetingAsync(new DateOnly(2026, 6, 30), [5]);
        await AddMeetingAsync(Q3Start, [5]);
        await AddMeetingAsync(Q3End, [5]);
        await AddMeetingAsync(new DateOnly(2026, 10, 1), [5]);

        (await EvaluateAsync("meetings.count", null, Q3Start, Q3End)).Single().Value.ShouldBe(2);
    }

    [Fact]
    public async Task Attendance_CountsPresentMembers_AndTheRateLeavesOutApprovedExclusions()
    {
        var a = await AddMemberAsync("甲");
        var b = await AddMemberAsync("乙");
        var c = await AddMemberAsync("丙");
        var id = await AddMeetingAsync(new DateOnly(2026, 7, 10), [2], (a, AttendanceStatus.Present), (b, AttendanceStatus.Present), (c, AttendanceStatus.Leave));
        await using (var db = await _db.OpenAsync())
        {
            db.Add(MeetingAttendee.Create(null, "病休者", AttendeeRole.Member, AttendanceStatus.Absent, null, true, false, true, "长期病休，经支委会批准"));
            db.Add(MeetingAttendee.Create(null, "列席者", AttendeeRole.NonVoting, AttendanceStatus.Present, null, false, false, false, null));
            foreach (var entry in db.ChangeTracker.Entries<MeetingAttendee>()) entry.Property("MeetingId").CurrentValue = id;
            await db.SaveChangesAsync(Ct);
        }

        (await EvaluateAsync("meetings.attendance", null, Q3Start, Q3End)).Single().Value.ShouldBe(2);
        (await EvaluateAsync("meetings.attendanceRate", null, Q3Start, Q3End)).Single().Value.ShouldBe(66.7m);
        (await EvaluateAsync("meetings.attendanceRate", "kind", Q3Start, Q3End)).Single(v => v.Key == MeetingKindCodes.CommitteeMeeting).Value.ShouldBe(66.7m);
    }

    [Fact]
    public async Task DualLife_CountsLeadersPresentAtTheirOwnBranch_NotOrdinaryMembers()
    {
        var cadre = await AddMemberAsync("领导", leadingCadre: true);
        var committeeMember = await AddMemberAsync("委员");
        var ordinary = await AddMemberAsync("普通");
        (await _db.Get<AddCommitteeMemberHandler>().HandleAsync(new AddCommitteeMemberCommand(_root, committeeMember, null, CommitteePost.Member, new DateOnly(2026, 1, 1)), Admin, Ct))
            .IsSuccess.ShouldBeTrue();
        await AddMeetingAsync(new DateOnly(2026, 7, 10), [5], (cadre, AttendanceStatus.Present), (committeeMember, AttendanceStatus.Present), (ordinary, AttendanceStatus.Present));
        await AddMeetingAsync(new DateOnly(2026, 8, 10), [5], (cadre, AttendanceStatus.Absent), (committeeMember, AttendanceStatus.Present));

        (await EvaluateAsync("dualLife.count", null, Q3Start, Q3End)).Single().Value.ShouldBe(3);
    }

    [Fact]
    public async Task Roster_CountsAMemberWhoJoinedMidQuarter_OnlyFromThatDate()
    {
        await AddMemberAsync("老党员");
        await AddMemberAsync("新转入", placedFrom: new DateOnly(2026, 8, 15));
        await AddMemberAsync("预备", category: MemberCategory.Probationary);

        await using var db = await _db.OpenAsync();
        (await MemberRoster.ForAsync(db, _branch, false, new DateOnly(2026, 8, 14), Ct)).Select(r => r.Name).ShouldBe(["老党员", "预备"], ignoreOrder: true);
        var after = await MemberRoster.ForAsync(db, _branch, false, new DateOnly(2026, 8, 15), Ct);
        after.Count.ShouldBe(3);
        after.Single(r => r.Name == "预备").IsVoter.ShouldBeFalse();
        after.Single(r => r.Name == "新转入").IsVoter.ShouldBeTrue();
    }

    [Fact]
    public async Task Lectures_AreCountedByLecturerRole()
    {
        await using (var db = await _db.OpenAsync())
        {
            foreach (var role in new LecturerRole?[] { LecturerRole.Secretary, LecturerRole.Secretary, LecturerRole.OrdinaryMember, null })
            {
                var m = Meeting.Create(_branch, new MeetingDetails(new DateOnly(2026, 7, 20), null, null, "党课", null, null, null, null, null, "讲者", role, null), DateTime.UtcNow);
                m.Kinds.Add(MeetingKindLink.For(4));
                db.Add(m);
            }

            await db.SaveChangesAsync(Ct);
        }

        var values = await EvaluateAsync("lectures.count", "lecturerRole", Q3Start, Q3End);
        values.Single(v => v.Key == nameof(LecturerRole.Secretary)).Value.ShouldBe(2);
        values.Single(v => v.Key == nameof(LecturerRole.OrdinaryMember)).Value.ShouldBe(1);
        values.Single(v => v.Key is null).Value.ShouldBe(1);
        (await EvaluateAsync("lectures.count", null, Q3Start, Q3End)).Single().Value.ShouldBe(4);
    }
}
