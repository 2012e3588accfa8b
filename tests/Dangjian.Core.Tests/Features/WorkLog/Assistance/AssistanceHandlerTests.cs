using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.Assistance;
using Dangjian.Core.Tests.Features.Evaluations;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.WorkLog.Assistance;

public sealed class AssistanceHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday; // 2026-07-01
    private static readonly DateOnly H1From = new(2026, 1, 1);
    private static readonly DateOnly H1To = new(2026, 6, 30);
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _other;
    private long _household;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _other = await _db.CreateAsync("O", Branch, _root);
        _household = (await _db.Get<CreateAssistanceHouseholdHandler>().HandleAsync(
            new CreateAssistanceHouseholdCommand(_branch, new AssistanceHouseholdInput { Name = "张大山", Address = "某村3组" }), Admin, Ct)).Value;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<AccessScope> ScopeOfAsync(long organizationId, Role role = Role.Worker)
    {
        var org = await _db.FindAsync(organizationId);
        return new AccessScope("u-" + organizationId, false, [new ScopeRoot(org.Id, org.Path, org.Name, role)]);
    }

    private Task<Result<long>> ProblemAsync(DateOnly collected, DateOnly? started = null, DateOnly? resolved = null, string text = "饮水困难", long? household = null) =>
        _db.Get<AddAssistanceProblemHandler>().HandleAsync(new AddAssistanceProblemCommand(household ?? _household,
            new AssistanceProblemInput { Description = text, CollectedOn = collected, StartedOn = started, ResolvedOn = resolved }), Admin, Ct);

    private async Task<long> OkAsync(Task<Result<long>> pending)
    {
        var result = await pending;
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    private Task<decimal> H1(string key) => _db.MetricAsync(key, _root, H1From, H1To);

    [Fact]
    public async Task Problems_split_by_status_at_the_period_end()
    {
        await OkAsync(ProblemAsync(new(2026, 3, 1)));                                              // pending at the end
        await OkAsync(ProblemAsync(new(2026, 3, 2), new(2026, 4, 1)));                             // in progress
        await OkAsync(ProblemAsync(new(2026, 3, 3), new(2026, 4, 1), H1To));                       // resolved exactly on the end: resolved
        await OkAsync(ProblemAsync(new(2026, 3, 4), new(2026, 4, 1), H1To.AddDays(1)));            // resolved the day after: still in progress
        await OkAsync(ProblemAsync(new(2026, 3, 5), null, H1To.AddDays(1)));                       // never started, resolved after: pending
        await OkAsync(ProblemAsync(new(2026, 3, 6), null, new(2026, 5, 1)));                       // resolved without a start date: resolved
        await OkAsync(ProblemAsync(new(2026, 6, 30), H1To.AddDays(1)));                            // collected on the last day, started after: pending
        await OkAsync(ProblemAsync(new(2025, 12, 31), new(2026, 2, 1)));                           // collected before the period: not this period's

        (await H1("assistance.issuesCollected")).ShouldBe(7m);
        (await H1("assistance.issuesResolved")).ShouldBe(2m);
        (await H1("assistance.issuesInProgress")).ShouldBe(2m);
        (await H1("assistance.issuesPending")).ShouldBe(3m);

        // The same problems read at the end of July: the two resolved on July 1 now count as resolved.
        (await _db.MetricAsync("assistance.issuesResolved", _root, H1From, new(2026, 7, 31))).ShouldBe(4m);
        (await _db.MetricAsync("assistance.issuesInProgress", _root, H1From, new(2026, 7, 31))).ShouldBe(2m);
        (await _db.MetricAsync("assistance.issuesPending", _root, H1From, new(2026, 7, 31))).ShouldBe(1m);
    }

    [Fact]
    public void Status_on_a_day_follows_the_dates()
    {
        var end = new DateOnly(2026, 6, 30);
        AssistanceProblem.StatusOn(null, null, end).ShouldBe(AssistanceProblemStatus.Pending);
        AssistanceProblem.StatusOn(end, null, end).ShouldBe(AssistanceProblemStatus.InProgress);
        AssistanceProblem.StatusOn(end.AddDays(1), null, end).ShouldBe(AssistanceProblemStatus.Pending);
        AssistanceProblem.StatusOn(end.AddDays(-3), end, end).ShouldBe(AssistanceProblemStatus.Resolved);
        AssistanceProblem.StatusOn(end.AddDays(-3), end.AddDays(1), end).ShouldBe(AssistanceProblemStatus.InProgress);
    }

    [Fact]
    public async Task Visits_count_in_household_times_within_the_period()
    {
        var second = await OkAsync(_db.Get<CreateAssistanceHouseholdHandler>().HandleAsync(
            new CreateAssistanceHouseholdCommand(_other, new AssistanceHouseholdInput { Name = "李小河" }), Admin, Ct));
        foreach (var (household, day) in new[] { (_household, H1From), (_household, H1To), (second, new DateOnly(2026, 3, 1)), (_household, H1To.AddDays(1)), (second, H1From.AddDays(-1)) })
        {
            await OkAsync(_db.Get<AddAssistanceVisitHandler>().HandleAsync(new AddAssistanceVisitCommand(household, new AssistanceVisitInput { VisitedOn = day }), Admin, Ct));
        }

        (await H1("assistance.visits")).ShouldBe(3m);
        (await _db.MetricAsync("assistance.visits", _branch, H1From, H1To)).ShouldBe(2m);
        var details = (await _db.Get<GetAssistanceHouseholdHandler>().HandleAsync(new GetAssistanceHouseholdQuery(_household), Admin, Ct)).Value;
        details.Visits.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Future_dates_and_resolved_before_collected_are_refused_and_nothing_is_saved()
    {
        var future = await ProblemAsync(Today.AddDays(1));
        future.Errors.Single().Message.ShouldBe("收集日期（2026-07-02）不能晚于今天（2026-07-01）");
        (await ProblemAsync(Today)).IsSuccess.ShouldBeTrue(); // today itself is fine

        var backwards = await ProblemAsync(new(2026, 5, 10), new(2026, 5, 9), new(2026, 5, 8));
        backwards.Errors.Select(e => e.Message).ShouldBe(
        [
            "开始解决日期（2026-05-09）不能早于收集日期（2026-05-10）",
            "解决日期（2026-05-08）不能早于收集日期（2026-05-10）",
            "解决日期（2026-05-08）不能早于开始解决日期（2026-05-09）",
        ]);
        var futureResolution = await ProblemAsync(new(2026, 5, 10), null, Today.AddDays(1));
        futureResolution.Errors.Single().Field.ShouldBe("ResolvedOn");
        var visit = await _db.Get<AddAssistanceVisitHandler>().HandleAsync(new AddAssistanceVisitCommand(_household, new AssistanceVisitInput { VisitedOn = Today.AddDays(1) }), Admin, Ct);
        visit.Errors.Single().Message.ShouldContain("走访日期");

        await using var db = await _db.OpenAsync();
        (await db.Set<AssistanceProblem>().CountAsync(Ct)).ShouldBe(1);
        (await db.Set<AssistanceVisit>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Updating_a_problem_keeps_the_date_rules()
    {
        var id = await OkAsync(ProblemAsync(new(2026, 5, 10)));
        var update = _db.Get<UpdateAssistanceProblemHandler>();
        var bad = await update.HandleAsync(new UpdateAssistanceProblemCommand(id, new AssistanceProblemInput { Description = "饮水困难", CollectedOn = new(2026, 5, 10), ResolvedOn = new(2026, 5, 1) }), Admin, Ct);
        bad.Errors.Single().Code.ShouldBe("assistance.resolved_before_collected");
        (await update.HandleAsync(new UpdateAssistanceProblemCommand(id, new AssistanceProblemInput { Description = "饮水困难", CollectedOn = new(2026, 5, 10), StartedOn = new(2026, 5, 12), ResolvedOn = new(2026, 6, 1) }), Admin, Ct))
            .IsSuccess.ShouldBeTrue();
        var details = (await _db.Get<GetAssistanceHouseholdHandler>().HandleAsync(new GetAssistanceHouseholdQuery(_household), Admin, Ct)).Value;
        details.Problems.Single().StatusLabel.ShouldBe("已解决");
    }

    [Fact]
    public async Task Scope_is_enforced()
    {
        var outsider = await ScopeOfAsync(_other);
        (await _db.Get<CreateAssistanceHouseholdHandler>().HandleAsync(new CreateAssistanceHouseholdCommand(_branch, new AssistanceHouseholdInput { Name = "越权" }), outsider, Ct))
            .FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<AddAssistanceVisitHandler>().HandleAsync(new AddAssistanceVisitCommand(_household, new AssistanceVisitInput { VisitedOn = Today }), outsider, Ct))
            .FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<GetAssistanceHouseholdHandler>().HandleAsync(new GetAssistanceHouseholdQuery(_household), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<ListAssistanceHouseholdsHandler>().HandleAsync(new ListAssistanceHouseholdsQuery(), outsider, Ct)).Value.Total.ShouldBe(0);
        var reader = await ScopeOfAsync(_branch, Role.ReadOnly);
        (await _db.Get<AddAssistanceVisitHandler>().HandleAsync(new AddAssistanceVisitCommand(_household, new AssistanceVisitInput { VisitedOn = Today }), reader, Ct))
            .FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        (await _db.Get<ListAssistanceHouseholdsHandler>().HandleAsync(new ListAssistanceHouseholdsQuery(), reader, Ct)).Value.Items.Single().CanWrite.ShouldBeFalse();
    }

    [Fact]
    public async Task Deleting_a_household_removes_its_visits_and_problems()
    {
        await OkAsync(ProblemAsync(new(2026, 5, 10)));
        await OkAsync(_db.Get<AddAssistanceVisitHandler>().HandleAsync(new AddAssistanceVisitCommand(_household, new AssistanceVisitInput { VisitedOn = Today }), Admin, Ct));
        (await _db.Get<DeleteAssistanceHouseholdHandler>().HandleAsync(new DeleteAssistanceHouseholdCommand(_household), Admin, Ct)).IsSuccess.ShouldBeTrue();
        await using var db = await _db.OpenAsync();
        (await db.Set<AssistanceProblem>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<AssistanceVisit>().CountAsync(Ct)).ShouldBe(0);
    }
}
