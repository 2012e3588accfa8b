using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Obligations;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Tests.Features.Transfers;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Obligations.ObligationDefaults;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Obligations;

/// <summary>Overrides, reminders and the compliance metrics. Today is 2026-07-01 in China unless a test moves the clock.</summary>
public sealed class ObligationHandlerTests : IAsyncLifetime
{
    private static readonly long ThemeDayId = All.Single(o => o.Code == ThemeDay).Id;

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

    private void Today(int year, int month, int day) => _db.Clock.UtcNow = new DateTimeOffset(year, month, day, 4, 0, 0, TimeSpan.Zero);

    private async Task<List<Reminder>> RemindersAsync(long? root = null) =>
        (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(root ?? _root), Admin, Ct)).Value.Where(r => r.Category == ObligationReminderSource.Category).ToList();

    [Fact]
    public async Task SetOverride_WithoutReason_IsRefused_WithReason_IsAuditedWithIt()
    {
        var handler = _db.Get<SetObligationOverrideHandler>();
        var refused = await handler.HandleAsync(new SetObligationOverrideCommand(ThemeDayId, _branch, false, null, 0, "  "), Admin, Ct);
        refused.Errors.Select(e => e.Field).ShouldBe(["Reason", "MinCount"]);

        (await handler.HandleAsync(new SetObligationOverrideCommand(ThemeDayId, _branch, false, null, null, "村党支部合并，暂停主题党日"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var audit = (await _db.AuditAsync()).Last();
        audit.EntityType.ShouldBe(nameof(ObligationOverride));
        audit.OrganizationId.ShouldBe(_branch);
        audit.Reason.ShouldBe("村党支部合并，暂停主题党日");

        // Setting it again changes the same row.
        (await handler.HandleAsync(new SetObligationOverrideCommand(ThemeDayId, _branch, true, ObligationFrequency.Quarterly, 2, "改为每季度两次"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var view = (await _db.Get<GetObligationsHandler>().HandleAsync(new GetObligationsQuery(_branch), Admin, Ct)).Value;
        view.Overrides.Count.ShouldBe(1);
        var item = view.Obligations.Single(o => o.Code == ThemeDay);
        (item.Enabled, item.Frequency, item.MinCount, item.DecidedByOrganizationId, item.Reason).ShouldBe((true, ObligationFrequency.Quarterly, 2, _branch, "改为每季度两次"));
    }

    [Fact]
    public async Task SetOverride_NeedsAdminister_WorkerIsForbidden_OutsiderGetsNotFound()
    {
        var other = await _db.CreateAsync("R2", Committee);
        var command = new SetObligationOverrideCommand(ThemeDayId, _branch, false, null, null, "越权");
        var worker = await _db.Get<SetObligationOverrideHandler>().HandleAsync(command, await _db.ScopeAsync(_root, Role.Worker), Ct);
        worker.FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        var outsider = await _db.Get<SetObligationOverrideHandler>().HandleAsync(command, await _db.ScopeAsync(other, Role.OrgAdmin), Ct);
        outsider.FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        var admin = await _db.Get<SetObligationOverrideHandler>().HandleAsync(command, await _db.ScopeAsync(_root, Role.OrgAdmin), Ct);
        admin.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task ClearOverride_BranchFallsBackToTheParentsOverride()
    {
        await _db.OverrideAsync(_root, ThemeDay, enabled: false);
        await _db.OverrideAsync(_branch, ThemeDay, enabled: true);
        var clear = _db.Get<ClearObligationOverrideHandler>();
        (await clear.HandleAsync(new ClearObligationOverrideCommand(ThemeDayId, _branch, ""), Admin, Ct)).FirstError.Field.ShouldBe("Reason");
        (await clear.HandleAsync(new ClearObligationOverrideCommand(ThemeDayId, _branch, "恢复上级规定"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await clear.HandleAsync(new ClearObligationOverrideCommand(ThemeDayId, _branch, "再次"), Admin, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);

        var item = (await _db.Get<GetObligationsHandler>().HandleAsync(new GetObligationsQuery(_branch), Admin, Ct)).Value.Obligations.Single(o => o.Code == ThemeDay);
        item.Enabled.ShouldBeFalse();
        item.DecidedByOrganizationId.ShouldBe(_root);
        (await _db.AuditAsync()).Last().Reason.ShouldBe("恢复上级规定");
    }

    [Fact]
    public async Task Reminders_DueSoonThisMonth_AndLastQuarterMissed()
    {
        Today(2026, 7, 25);
        var reminders = await RemindersAsync();
        reminders.ShouldContain(r => r.Message == "B党支部：本月主题党日尚未开展" && r.Severity == ReminderSeverity.Warning && r.DueOn == new DateOnly(2026, 7, 31));
        var missed = reminders.Single(r => r.Message == "B党支部：2026年第二季度支部党员大会未召开");
        missed.Severity.ShouldBe(ReminderSeverity.Overdue);
        missed.Link.ShouldBe($"/compliance?org={_branch}&from=2026-04-01&to=2026-06-30");
        reminders.ShouldContain(r => r.Message == "B党支部：2026年6月主题党日未开展");

        // Held: both disappear (the meeting carries both kinds).
        await _db.AddMeetingAsync(_branch, new DateOnly(2026, 6, 30), [MeetingKindCodes.ThemeDay, MeetingKindCodes.BranchGeneralMeeting]);
        await _db.AddMeetingAsync(_branch, new DateOnly(2026, 7, 25), MeetingKindCodes.ThemeDay);
        reminders = await RemindersAsync();
        reminders.ShouldNotContain(r => r.Message.Contains("主题党日") || r.Message.Contains("支部党员大会"));
    }

    [Fact]
    public async Task Reminders_SecretaryLecture_InTheLastWeekOfTheYear()
    {
        Today(2026, 12, 24);
        (await RemindersAsync()).ShouldNotContain(r => r.Message.Contains("书记"));
        Today(2026, 12, 25);
        (await RemindersAsync()).ShouldContain(r => r.Message == "R党委：书记年度党课尚未讲授");
    }

    [Fact]
    public async Task Reminders_ManyOrganizations_OneSummaryLine()
    {
        for (var i = 0; i < 4; i++) await _db.CreateAsync("X" + i, Branch, _root);
        Today(2026, 7, 25);
        var reminders = await RemindersAsync();
        var summary = reminders.Single(r => r.Message == "5 个党支部：本月主题党日尚未开展");
        summary.Link.ShouldBe($"/compliance?org={_root}&from=2026-07-01&to=2026-07-25&problems=true");
        reminders.Count(r => r.Message.EndsWith("本月主题党日尚未开展", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Reminders_OnlyForTheCallersScope()
    {
        var other = await _db.CreateAsync("R2", Committee);
        await _db.CreateAsync("OB", Branch, other);
        Today(2026, 7, 25);
        var scoped = (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(null), await _db.ScopeAsync(_root), Ct)).Value;
        scoped.ShouldContain(r => r.Message.StartsWith("B党支部", StringComparison.Ordinal));
        scoped.ShouldNotContain(r => r.Message.Contains("OB"));
    }

    [Fact]
    public async Task Metrics_RateAndOverdue_CountDecidedOccurrencesEndingInThePeriod()
    {
        var second = await _db.CreateAsync("B2", Branch, _root);
        for (var m = 1; m <= 6; m++) await _db.AddMeetingAsync(_branch, new DateOnly(2026, m, 10), MeetingKindCodes.ThemeDay);
        for (var m = 1; m <= 5; m++) await _db.AddMeetingAsync(second, new DateOnly(2026, m, 10), MeetingKindCodes.ThemeDay);
        var path = (await _db.FindAsync(_root)).Path;

        // H1 2026: the first branch met every month, the second missed June. July has not ended (today is 2026-07-01).
        await using var db = await _db.OpenAsync();
        var scope = new MetricScope(db, path, new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 31));
        var rate = await MetricCatalogue.Default.Get("compliance.rate").EvaluateAsync(scope, "obligation", Ct);
        rate.Single(v => v.Key == ThemeDay).Value.ShouldBe(50.0m);
        rate.Single(v => v.Key == GroupMeeting).Value.ShouldBe(0m);
        var overdue = await MetricCatalogue.Default.Get("compliance.overdue").EvaluateAsync(scope, "obligation", Ct);
        overdue.Single(v => v.Key == ThemeDay).Value.ShouldBe(1);
        overdue.Single(v => v.Key == SecretaryLecture).Value.ShouldBe(0);
        (await MetricCatalogue.Default.Get("compliance.overdue").EvaluateAsync(scope, null, Ct)).Single().Value.ShouldBe(2);

        await _db.AddMeetingAsync(second, new DateOnly(2026, 6, 30), MeetingKindCodes.ThemeDay);
        rate = await MetricCatalogue.Default.Get("compliance.rate").EvaluateAsync(scope, "obligation", Ct);
        rate.Single(v => v.Key == ThemeDay).Value.ShouldBe(100.0m);
    }

    [Fact]
    public async Task Matrix_OnlyProblems_PagesAndCountsColumns()
    {
        for (var i = 0; i < 3; i++) await _db.CreateAsync("X" + i, Branch, _root);
        await _db.OverrideAsync(_root, ThemeDay, enabled: false);
        var handler = _db.Get<GetComplianceMatrixHandler>();
        var matrix = (await handler.HandleAsync(new GetComplianceMatrixQuery(_root, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), PageSize: 20), Admin, Ct)).Value;
        matrix.Rows.Total.ShouldBe(5);
        matrix.Columns.Single(c => c.Code == ThemeDay).Applicable.ShouldBe(0);
        matrix.Columns.Single(c => c.Code == BranchGeneralMeeting).Overdue.ShouldBe(4);
        matrix.RootName.ShouldBe("R党委");

        var problems = (await handler.HandleAsync(new GetComplianceMatrixQuery(_root, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), OnlyProblems: true), Admin, Ct)).Value;
        problems.Rows.Total.ShouldBe(4);
        problems.Rows.Items.ShouldAllBe(r => r.HasProblem);

        (await handler.HandleAsync(new GetComplianceMatrixQuery(_root, new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1)), Admin, Ct)).FirstError.Field.ShouldBe("From");
        var defaults = (await handler.HandleAsync(new GetComplianceMatrixQuery(_root), Admin, Ct)).Value;
        (defaults.From, defaults.To).ShouldBe((new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public async Task Calendar_ListsTheMonthsMeetings_AndWhatFallsDue()
    {
        await _db.AddMeetingAsync(_branch, new DateOnly(2026, 3, 31), [MeetingKindCodes.ThemeDay, MeetingKindCodes.BranchGeneralMeeting]);
        await _db.AddMeetingAsync(_branch, new DateOnly(2026, 4, 1), MeetingKindCodes.ThemeDay);
        var calendar = (await _db.Get<GetComplianceCalendarHandler>().HandleAsync(new GetComplianceCalendarQuery(_root, 2026, 3), Admin, Ct)).Value;
        calendar.Meetings.Single().Kinds.ShouldBe(["支部党员大会", "主题党日"]);
        var due = calendar.Due.Select(d => (d.Code, d.OccurrenceLabel, d.Applicable, d.Met)).ToList();
        due.ShouldContain((ThemeDay, "2026年3月", 1, 1));
        due.ShouldContain((BranchGeneralMeeting, "2026年第一季度", 1, 1));
        due.ShouldContain((BranchLecture, "2026年第一季度", 1, 0));
        due.ShouldNotContain(d => d.Code == LifeMeeting);
        (await _db.Get<GetComplianceCalendarHandler>().HandleAsync(new GetComplianceCalendarQuery(_root, 2026, 13), Admin, Ct)).FirstError.Field.ShouldBe("Month");
    }
}
