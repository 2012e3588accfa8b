using Dangjian.Core.Common;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.Features.Dues.DuesLedgerTestData;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

/// <summary>
/// Arrears and 自行脱党 review cases (党章第九条). Today is 2026-07-01, so June 2026 is the last completed month; the July line,
/// when there is one, does not count yet.
/// </summary>
public sealed class DuesArrearsTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("A", Branch, _root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>A member who paid up to the month before <paramref name="unpaidFrom"/> and nothing since (through July).</summary>
    private async Task<long> OwingFromAsync(DateOnly unpaidFrom, long? branch = null)
    {
        var org = branch ?? _branch;
        var member = await MemberAsync(_db, org);
        await LinesAsync(_db, member, org, M(2025, 10), unpaidFrom.AddMonths(-1), 20m, paid: true);
        await LinesAsync(_db, member, org, unpaidFrom, M(2026, 7), 20m);
        return member;
    }

    private async Task<int> ScanAsync() => (await _db.Get<OpenDuesReviewCasesHandler>().HandleAsync(new OpenDuesReviewCasesCommand(_root), Admin, Ct)).Value;

    private async Task<List<DuesReviewCase>> CasesAsync()
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<DuesReviewCase>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(Ct);
    }

    private async Task<List<Reminder>> RemindersAsync() =>
        (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(_root), Admin, Ct)).Value.Where(r => r.Category == DuesReminderSource.Category).ToList();

    private async Task<DuesArrearsItem?> ArrearsAsync(long member) =>
        (await _db.Get<ListDuesArrearsHandler>().HandleAsync(new ListDuesArrearsQuery(_root, PageSize: 100), Admin, Ct)).Value.Items.Items.SingleOrDefault(i => i.MemberId == member);

    [Fact]
    public async Task ExactlySixConsecutiveMonths_OpensAReviewCase_ShownOnTheWorkbench()
    {
        var member = await OwingFromAsync(M(2026, 1));

        (await ArrearsAsync(member))!.ConsecutiveMonths.ShouldBe(6);
        var before = (await RemindersAsync()).Single();
        before.Severity.ShouldBe(ReminderSeverity.Overdue);
        before.Message.ShouldContain("应启动自行脱党审查");

        (await ScanAsync()).ShouldBe(1);
        var opened = (await CasesAsync()).Single();
        (opened.MemberId, opened.FirstUnpaidMonth, opened.ConsecutiveMonths, opened.Status, opened.OrganizationId).ShouldBe((member, M(2026, 1), 6, DuesCaseStatus.Open, _branch));
        var reminder = (await RemindersAsync()).Single();
        reminder.Message.ShouldStartWith("自行脱党审查待处理");
        reminder.Link.ShouldBe($"/dues/cases?org={_branch}");
    }

    [Fact]
    public async Task FiveConsecutiveMonths_RemindsButOpensNoCase()
    {
        var member = await OwingFromAsync(M(2026, 2));

        (await ScanAsync()).ShouldBe(0);
        (await CasesAsync()).ShouldBeEmpty();
        var reminder = (await RemindersAsync()).Single();
        reminder.Severity.ShouldBe(ReminderSeverity.Warning);
        reminder.Message.ShouldContain("连续 5 个月未交纳党费");
        reminder.Link.ShouldBe($"/dues/members/{member}");
    }

    [Fact]
    public async Task ThreeConsecutiveMonths_Reminds_TwoDoNot()
    {
        await OwingFromAsync(M(2026, 4));
        var two = await OwingFromAsync(M(2026, 5));

        var reminders = await RemindersAsync();
        reminders.Single().Message.ShouldContain("连续 3 个月");
        (await ScanAsync()).ShouldBe(0);
        (await ArrearsAsync(two))!.ConsecutiveMonths.ShouldBe(2);
    }

    [Fact]
    public async Task AnExcusedMonth_IsNotCounted_SoSixUnpaidWithOneExcusedIsFive()
    {
        var member = await OwingFromAsync(M(2026, 1));
        (await _db.Get<ExcuseDuesMonthHandler>().HandleAsync(new ExcuseDuesMonthCommand(member, M(2026, 3), "因病住院，经支部同意缓交"), Admin, Ct)).IsSuccess.ShouldBeTrue();

        var arrears = (await ArrearsAsync(member))!;
        arrears.ConsecutiveMonths.ShouldBe(5, "有正当理由的月份不计入");
        arrears.RunFrom.ShouldBe(M(2026, 1), "登记了原因的月份不打断连续计算");
        arrears.MonthsOwed.ShouldBe(5);
        arrears.Outstanding.ShouldBe(100.00m);
        (await ScanAsync()).ShouldBe(0);

        // withdrawn, the month counts again
        (await _db.Get<ExcuseDuesMonthHandler>().HandleAsync(new ExcuseDuesMonthCommand(member, M(2026, 3), "核实后原因不成立", Withdraw: true), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await ScanAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Excuse_NeedsAReason_AnOwedMonth_AndAnExistingLine()
    {
        var member = await OwingFromAsync(M(2026, 3));
        var handler = _db.Get<ExcuseDuesMonthHandler>();
        (await handler.HandleAsync(new ExcuseDuesMonthCommand(member, M(2026, 3), ""), Admin, Ct)).FirstError.Code.ShouldBe("dues.reason_required");
        (await handler.HandleAsync(new ExcuseDuesMonthCommand(member, M(2026, 1), "原因"), Admin, Ct)).FirstError.Code.ShouldBe("dues.excuse_paid");
        (await handler.HandleAsync(new ExcuseDuesMonthCommand(member, M(2024, 1), "原因"), Admin, Ct)).FirstError.Code.ShouldBe("dues.line_not_found");
        (await handler.HandleAsync(new ExcuseDuesMonthCommand(member, M(2026, 8), "原因"), Admin, Ct)).FirstError.Code.ShouldBe("dues.excuse_future");
    }

    [Fact]
    public async Task APartlyPaidMonth_IsStillOwed_AFullPaymentBreaksTheRun()
    {
        var member = await OwingFromAsync(M(2026, 1));
        (await _db.Get<RecordDuesPaymentHandler>().HandleAsync(new RecordDuesPaymentCommand(member, 19.99m, M(2026, 6), PaymentMethod.Cash), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await ArrearsAsync(member))!.ConsecutiveMonths.ShouldBe(6, "部分交纳的月份仍未交清");

        (await _db.Get<RecordDuesPaymentHandler>().HandleAsync(new RecordDuesPaymentCommand(member, 0.01m, M(2026, 6), PaymentMethod.Cash), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var arrears = (await ArrearsAsync(member))!;
        (arrears.ConsecutiveMonths, arrears.RunFrom).ShouldBe((5, M(2026, 2)));
    }

    [Fact]
    public async Task TheRunFollowsTheMemberAcrossATransfer()
    {
        var other = await _db.CreateAsync("B", Branch, _root);
        var member = await MemberAsync(_db, _branch);
        await LinesAsync(_db, member, _branch, M(2026, 1), M(2026, 3), 20m);
        await MoveAsync(_db, member, other, new DateOnly(2026, 3, 20));
        await LinesAsync(_db, member, other, M(2026, 4), M(2026, 6), 20m);

        (await ScanAsync()).ShouldBe(1);
        (await CasesAsync()).Single().OrganizationId.ShouldBe(other, "案件由现在所在的支部处理");
    }

    [Fact]
    public async Task Scan_IsIdempotent_AndADecidedRunDoesNotReopen()
    {
        var member = await OwingFromAsync(M(2026, 1));
        await ScanAsync();
        (await ScanAsync()).ShouldBe(0);
        var opened = (await CasesAsync()).Single();

        var decide = _db.Get<DecideDuesReviewCaseHandler>();
        var missing = await decide.HandleAsync(new DecideDuesReviewCaseCommand(opened.Id, null, " "), Admin, Ct);
        missing.Errors.Select(e => e.Code).ShouldBe(["dues.decision_required", "dues.decided_on_required"], ignoreOrder: true);
        (await decide.HandleAsync(new DecideDuesReviewCaseCommand(opened.Id, DefaultChinaToday.AddDays(1), "x"), Admin, Ct)).FirstError.Code.ShouldBe("dues.decided_on_future");
        (await decide.HandleAsync(new DecideDuesReviewCaseCommand(opened.Id, DefaultChinaToday, "经支部教育，本人表示补交，不作脱党处理"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await decide.HandleAsync(new DecideDuesReviewCaseCommand(opened.Id, DefaultChinaToday, "再次"), Admin, Ct)).FirstError.Code.ShouldBe("dues.case_decided");

        (await ScanAsync()).ShouldBe(0, "同一段连续欠缴已有处理决定，不再立案");
        var still = (await RemindersAsync()).Single();
        still.Severity.ShouldBe(ReminderSeverity.Warning, "仍未交纳，工作台继续提示，但不再要求立案");
        still.Message.ShouldContain("连续 6 个月");
        var list = (await _db.Get<ListDuesReviewCasesHandler>().HandleAsync(new ListDuesReviewCasesQuery(_root, DuesCaseStatus.Closed), Admin, Ct)).Value;
        list.Items.Single().Decision.ShouldBe("经支部教育，本人表示补交，不作脱党处理");
        (await ArrearsAsync(member))!.HasOpenCase.ShouldBeFalse();
    }

    [Fact]
    public async Task OneOpenCasePerMember_IsHeldByTheDatabase()
    {
        var member = await OwingFromAsync(M(2026, 1));
        await using var db = await _db.OpenAsync();
        db.Add(DuesReviewCase.Open(member, _branch, DefaultChinaToday, M(2026, 1), 6));
        db.Add(DuesReviewCase.Open(member, _branch, DefaultChinaToday, M(2026, 1), 6));
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task ArrearsList_FiltersByConsecutiveMonths_AndLeavesOutMembersWhoLeft()
    {
        var six = await OwingFromAsync(M(2026, 1));
        var three = await OwingFromAsync(M(2026, 4));
        var left = await OwingFromAsync(M(2026, 1));
        await using (var db = await _db.OpenAsync())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Members\" SET \"Status\" = 'Left' WHERE \"Id\" = {left}", Ct);
        }

        var handler = _db.Get<ListDuesArrearsHandler>();
        var all = (await handler.HandleAsync(new ListDuesArrearsQuery(_branch), Admin, Ct)).Value;
        all.Items.Items.Select(i => i.MemberId).ShouldBe([six, three]);
        all.TotalOutstanding.ShouldBe(180.00m);
        all.LastCompletedMonth.ShouldBe(M(2026, 6));
        (await handler.HandleAsync(new ListDuesArrearsQuery(_branch, MinConsecutive: 6), Admin, Ct)).Value.Items.Items.Single().MemberId.ShouldBe(six);
    }
}
