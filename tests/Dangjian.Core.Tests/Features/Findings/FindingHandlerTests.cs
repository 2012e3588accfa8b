using Dangjian.Core.Common;
using Dangjian.Core.Features.Findings;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Tests.Features.Evaluations;
using Dangjian.Core.Tests.Features.Transfers;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Findings;

public sealed class FindingHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday;
    private static readonly DateOnly MeetingDay = new(2026, 3, 10);
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _meeting;
    private long _owner;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _owner = await _db.AddFullMemberAsync(_branch, "责任人");
        _meeting = await _db.AddMeetingAsync(_branch, MeetingDay, "2025年度组织生活会", 6);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static FindingInput Input(DateOnly? deadline = null, long? owner = null, string? ownerName = null, string description = "理论学习不够深入") =>
        new() { Description = description, OwnerMemberId = owner, OwnerName = ownerName, Deadline = deadline ?? MeetingDay.AddMonths(3) };

    private Task<Result<long>> AddAsync(FindingInput input, long? meeting = null) =>
        _db.Get<AddFindingHandler>().HandleAsync(new AddFindingCommand(FindingSource.LifeMeeting, meeting ?? _meeting, input), Admin, Ct);

    [Fact]
    public async Task Add_ToALifeMeeting_OpenWithTheMembersName()
    {
        var id = await AddAsync(Input(owner: _owner));
        id.IsSuccess.ShouldBeTrue(id.IsSuccess ? null : id.FirstError.Message);
        var item = (await _db.Get<GetMeetingFindingsHandler>().HandleAsync(new GetMeetingFindingsQuery(_meeting), Admin, Ct)).Value.Findings.Single();
        (item.OwnerName, item.Status, item.StatusLabel, item.SourceTitle).ShouldBe(("责任人", FindingStatus.Open, "待整改", "2025年度组织生活会"));
    }

    [Fact]
    public async Task Add_ToAMeetingThatIsNotALifeMeeting_IsAConflict_LeadershipLifeMeetingIsFine()
    {
        var committeeMeeting = await _db.AddMeetingAsync(_branch, MeetingDay, "支委会", 2);
        var refused = await AddAsync(Input(ownerName: "支部委员会"), committeeMeeting);
        refused.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        refused.FirstError.Message.ShouldContain("不是组织生活会或民主生活会");

        var leadership = await _db.AddMeetingAsync(_root, MeetingDay, "领导班子民主生活会", 7, 8);
        (await AddAsync(Input(ownerName: "领导班子"), leadership)).IsSuccess.ShouldBeTrue();
        var both = await _db.AddMeetingAsync(_branch, MeetingDay, "组织生活会暨党员大会", 1, 6);
        (await AddAsync(Input(ownerName: "支部委员会"), both)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Add_Validation_DescriptionOwnerDeadline()
    {
        var result = await AddAsync(new FindingInput { Description = "", Deadline = MeetingDay.AddDays(-1) });
        result.Errors.Select(e => e.Code).ShouldBe(["finding.description_required", "finding.owner_required", "finding.deadline_before_meeting"], ignoreOrder: true);
        var other = await _db.CreateAsync("O", Branch, _root);
        var stranger = await _db.AddFullMemberAsync(other, "外人");
        (await AddAsync(Input(owner: stranger))).FirstError.Code.ShouldBe("finding.owner_not_in_organization");
        (await AddAsync(Input(deadline: MeetingDay))).FirstError.Code.ShouldBe("finding.owner_required");
        (await AddAsync(Input(deadline: MeetingDay, ownerName: "宣传委员"))).IsSuccess.ShouldBeTrue(); // the meeting day itself is a valid deadline
    }

    [Fact]
    public async Task Update_ResolvedNeedsADate_NotInTheFuture_LeavingResolvedClearsIt()
    {
        var id = (await AddAsync(Input(ownerName: "组织委员"))).Value;
        var update = _db.Get<UpdateFindingHandler>();
        (await update.HandleAsync(new UpdateFindingCommand(id, Input(ownerName: "组织委员"), FindingStatus.Resolved, null, null), Admin, Ct)).FirstError.Code.ShouldBe("finding.resolved_on_required");
        (await update.HandleAsync(new UpdateFindingCommand(id, Input(ownerName: "组织委员"), FindingStatus.Resolved, Today.AddDays(1), null), Admin, Ct)).FirstError.Code.ShouldBe("finding.resolved_on_future");
        (await update.HandleAsync(new UpdateFindingCommand(id, Input(ownerName: "组织委员"), FindingStatus.InProgress, null, "正在整改"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await update.HandleAsync(new UpdateFindingCommand(id, Input(ownerName: "组织委员"), FindingStatus.Resolved, Today, "已整改到位"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var item = (await _db.Get<ListFindingsHandler>().HandleAsync(new ListFindingsQuery { Status = FindingStatus.Resolved }, Admin, Ct)).Value.Items.Single();
        (item.ResolvedOn, item.Note).ShouldBe((Today, "已整改到位"));
        (await update.HandleAsync(new UpdateFindingCommand(id, Input(ownerName: "组织委员"), FindingStatus.InProgress, Today, null), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<ListFindingsHandler>().HandleAsync(new ListFindingsQuery(), Admin, Ct)).Value.Items.Single().ResolvedOn.ShouldBeNull();
    }

    [Fact]
    public async Task Overdue_UnresolvedPastTheDeadline_IsListedAndReminded()
    {
        await AddAsync(Input(deadline: Today.AddDays(-1), ownerName: "书记", description: "过期问题"));
        await AddAsync(Input(deadline: Today, ownerName: "书记", description: "今天到期"));
        var resolved = (await AddAsync(Input(deadline: Today.AddDays(-2), ownerName: "书记", description: "已整改问题"))).Value;
        await _db.Get<UpdateFindingHandler>().HandleAsync(new UpdateFindingCommand(resolved, Input(deadline: Today.AddDays(-2), ownerName: "书记", description: "已整改问题"), FindingStatus.Resolved, Today, null), Admin, Ct);

        var overdue = (await _db.Get<ListFindingsHandler>().HandleAsync(new ListFindingsQuery { OverdueOnly = true, Under = _root }, Admin, Ct)).Value.Items;
        overdue.Single().Description.ShouldBe("过期问题");
        var reminders = (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(_root), Admin, Ct)).Value.Where(r => r.Category == FindingReminders.Category).ToList();
        reminders.Single().Message.ShouldContain("过期问题");
        reminders.Single().Link.ShouldBe($"/meetings/{_meeting}/findings");
        var counts = (await _db.Get<GetFindingCountsHandler>().HandleAsync(new GetFindingCountsQuery(FindingSource.LifeMeeting, _meeting), Admin, Ct)).Value;
        counts.ShouldBe(new FindingCounts(3, 2, 0, 1, 1));
    }

    [Fact]
    public async Task OutsideTheScope_NotFound_AndTheListIsEmpty()
    {
        var id = (await AddAsync(Input(ownerName: "书记"))).Value;
        var other = await _db.CreateAsync("O", Branch, _root);
        var outsider = await _db.ScopeAsync(other);
        (await _db.Get<AddFindingHandler>().HandleAsync(new AddFindingCommand(FindingSource.LifeMeeting, _meeting, Input(ownerName: "x")), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<UpdateFindingHandler>().HandleAsync(new UpdateFindingCommand(id, Input(ownerName: "x"), FindingStatus.Open, null, null), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<ListFindingsHandler>().HandleAsync(new ListFindingsQuery(), outsider, Ct)).Value.Total.ShouldBe(0);
        (await _db.Get<GetMeetingFindingsHandler>().HandleAsync(new GetMeetingFindingsQuery(_meeting), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }
}
