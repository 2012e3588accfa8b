using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Development;

/// <summary>The pipeline through its handlers on a migrated SQLite database (today is 2026-07-01 in China).</summary>
public sealed class DevelopmentHandlerTests : IAsyncLifetime
{
    private static int _sequence;
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _other;
    private long _m1;
    private long _m2;
    private long _punished;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _other = await _db.CreateAsync("O", Branch, _root);
        _m1 = await MemberAsync("联系人甲");
        _m2 = await MemberAsync("介绍人乙");
        _punished = await MemberAsync("受处分丙");
        (await _db.Get<ChangeMemberStatusHandler>().HandleAsync(
            new ChangeMemberStatusCommand(_punished, MembershipStatus.OnProbationPunishment, new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1), null, "留党察看一年"), Admin, Ct))
            .IsSuccess.ShouldBeTrue();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private async Task<long> MemberAsync(string name)
    {
        var birth = new DateOnly(1980, 1, 1).AddDays(Interlocked.Increment(ref _sequence));
        var input = new MemberInput
        {
            Name = name, Gender = Gender.Male, BirthDate = birth, IdNumber = CandidateRulesTests.Id(birth), EmploymentStatus = EmploymentStatus.Employed,
            ApplicationDate = new DateOnly(2008, 1, 1), AdmittedOn = new DateOnly(2010, 1, 1), ConfirmedOn = new DateOnly(2011, 1, 1), Category = MemberCategory.Full,
        };
        var result = await _db.Get<CreateMemberHandler>().HandleAsync(new CreateMemberCommand(_branch, null, input), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    private async Task<long> CandidateAsync(DateOnly applied, long? branch = null)
    {
        var birth = new DateOnly(1998, 3, 1).AddDays(Interlocked.Increment(ref _sequence));
        var result = await _db.Get<CreateCandidateHandler>().HandleAsync(new CreateCandidateCommand(branch ?? _branch, CandidateRulesTests.Input(birth, applied) with { Name = "候选人" + _sequence }), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    private static DateOnly ScheduledOn(DateOnly applied, int step) => CompliantSchedule.On(applied, step);

    private StepDetails Details(int step, DateOnly on) => step switch
    {
        5 => new StepDetails { MemberIds = [_m1] },
        9 => new StepDetails { MemberIds = [_m1, _m2] },
        10 => new StepDetails { ReviewPassed = true, Person = "政审组" },
        11 => new StepDetails { TrainingDays = 3 },
        12 => new StepDetails { NoticeFrom = on.AddDays(-20), NoticeTo = on.AddDays(-1) },
        15 => new StepDetails { Vote = new VoteCount(10, 8, 7, 1, 0) },
        23 => new StepDetails { Vote = new VoteCount(10, 8, 7, 1, 0), NoticeFrom = on.AddDays(-20), NoticeTo = on.AddDays(-1) },
        _ => new StepDetails { Person = DevelopmentCatalogue.Step(step).Needs(StepFields.Person) ? "经办人" : null },
    };

    private Task<Result<long>> CompleteAsync(long candidate, int step, DateOnly on, StepDetails? details = null, AccessScope? scope = null) =>
        _db.Get<CompleteStepHandler>().HandleAsync(new CompleteStepCommand(candidate, step, on, details ?? Details(step, on)), scope ?? Admin, Ct);

    private async Task RunAsync(long candidate, DateOnly applied, int from, int to)
    {
        for (var step = from; step <= to; step++)
        {
            var result = await CompleteAsync(candidate, step, ScheduledOn(applied, step));
            result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : $"步骤 {step}：{result.FirstError.Message}");
        }
    }

    private static void ShouldRefuse(Result<long> result, string code)
    {
        result.IsSuccess.ShouldBeFalse($"应拒绝（{code}）");
        result.FirstError.Code.ShouldBe(code);
        result.FirstError.Message.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    private async Task<Candidate> LoadAsync(long id)
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<Candidate>().AsNoTracking().Include(c => c.Steps).Include(c => c.People).SingleAsync(c => c.Id == id, Ct);
    }

    private async Task<Member> MemberOfAsync(long candidate)
    {
        var memberId = (await LoadAsync(candidate)).MemberId.ShouldNotBeNull();
        await using var db = await _db.OpenAsync();
        return await db.Set<Member>().AsNoTracking().SingleAsync(m => m.Id == memberId, Ct);
    }

    [Fact]
    public async Task Pipeline_FromApplicationTo正式党员_EveryHardRuleRefusesAtItsBoundary()
    {
        var applied = D(2023, 3, 11);
        var id = await CandidateAsync(applied);
        (await LoadAsync(id)).Steps.Single().Step.ShouldBe(1);
        await RunAsync(id, applied, 2, 6);

        // 发展对象 after at least one year as an activist (2023-09-11).
        ShouldRefuse(await CompleteAsync(id, 7, D(2024, 9, 10)), "development.target_too_early");
        (await CompleteAsync(id, 7, D(2024, 9, 11))).IsSuccess.ShouldBeTrue();
        await RunAsync(id, applied, 8, 8);

        ShouldRefuse(await CompleteAsync(id, 9, D(2024, 9, 16), new StepDetails { MemberIds = [_m1, _punished] }), "development.sponsor_punished");
        ShouldRefuse(await CompleteAsync(id, 9, D(2024, 9, 16), new StepDetails { MemberIds = [_m1] }), "development.sponsor_count");
        await RunAsync(id, applied, 9, 9);
        ShouldRefuse(await CompleteAsync(id, 10, D(2024, 9, 21), new StepDetails { ReviewPassed = false, Person = "政审组" }), "development.review_failed");
        await RunAsync(id, applied, 10, 10);
        ShouldRefuse(await CompleteAsync(id, 11, D(2024, 9, 26), new StepDetails { TrainingDays = 2, TrainingHours = 16 }), "development.training_short");
        await RunAsync(id, applied, 11, 11);

        // 公示 across 国庆 2024 on the seeded calendar: 09-27..10-08 holds 4 working days, 09-27..10-09 holds 5.
        ShouldRefuse(await CompleteAsync(id, 12, D(2024, 10, 11), new StepDetails { NoticeFrom = D(2024, 9, 27), NoticeTo = D(2024, 10, 8) }), "development.notice_short");
        (await CompleteAsync(id, 12, D(2024, 10, 11), new StepDetails { NoticeFrom = D(2024, 9, 27), NoticeTo = D(2024, 10, 9) })).IsSuccess.ShouldBeTrue();
        await RunAsync(id, applied, 13, 14);

        var vote = ScheduledOn(applied, 15);
        ShouldRefuse(await CompleteAsync(id, 15, vote, new StepDetails { Vote = new VoteCount(10, 5, 5, 0, 0) }), "development.no_quorum");
        ShouldRefuse(await CompleteAsync(id, 15, vote, new StepDetails { Vote = new VoteCount(10, 8, 5, 3, 0) }), "development.vote_failed");
        await RunAsync(id, applied, 15, 16);

        ShouldRefuse(await CompleteAsync(id, 17, vote.AddMonths(6).AddDays(1)), "development.approval_redo");
        await RunAsync(id, applied, 17, 17);

        // At admission: a 预备党员 in the branch, 入党日期 = the vote.
        var member = await MemberOfAsync(id);
        member.Category.ShouldBe(MemberCategory.Probationary);
        member.AdmittedOn.ShouldBe(vote);
        member.OrganizationId.ShouldBe(_branch);
        member.ApplicationDate.ShouldBe(applied);
        member.ConfirmedOn.ShouldBeNull();

        await RunAsync(id, applied, 18, 22);
        var end = (await LoadAsync(id)).ProbationEndsOn.ShouldNotBeNull();
        end.ShouldBe(vote.AddYears(1));
        ShouldRefuse(await CompleteAsync(id, 23, end.AddDays(-1)), "development.confirm_too_early");
        await RunAsync(id, applied, 23, 24);

        member = await MemberOfAsync(id);
        member.Category.ShouldBe(MemberCategory.Full);
        member.ConfirmedOn.ShouldBe(end);
        (await LoadAsync(id)).StageOn(D(2026, 7, 1)).ShouldBe(CandidateStage.Confirmed);
        await RunAsync(id, applied, 25, 25);
        ShouldRefuse(await CompleteAsync(id, 21, D(2026, 6, 1)), "development.closed");
    }

    [Fact]
    public async Task CompleteStep_OutOfOrderTwiceOrInTheFuture_Refused()
    {
        var applied = D(2025, 1, 10);
        var id = await CandidateAsync(applied);
        ShouldRefuse(await CompleteAsync(id, 3, D(2025, 8, 1)), "development.step_order");
        ShouldRefuse(await CompleteAsync(id, 2, D(2025, 1, 9)), "development.step_date_order");
        ShouldRefuse(await CompleteAsync(id, 2, D(2026, 7, 2)), "development.step_future");
        ShouldRefuse(await CompleteAsync(id, 2, D(2025, 1, 20), new StepDetails()), "development.person_required");
        ShouldRefuse(await CompleteAsync(id, 1, D(2025, 1, 20)), "development.step_done");
        await RunAsync(id, applied, 2, 2);
        ShouldRefuse(await CompleteAsync(id, 2, D(2025, 1, 21)), "development.step_done");
        ShouldRefuse(await CompleteAsync(id, 26, D(2025, 1, 21), new StepDetails()), "development.step_unknown");
        await RunAsync(id, applied, 3, 6);
        // A review repeats.
        (await CompleteAsync(id, 6, D(2026, 6, 1))).IsSuccess.ShouldBeTrue();
        (await LoadAsync(id)).Steps.Count(s => s.Step == 6).ShouldBe(2);
        ShouldRefuse(await CompleteAsync(id, 5, D(2026, 6, 1), new StepDetails { MemberIds = [_m1] }), "development.step_done");
    }

    [Fact]
    public async Task CorrectStepDate_NeedsAReason_IsAudited_AndKeepsTheRules()
    {
        var applied = D(2023, 1, 10);
        var id = await CandidateAsync(applied);
        await RunAsync(id, applied, 2, 7);
        var candidate = await LoadAsync(id);
        var talk = candidate.Steps.Single(s => s.Step == 2);
        var handler = _db.Get<CorrectStepDateHandler>();

        (await handler.HandleAsync(new CorrectStepDateCommand(id, talk.Id, D(2023, 1, 15), " "), Admin, Ct)).FirstError.Code.ShouldBe("development.reason_required");
        (await handler.HandleAsync(new CorrectStepDateCommand(id, talk.Id, D(2023, 1, 15), "谈话记录日期抄错"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await LoadAsync(id)).Steps.Single(s => s.Step == 2).CompletedOn.ShouldBe(D(2023, 1, 15));
        var audit = (await _db.AuditAsync()).Last(a => a.EntityType == nameof(CandidateStep));
        audit.Reason.ShouldBe("谈话记录日期抄错");
        audit.Changes.ShouldContain("2023-01-15");

        // Moving the activist date later would leave less than a year before the 发展对象 date: refused, nothing changed.
        var activist = candidate.Steps.Single(s => s.Step == 3);
        var later = await handler.HandleAsync(new CorrectStepDateCommand(id, activist.Id, activist.CompletedOn.AddDays(1), "更正"), Admin, Ct);
        later.FirstError.Code.ShouldBe("development.target_too_early");
        (await LoadAsync(id)).ActivistOn.ShouldBe(activist.CompletedOn);
        // Documents: marked as filed on the step.
        (await _db.Get<MarkStepFiledHandler>().HandleAsync(new MarkStepFiledCommand(id, talk.Id, true), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await LoadAsync(id)).Steps.Single(s => s.Id == talk.Id).DocumentsFiled.ShouldBeTrue();
        // Order: not after the next step.
        (await handler.HandleAsync(new CorrectStepDateCommand(id, talk.Id, D(2023, 12, 1), "更正"), Admin, Ct)).FirstError.Code.ShouldBe("development.step_date_next");
    }

    [Fact]
    public async Task Probation_ExtendedOnceBySixToTwelveMonths_ThenCancelled()
    {
        var applied = D(2023, 1, 10);
        var id = await CandidateAsync(applied);
        await RunAsync(id, applied, 2, 17);
        var vote = ScheduledOn(applied, 15);
        var extend = _db.Get<ExtendProbationHandler>();
        var on = vote.AddYears(1);
        (await extend.HandleAsync(new ExtendProbationCommand(id, on, 5, "需继续考察"), Admin, Ct)).FirstError.Code.ShouldBe("development.extension_months");
        (await extend.HandleAsync(new ExtendProbationCommand(id, on, 13, "需继续考察"), Admin, Ct)).FirstError.Code.ShouldBe("development.extension_months");
        (await extend.HandleAsync(new ExtendProbationCommand(id, on, 6, "需继续考察"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await extend.HandleAsync(new ExtendProbationCommand(id, on, 6, "再延长"), Admin, Ct)).FirstError.Code.ShouldBe("development.extended_once");
        var c = await LoadAsync(id);
        c.ProbationEndsOn.ShouldBe(vote.AddYears(1).AddMonths(6));

        await RunAsync(id, applied, 18, 22);
        ShouldRefuse(await CompleteAsync(id, 23, vote.AddYears(1)), "development.confirm_too_early");

        var cancel = _db.Get<CancelProbationHandler>();
        (await cancel.HandleAsync(new CancelProbationCommand(id, D(2026, 6, 1), null), Admin, Ct)).FirstError.Code.ShouldBe("development.decision_reason");
        (await cancel.HandleAsync(new CancelProbationCommand(id, D(2026, 6, 1), "延长预备期后仍不具备党员条件"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var member = await MemberOfAsync(id);
        member.Status.ShouldBe(MembershipStatus.Left);
        member.ExitType.ShouldBe(ExitType.Disqualified);
        (await LoadAsync(id)).StageOn(D(2026, 6, 1)).ShouldBe(CandidateStage.Cancelled);
        (await cancel.HandleAsync(new CancelProbationCommand(id, D(2026, 6, 2), "再次"), Admin, Ct)).FirstError.Code.ShouldBe("development.not_probationary");
        ShouldRefuse(await CompleteAsync(id, 23, D(2026, 6, 2)), "development.closed");
    }

    [Fact]
    public async Task Candidate_IdTakenByMemberOrCandidate_AndScopeEnforced()
    {
        var birth = new DateOnly(1999, 9, 9);
        var input = CandidateRulesTests.Input(birth, D(2024, 1, 1), sequence: 77);
        var create = _db.Get<CreateCandidateHandler>();
        var first = await create.HandleAsync(new CreateCandidateCommand(_branch, input), Admin, Ct);
        first.IsSuccess.ShouldBeTrue();
        (await create.HandleAsync(new CreateCandidateCommand(_branch, input), Admin, Ct)).FirstError.Code.ShouldBe("development.id_taken");
        (await create.HandleAsync(new CreateCandidateCommand(_root, input with { IdNumber = CandidateRulesTests.Id(birth, sequence: 78) }), Admin, Ct)).FirstError.Code.ShouldBe("member.not_branch");

        var other = await _db.FindAsync(_other);
        var outsider = new AccessScope("u2", false, [new ScopeRoot(_other, other.Path, other.Name, Role.Worker)]);
        (await CompleteAsync(first.Value, 2, D(2024, 1, 10), scope: outsider)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<GetCandidateProgressHandler>().HandleAsync(new GetCandidateProgressQuery(first.Value), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await create.HandleAsync(new CreateCandidateCommand(_branch, input with { IdNumber = CandidateRulesTests.Id(birth, sequence: 79) }), outsider, Ct)).IsSuccess.ShouldBeFalse();

        // Correcting the application date needs a reason.
        var update = _db.Get<UpdateCandidateHandler>();
        (await update.HandleAsync(new UpdateCandidateCommand(first.Value, input with { ApplicationDate = D(2024, 1, 2) }), Admin, Ct)).FirstError.Code.ShouldBe("development.reason_required");
        (await update.HandleAsync(new UpdateCandidateCommand(first.Value, input with { ApplicationDate = D(2024, 1, 2), Employer = "新单位" }, "申请书落款日期"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var c = await LoadAsync(first.Value);
        c.ApplicationDate.ShouldBe(D(2024, 1, 2));
        c.Steps.Single().CompletedOn.ShouldBe(D(2024, 1, 2));
        c.Employer.ShouldBe("新单位");
    }

    [Fact]
    public async Task HolidayCalendar_SeededFrom2018To2026_AndAdministratorsReplaceAYear()
    {
        await using (var db = await _db.OpenAsync())
        {
            (await db.Set<HolidayDay>().Select(d => d.NoticeYear).Distinct().OrderBy(y => y).ToListAsync(Ct)).ShouldBe(Enumerable.Range(2018, 9));
            var calendar = await CandidateAccess.CalendarAsync(db, D(2017, 12, 1), D(2026, 12, 31), Ct);
            calendar.IsWorkingDay(D(2020, 2, 1)).ShouldBeFalse();   // the 春节 extension
            calendar.IsWorkingDay(D(2020, 1, 19)).ShouldBeTrue();   // a Sunday 调休上班
            calendar.IsWorkingDay(D(2024, 2, 9)).ShouldBeTrue();    // 除夕 2024 was not an official rest day
            calendar.IsWorkingDay(D(2018, 12, 29)).ShouldBeTrue();  // a 2019-notice workday in December 2018
            calendar.IsWorkingDay(D(2026, 10, 7)).ShouldBeFalse();
        }

        var set = _db.Get<SetHolidayYearHandler>();
        var days = new List<HolidayDayInput> { new(D(2027, 1, 1), false, "元旦"), new(D(2026, 12, 26), true, "调休上班") };
        (await set.HandleAsync(new SetHolidayYearCommand(2027, days), Admin, Ct)).Value.ShouldBe(2);
        var worker = new AccessScope("u3", false, [new ScopeRoot(_root, (await _db.FindAsync(_root)).Path, "R", Role.OrgAdmin)]);
        (await set.HandleAsync(new SetHolidayYearCommand(2027, days), worker, Ct)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        (await set.HandleAsync(new SetHolidayYearCommand(2027, [new(D(2027, 3, 3), true, null)]), Admin, Ct)).FirstError.Code.ShouldBe("development.holiday_workday");
        (await set.HandleAsync(new SetHolidayYearCommand(2027, [new(D(2025, 3, 3), false, null)]), Admin, Ct)).FirstError.Code.ShouldBe("development.holiday_outside");

        // A correction replaces the year as a whole.
        (await set.HandleAsync(new SetHolidayYearCommand(2027, [new(D(2027, 1, 1), false, "元旦")]), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<GetHolidayYearHandler>().HandleAsync(new GetHolidayYearQuery(2027), Ct)).Value.Select(d => d.Date).ShouldBe([D(2027, 1, 1)]);
    }

    [Fact]
    public async Task PlanAndSettings_AreSetPerOrganization_SettingsApplyDownTheTree()
    {
        var plan = _db.Get<SetDevelopmentPlanHandler>();
        (await plan.HandleAsync(new SetDevelopmentPlanCommand(_branch, 2026, 5, 3), Admin, Ct)).FirstError.Code.ShouldBe("development.plan_range");
        (await plan.HandleAsync(new SetDevelopmentPlanCommand(_branch, 2026, 3, 5), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await plan.HandleAsync(new SetDevelopmentPlanCommand(_branch, 2026, 4, null), Admin, Ct)).IsSuccess.ShouldBeTrue();
        await using (var db = await _db.OpenAsync())
        {
            var stored = await db.Set<DevelopmentPlan>().SingleAsync(Ct);
            (stored.Minimum, stored.Maximum, stored.Text).ShouldBe((4, 4, "4"));
        }

        (await _db.Get<SetDevelopmentSettingsHandler>().HandleAsync(new SetDevelopmentSettingsCommand(_root, 3, 7), Admin, Ct)).IsSuccess.ShouldBeTrue();
        await using (var db = await _db.OpenAsync())
        {
            (await CandidateAccess.PolicyAsync(db, _branch, Ct)).ShouldBe(new DevelopmentPolicy(3, 7));
        }

        // The longer 公示 now applies to a branch below: 5 working days are not enough.
        var applied = D(2023, 3, 11);
        var id = await CandidateAsync(applied);
        await RunAsync(id, applied, 2, 11);
        ShouldRefuse(await CompleteAsync(id, 12, D(2024, 10, 11), new StepDetails { NoticeFrom = D(2024, 9, 27), NoticeTo = D(2024, 10, 9) }), "development.notice_short");
    }

    [Fact]
    public async Task Reminders_ShowTheTalkDueAndTheOverdueApproval()
    {
        var talk = await CandidateAsync(D(2026, 6, 20));
        var applied = D(2024, 1, 10);
        var voted = await CandidateAsync(applied);
        await RunAsync(voted, applied, 2, 16);   // vote on 2025-08-24: approval due 2025-11-24, last day 2026-02-24
        var reminders = (await _db.Get<Dangjian.Core.Features.Reminders.GetRemindersHandler>()
            .HandleAsync(new Dangjian.Core.Features.Reminders.GetRemindersQuery(_root), Admin, Ct)).Value
            .Where(r => r.Category == DevelopmentReminderSource.Category).ToList();
        reminders.ShouldContain(r => r.Link == $"/development/candidates/{talk}" && r.Severity == Dangjian.Core.Features.Reminders.ReminderSeverity.Warning && r.DueOn == D(2026, 7, 20));
        reminders.ShouldContain(r => r.Link == $"/development/candidates/{voted}" && r.Severity == Dangjian.Core.Features.Reminders.ReminderSeverity.Overdue && r.Message.Contains("重新履行"));
    }

    [Fact]
    public async Task CorrectStepDate_OfTheVote_MovesThe入党日期AndThePlacement()
    {
        var applied = D(2023, 1, 10);
        var id = await CandidateAsync(applied);
        await RunAsync(id, applied, 2, 17);
        var vote = (await LoadAsync(id)).Steps.Single(s => s.Step == 15);
        (await _db.Get<CorrectStepDateHandler>().HandleAsync(new CorrectStepDateCommand(id, vote.Id, vote.CompletedOn.AddDays(-1), "会议记录日期为前一日"), Admin, Ct))
            .IsSuccess.ShouldBeTrue();
        var member = await MemberOfAsync(id);
        member.AdmittedOn.ShouldBe(vote.CompletedOn.AddDays(-1));
        await using var db = await _db.OpenAsync();
        (await db.Set<MemberPlacement>().SingleAsync(p => p.MemberId == member.Id, Ct)).From.ShouldBe(vote.CompletedOn.AddDays(-1));
        (await LoadAsync(id)).ProbationEndsOn.ShouldBe(vote.CompletedOn.AddDays(-1).AddYears(1));
        (await db.AuditEntries.Where(a => a.EntityType == nameof(Member)).OrderBy(a => a.Id).LastAsync(Ct)).Reason.ShouldBe("会议记录日期为前一日");
    }
}
