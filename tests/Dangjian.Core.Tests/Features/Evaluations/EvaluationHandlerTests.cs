using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Tests.Features.Transfers;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;
using Grade = Dangjian.Core.Features.Evaluations.EvaluationGrade;

namespace Dangjian.Core.Tests.Features.Evaluations;

public sealed class EvaluationHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday; // 2026-07-01
    private static readonly DateOnly HeldOn = new(2026, 1, 20);
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

    private async Task<List<long>> MembersAsync(int count, long? branch = null)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++) ids.Add(await _db.AddFullMemberAsync(branch ?? _branch, $"党员{i:00}"));
        return ids;
    }

    private static EvaluationInput Input(IEnumerable<EvaluationEntryInput> entries, int year = 2025, DateOnly? heldOn = null, bool gradeProbationary = false) =>
        new() { Year = year, HeldOn = heldOn ?? HeldOn, Entries = entries.ToList(), GradeProbationary = gradeProbationary };

    private static IEnumerable<EvaluationEntryInput> Graded(IReadOnlyList<long> members, int excellent, Grade rest = Grade.Qualified) =>
        members.Select((id, i) => new EvaluationEntryInput(id, true, i < excellent ? Grade.Excellent : rest));

    private Task<Result<SavedEvaluation>> CreateAsync(EvaluationInput input, long? branch = null) =>
        _db.Get<CreateEvaluationHandler>().HandleAsync(new CreateEvaluationCommand(branch ?? _branch, input), Admin, Ct);

    private async Task<List<DispositionCase>> CasesAsync()
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<DispositionCase>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(Ct);
    }

    [Theory]
    [InlineData(3, false)] // 3 of 9 is exactly one third: no warning
    [InlineData(4, true)]
    public async Task Create_ExcellentOverOneThird_WarnsButSaves(int excellent, bool warned)
    {
        var members = await MembersAsync(9);
        var saved = await CreateAsync(Input(Graded(members, excellent)));
        saved.IsSuccess.ShouldBeTrue(saved.IsSuccess ? null : saved.FirstError.Message);
        saved.Value.Warnings.Any(w => w.Contains("三分之一")).ShouldBe(warned);
        var details = (await _db.Get<GetEvaluationHandler>().HandleAsync(new GetEvaluationQuery(saved.Value.Id), Admin, Ct)).Value;
        details.Summary.Excellent.ShouldBe(excellent);
        details.Summary.Graded.ShouldBe(9);
        details.Warnings.Count.ShouldBe(warned ? 1 : 0);
    }

    [Fact]
    public async Task Create_SameBranchAndYearTwice_IsAConflict()
    {
        var members = await MembersAsync(2);
        (await CreateAsync(Input(Graded(members, 0)))).IsSuccess.ShouldBeTrue();
        var again = await CreateAsync(Input(Graded(members, 0), heldOn: HeldOn.AddDays(1)));
        again.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        again.FirstError.Message.ShouldContain("2025年度的民主评议已经登记过");
        (await CreateAsync(Input(Graded(members, 0), year: 2026, heldOn: HeldOn.AddDays(1)))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Create_ProbationaryTakesPartButIsNotGraded_UnlessTheSessionSaysSo()
    {
        var full = await _db.AddFullMemberAsync(_branch, "正式");
        var probationary = await _db.AddProbationaryAsync(_branch, "预备");
        var refused = await CreateAsync(Input([new(full, true, Grade.Qualified), new(probationary, true, Grade.Qualified)]));
        refused.FirstError.Code.ShouldBe("evaluation.probationary_graded");

        var saved = await CreateAsync(Input([new(full, true, Grade.Qualified), new(probationary, true, null)]));
        saved.IsSuccess.ShouldBeTrue();
        var details = (await _db.Get<GetEvaluationHandler>().HandleAsync(new GetEvaluationQuery(saved.Value.Id), Admin, Ct)).Value;
        details.Summary.Participants.ShouldBe(2);
        details.Summary.Graded.ShouldBe(1);
        details.Rows.Single(r => r.MemberId == probationary).IsProbationary.ShouldBeTrue();

        var graded = await _db.Get<UpdateEvaluationHandler>().HandleAsync(
            new UpdateEvaluationCommand(saved.Value.Id, Input([new(full, true, Grade.Qualified), new(probationary, true, Grade.Excellent)], gradeProbationary: true)), Admin, Ct);
        graded.IsSuccess.ShouldBeTrue(graded.IsSuccess ? null : graded.FirstError.Message);
    }

    [Fact]
    public async Task Create_RosterIsTheBranchOnTheSessionDate()
    {
        var before = await _db.AddFullMemberAsync(_branch, "早到");
        var after = await _db.AddFullMemberAsync(_branch, "晚到", placedFrom: HeldOn.AddDays(1));
        var refused = await CreateAsync(Input([new(before, true, Grade.Qualified), new(after, true, Grade.Qualified)]));
        refused.FirstError.Code.ShouldBe("evaluation.not_on_roster");

        // Roster members without a line are recorded as not taking part.
        var other = await _db.AddFullMemberAsync(_branch, "未填");
        var saved = await CreateAsync(Input([new(before, true, Grade.Qualified)]));
        var rows = (await _db.Get<GetEvaluationHandler>().HandleAsync(new GetEvaluationQuery(saved.Value.Id), Admin, Ct)).Value.Rows;
        rows.Select(r => r.MemberId).ShouldBe([before, other], ignoreOrder: true);
        rows.Single(r => r.MemberId == other).Participated.ShouldBeFalse();
    }

    [Fact]
    public async Task Create_GradeWithoutParticipation_IsRefused()
    {
        var member = (await MembersAsync(1))[0];
        (await CreateAsync(Input([new(member, false, Grade.Qualified)]))).FirstError.Code.ShouldBe("evaluation.grade_without_participation");
    }

    [Fact]
    public async Task Create_HeldInTheFutureOrOutsideTheYear_IsRefused()
    {
        var member = (await MembersAsync(1))[0];
        (await CreateAsync(Input([new(member, true, null)], year: 2026, heldOn: Today.AddDays(1)))).FirstError.Code.ShouldBe("evaluation.held_on_future");
        (await CreateAsync(Input([new(member, true, null)], year: 2024))).FirstError.Code.ShouldBe("evaluation.held_on_window");
    }

    [Fact]
    public async Task Create_Unqualified_OpensACase_SixMonthsByDefault()
    {
        var members = await MembersAsync(3);
        var saved = await CreateAsync(Input([new(members[0], true, Grade.Unqualified), new(members[1], true, Grade.Qualified), new(members[2], true, Grade.BasicallyQualified)]));
        saved.Value.CasesOpened.ShouldBe(1);
        var opened = (await CasesAsync()).Single();
        opened.MemberId.ShouldBe(members[0]);
        opened.Measure.ShouldBe(DispositionMeasure.CorrectWithinDeadline);
        opened.OpenedOn.ShouldBe(HeldOn);
        opened.Deadline.ShouldBe(new DateOnly(2026, 7, 20));
        opened.Status.ShouldBe(DispositionStatus.Open);
        opened.OrganizationId.ShouldBe(_branch);

        // Saving again does not open a second case.
        (await _db.Get<UpdateEvaluationHandler>().HandleAsync(new UpdateEvaluationCommand(saved.Value.Id,
            Input([new(members[0], true, Grade.Unqualified), new(members[1], true, Grade.Qualified), new(members[2], true, Grade.Qualified)])), Admin, Ct)).Value.CasesOpened.ShouldBe(0);
        (await CasesAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Create_DeadlineExactlyOneYear_IsAccepted_OneDayMore_IsRefused()
    {
        var member = (await MembersAsync(1))[0];
        var refused = await CreateAsync(Input([new(member, true, Grade.Unqualified, null, HeldOn.AddYears(1).AddDays(1))]));
        refused.FirstError.Code.ShouldBe("evaluation.deadline_range");
        (await CasesAsync()).ShouldBeEmpty();

        var saved = await CreateAsync(Input([new(member, true, Grade.Unqualified, null, HeldOn.AddYears(1))]));
        saved.IsSuccess.ShouldBeTrue();
        (await CasesAsync()).Single().Deadline.ShouldBe(new DateOnly(2027, 1, 20));
    }

    [Fact]
    public async Task Update_GradeAwayFromUnqualifiedWhileTheCaseIsOpen_IsRefused_AllowedAfterClosing()
    {
        var member = (await MembersAsync(1))[0];
        var saved = await CreateAsync(Input([new(member, true, Grade.Unqualified)]));
        var update = _db.Get<UpdateEvaluationHandler>();

        var refused = await update.HandleAsync(new UpdateEvaluationCommand(saved.Value.Id, Input([new(member, true, Grade.BasicallyQualified)])), Admin, Ct);
        refused.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        refused.FirstError.Message.ShouldContain("尚未结案");
        var notTakingPart = await update.HandleAsync(new UpdateEvaluationCommand(saved.Value.Id, Input([new(member, false, null)])), Admin, Ct);
        notTakingPart.FirstError.Code.ShouldBe("evaluation.grade_locked");

        var caseId = (await CasesAsync()).Single().Id;
        (await _db.Get<CloseDispositionHandler>().HandleAsync(new CloseDispositionCommand(caseId, Today, "已按期改正，经支部研究予以结案"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var allowed = await update.HandleAsync(new UpdateEvaluationCommand(saved.Value.Id, Input([new(member, true, Grade.BasicallyQualified)])), Admin, Ct);
        allowed.IsSuccess.ShouldBeTrue(allowed.IsSuccess ? null : allowed.FirstError.Message);
        var closed = (await CasesAsync()).Single();
        closed.Status.ShouldBe(DispositionStatus.Closed);
        closed.Outcome.ShouldBe("已按期改正，经支部研究予以结案");
    }

    [Fact]
    public async Task Update_OpenCaseDeadline_CanMoveWithinTheYear()
    {
        var member = (await MembersAsync(1))[0];
        var saved = await CreateAsync(Input([new(member, true, Grade.Unqualified)]));
        var update = _db.Get<UpdateEvaluationHandler>();
        (await update.HandleAsync(new UpdateEvaluationCommand(saved.Value.Id, Input([new(member, true, Grade.Unqualified, null, HeldOn.AddMonths(9))])), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await CasesAsync()).Single().Deadline.ShouldBe(HeldOn.AddMonths(9));
        (await update.HandleAsync(new UpdateEvaluationCommand(saved.Value.Id, Input([new(member, true, Grade.Unqualified, null, HeldOn.AddMonths(13))])), Admin, Ct))
            .FirstError.Code.ShouldBe("evaluation.deadline_range");
    }

    [Fact]
    public async Task Close_OutcomeRequired_NotBeforeOpening_NotTwice()
    {
        var member = (await MembersAsync(1))[0];
        await CreateAsync(Input([new(member, true, Grade.Unqualified)]));
        var id = (await CasesAsync()).Single().Id;
        var close = _db.Get<CloseDispositionHandler>();
        (await close.HandleAsync(new CloseDispositionCommand(id, Today, "  "), Admin, Ct)).FirstError.Code.ShouldBe("evaluation.outcome_required");
        (await close.HandleAsync(new CloseDispositionCommand(id, HeldOn.AddDays(-1), "劝退"), Admin, Ct)).FirstError.Code.ShouldBe("evaluation.closed_before_opened");
        (await close.HandleAsync(new CloseDispositionCommand(id, null, "劝退"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await close.HandleAsync(new CloseDispositionCommand(id, null, "劝退"), Admin, Ct)).FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        (await CasesAsync()).Single().ClosedOn.ShouldBe(Today);
    }

    [Fact]
    public async Task Create_OutsideTheCallersScope_IsNotFound_AndReadOnlyIsForbidden()
    {
        var other = await _db.CreateAsync("O", Branch, _root);
        var member = (await MembersAsync(1))[0];
        var outsider = await _db.ScopeAsync(other);
        (await _db.Get<CreateEvaluationHandler>().HandleAsync(new CreateEvaluationCommand(_branch, Input([new(member, true, null)])), outsider, Ct))
            .FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        var reader = await _db.ScopeAsync(_branch, Dangjian.Core.Features.Access.Role.ReadOnly);
        (await _db.Get<CreateEvaluationHandler>().HandleAsync(new CreateEvaluationCommand(_branch, Input([new(member, true, null)])), reader, Ct))
            .FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task Create_OnACommittee_IsRefused()
    {
        (await CreateAsync(Input([]), _root)).FirstError.Code.ShouldBe("evaluation.not_branch");
    }

    [Fact]
    public async Task Reminders_OpenCaseNearAndPastTheDeadline()
    {
        var member = (await MembersAsync(1))[0];
        // Opened 2026-01-20: the default deadline 2026-07-20 is 19 days after today → warning.
        await CreateAsync(Input([new(member, true, Grade.Unqualified)]));
        var reminders = await RemindersAsync();
        reminders.Single().Severity.ShouldBe(ReminderSeverity.Warning);

        _db.Clock.Advance(TimeSpan.FromDays(20)); // 2026-07-21: one day past
        reminders = await RemindersAsync();
        reminders.Single().Severity.ShouldBe(ReminderSeverity.Overdue);
        (await _db.Get<ListDispositionsHandler>().HandleAsync(new ListDispositionsQuery { OverdueOnly = true }, Admin, Ct)).Value.Items.Single().Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task Reminders_DeadlineMoreThanThirtyDaysAway_IsQuiet()
    {
        var member = (await MembersAsync(1))[0];
        await CreateAsync(Input([new(member, true, Grade.Unqualified, null, Today.AddDays(31))]));
        (await RemindersAsync()).ShouldBeEmpty();
    }

    private async Task<List<Reminder>> RemindersAsync() =>
        (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(_root), Admin, Ct)).Value.Where(r => r.Category == DispositionReminders.Category).ToList();

    [Fact]
    public async Task Metrics_CountSessionsHeldInThePeriod_InTheSubtree()
    {
        var members = await MembersAsync(4);
        var probationary = await _db.AddProbationaryAsync(_branch, "预备");
        var absent = await _db.AddFullMemberAsync(_branch, "缺席");
        await CreateAsync(Input(Graded(members, 1).Append(new(probationary, true, null)).Append(new(absent, false, null))));
        var outside = await _db.CreateAsync("X", Branch);
        var outsider = await _db.AddFullMemberAsync(outside, "外部");
        await CreateAsync(Input([new(outsider, true, Grade.Excellent)]), outside);

        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        (await _db.MetricAsync("evaluation.sessions", _root, from, to)).ShouldBe(1m);
        (await _db.MetricAsync("evaluation.participants", _root, from, to)).ShouldBe(5m);
        (await _db.MetricAsync("evaluation.graded", _root, from, to)).ShouldBe(4m);
        (await _db.MetricAsync("evaluation.graded", _root, from, to, "grade", "Excellent")).ShouldBe(1m);
        (await _db.MetricAsync("evaluation.graded", _root, from, to, "grade", "Qualified")).ShouldBe(3m);
        (await _db.MetricAsync("evaluation.graded", _root, from, to, "grade", "Unqualified")).ShouldBe(0m);
        // The session reviews 2025 but was held in January 2026: it is not in 2025's figures.
        (await _db.MetricAsync("evaluation.sessions", _root, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))).ShouldBe(0m);
        (await _db.MetricAsync("evaluation.sessions", _root, HeldOn, HeldOn)).ShouldBe(1m);
    }

    [Fact]
    public async Task List_FiltersByYearAndSubtree_WithCounts()
    {
        var members = await MembersAsync(3);
        await CreateAsync(Input([new(members[0], true, Grade.Unqualified), new(members[1], true, Grade.Excellent), new(members[2], true, Grade.Excellent)]));
        var list = (await _db.Get<ListEvaluationsHandler>().HandleAsync(new ListEvaluationsQuery { Under = _root, Year = 2025 }, Admin, Ct)).Value;
        var item = list.Items.Single();
        (item.Participants, item.Graded, item.Excellent, item.Unqualified, item.OpenCases).ShouldBe((3, 3, 2, 1, 1));
        item.ExcellentShareExceeded.ShouldBeTrue();
        (await _db.Get<ListEvaluationsHandler>().HandleAsync(new ListEvaluationsQuery { Year = 2024 }, Admin, Ct)).Value.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Create_WithAMeetingOfAnotherBranch_IsRefused()
    {
        var other = await _db.CreateAsync("O", Branch, _root);
        var meeting = await _db.AddMeetingAsync(other, HeldOn, "别的支部的会", 1);
        var member = (await MembersAsync(1))[0];
        (await CreateAsync(Input([new(member, true, null)]) with { MeetingId = meeting })).FirstError.Code.ShouldBe("evaluation.meeting_not_found");
        var own = await _db.AddMeetingAsync(_branch, HeldOn, "支部党员大会", 1);
        (await CreateAsync(Input([new(member, true, null)]) with { MeetingId = own })).IsSuccess.ShouldBeTrue();
    }
}
