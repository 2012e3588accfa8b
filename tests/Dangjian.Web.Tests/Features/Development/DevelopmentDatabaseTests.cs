using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Summaries;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Dues;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dangjian.Web.Tests.Features.Development.DevelopmentTestData;

namespace Dangjian.Web.Tests.Features.Development;

/// <summary>
/// The 发展党员 pipeline on this database: the holiday calendar seeded by the migration, admission and 转正 changing the
/// member record, the board's counts against the metrics of the same subtree and date, plans, and scope.
/// </summary>
public abstract class DevelopmentDatabaseTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private long _r;
    private long _a;
    private long _b;
    private long _mentor;
    private long _sponsor;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var client = App.ApiClient(admin);
        _r = await client.CreateOrganizationAsync(null, Unique("R"), "发展党委", "Committee");
        _a = await client.CreateOrganizationAsync(_r, Unique("A"), "发展甲支部", "Branch");
        _b = await client.CreateOrganizationAsync(_r, Unique("B"), "发展乙支部", "Branch");
        _mentor = await CommitteeTestData.CreateMemberAsync(App, _a, "联系人", admittedOn: new DateOnly(2005, 1, 1));
        _sponsor = await CommitteeTestData.CreateMemberAsync(App, _a, "介绍人", admittedOn: new DateOnly(2006, 1, 1));
    }

    private Task Steps(long candidate, DateOnly applied, int from, int to) => StepsAsync(App, candidate, applied, from, to, _mentor, _sponsor);

    private Task<T> DbAsync<T>(Func<Dangjian.Core.Data.DangjianDbContext, Task<T>> action) => DuesRows.WithDbAsync(App, action);

    [Fact]
    public async Task HolidayCalendar_IsSeeded_AndA公示AcrossNationalDayCountsWorkingDays()
    {
        var days = await DbAsync(db => db.Set<HolidayDay>().CountAsync(d => d.NoticeYear == 2024));
        days.ShouldBe(40); // 3 + 8 + 3 + 5 + 3 + 3 + 7 rest days, 8 调休上班 days
        var calendar = await DbAsync(db => CandidateAccess.CalendarAsync(db, new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 31), CancellationToken.None));
        calendar.WorkingDaysBetween(new DateOnly(2024, 9, 27), new DateOnly(2024, 10, 8)).ShouldBe(4);
        calendar.WorkingDaysBetween(new DateOnly(2024, 9, 27), new DateOnly(2024, 10, 9)).ShouldBe(5);

        var applied = new DateOnly(2023, 3, 11);
        var id = await CandidateAsync(App, _a, applied);
        await Steps(id, applied, 2, 11);
        var refused = await TryAsync(App, sp => sp.GetRequiredService<CompleteStepHandler>().HandleAsync(
            new CompleteStepCommand(id, 12, new DateOnly(2024, 10, 11), new StepDetails { NoticeFrom = new DateOnly(2024, 9, 27), NoticeTo = new DateOnly(2024, 10, 8) }),
            AccessScope.Everything(null), CancellationToken.None));
        refused.FirstError.Code.ShouldBe("development.notice_short");
        refused.FirstError.Message.ShouldContain("4 个工作日");
        await RunAsync(App, sp => sp.GetRequiredService<CompleteStepHandler>().HandleAsync(
            new CompleteStepCommand(id, 12, new DateOnly(2024, 10, 11), new StepDetails { NoticeFrom = new DateOnly(2024, 9, 27), NoticeTo = new DateOnly(2024, 10, 9) }),
            AccessScope.Everything(null), CancellationToken.None));
    }

    [Fact]
    public async Task Admission_CreatesA预备党员_And转正_MakesThem正式_FromTheEndOfProbation()
    {
        var applied = Today.AddYears(-3);
        var id = await CandidateAsync(App, _b, applied);
        await Steps(id, applied, 2, 17);
        var vote = ScheduledOn(applied, 15);
        var memberId = (await DbAsync(db => db.Set<Candidate>().Where(c => c.Id == id).Select(c => c.MemberId).SingleAsync())).ShouldNotBeNull();
        var member = await DbAsync(db => db.Set<Member>().AsNoTracking().SingleAsync(m => m.Id == memberId));
        (member.Category, member.AdmittedOn, member.OrganizationId).ShouldBe((MemberCategory.Probationary, vote, _b));
        // Dues start from the month of the vote: the member is on the branch's roster from that date.
        (await DbAsync(db => db.Set<MemberPlacement>().SingleAsync(p => p.MemberId == member.Id))).From.ShouldBe(vote);

        await Steps(id, applied, 18, 24);
        member = await DbAsync(db => db.Set<Member>().AsNoTracking().SingleAsync(m => m.Id == member.Id));
        member.Category.ShouldBe(MemberCategory.Full);
        member.ConfirmedOn.ShouldBe(vote.AddYears(1));
    }

    [Fact]
    public async Task Board_CountsEqualTheMetrics_AndListsTheOverdue()
    {
        var applicant = await CandidateAsync(App, _a, Today.AddDays(-40));           // talk overdue
        var activistApplied = Today.AddMonths(-8);
        var activist = await CandidateAsync(App, _a, activistApplied);
        await Steps(activist, activistApplied, 2, 5);
        var targetApplied = Today.AddMonths(-20);
        var target = await CandidateAsync(App, _b, targetApplied);
        await Steps(target, targetApplied, 2, 15);                                  // voted, approval pending
        var probationApplied = Today.AddYears(-3).AddMonths(3);
        var probationary = await CandidateAsync(App, _b, probationApplied);
        await Steps(probationary, probationApplied, 2, 17);
        await RunAsync(App, sp => sp.GetRequiredService<SetDevelopmentPlanHandler>()
            .HandleAsync(new SetDevelopmentPlanCommand(_b, Today.Year, 2, 4), AccessScope.Everything(null), CancellationToken.None));

        var board = await RunAsync(App, sp => sp.GetRequiredService<GetDevelopmentBoardHandler>()
            .HandleAsync(new GetDevelopmentBoardQuery(_r), AccessScope.Everything(null), CancellationToken.None));
        (board.Applicants, board.Activists, board.Targets, board.Probationary).ShouldBe((1, 1, 1, 1));
        board.Overdue.Select(p => p.Id).ShouldContain(applicant);
        board.People.Single(p => p.Id == target).Next!.Step.ShouldBe(16);
        board.People.Single(p => p.Id == applicant).Warnings.ShouldContain(w => w.Rule == DevelopmentTracker.Rules.TalkDue && w.Overdue);

        var figures = await DbAsync(async db =>
        {
            var path = await db.Organizations.Where(o => o.Id == _r).Select(o => o.Path).SingleAsync();
            var scope = new MetricScope(db, path, new DateOnly(Today.Year, 1, 1), Today);
            var result = new Dictionary<string, decimal>();
            foreach (var key in new[] { "development.applicants", "development.activists", "development.targets", "development.probationary", "development.planned", "development.planProgress", "development.admitted" })
            {
                result[key] = (await MetricCatalogue.Default.Get(key).EvaluateAsync(scope, null, CancellationToken.None)).Single().Value;
            }

            return result;
        });
        figures["development.applicants"].ShouldBe(board.Applicants);
        figures["development.activists"].ShouldBe(board.Activists);
        figures["development.targets"].ShouldBe(board.Targets);
        figures["development.probationary"].ShouldBe(board.Probationary);
        figures["development.planned"].ShouldBe(2);
        var admittedThisYear = ScheduledOn(probationApplied, 17).Year == Today.Year ? 1 : 0;
        figures["development.admitted"].ShouldBe(admittedThisYear);
        figures["development.planProgress"].ShouldBe(admittedThisYear * 50m);

        // Scope: a worker of another subtree sees nothing of R's pipeline.
        var other = await DbAsync(db => db.Organizations.Where(o => o.Id == _a).Select(o => o.Path).SingleAsync());
        var outsider = new AccessScope("u", false, [new ScopeRoot(_a, other, "A", Role.Worker)]);
        (await TryAsync(App, sp => sp.GetRequiredService<GetDevelopmentBoardHandler>().HandleAsync(new GetDevelopmentBoardQuery(_r), outsider, CancellationToken.None)))
            .IsSuccess.ShouldBeFalse();
        (await TryAsync(App, sp => sp.GetRequiredService<GetCandidateProgressHandler>().HandleAsync(new GetCandidateProgressQuery(target), outsider, CancellationToken.None)))
            .IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public async Task Summary_ReportsTheAdmissionsThePipelineAndThePlan_FromTheRecords()
    {
        var year = Today.Year - 1;
        var applied = new DateOnly(year, 6, 1).AddMonths(-18).AddDays(-75);      // approval (vote + 30 days) in June of last year
        var admitted = await CandidateAsync(App, _b, applied);
        await Steps(admitted, applied, 2, 17);
        ScheduledOn(applied, 17).Year.ShouldBe(year);
        var activistApplied = new DateOnly(year, 3, 1);
        var activist = await CandidateAsync(App, _b, activistApplied);
        await Steps(activist, activistApplied, 2, 5);
        await RunAsync(App, sp => sp.GetRequiredService<SetDevelopmentPlanHandler>()
            .HandleAsync(new SetDevelopmentPlanCommand(_b, year, 2, 3), AccessScope.Everything(null), CancellationToken.None));

        var draft = await RunAsync(App, sp => sp.GetRequiredService<GenerateSummaryHandler>().HandleAsync(
            new GenerateSummaryCommand(_b, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), SummaryKind.Annual), AccessScope.Everything(null), CancellationToken.None));
        var text = string.Join("\n", draft.Blocks.Select(b => b.Text));
        text.ShouldContain("经上级党委审批接收预备党员1名");
        text.ShouldContain("入党积极分子1名");
        text.ShouldContain("年度发展党员计划2名，完成率50.0%");
        draft.Figures.ShouldContain(f => f.Ref == "development.admitted" && f.Value == 1);
    }
}

public sealed class DevelopmentDatabaseTests_Sqlite(SqliteApp app) : DevelopmentDatabaseTests(app), IClassFixture<SqliteApp>;

public sealed class DevelopmentDatabaseTests_Postgres(PostgresApp app) : DevelopmentDatabaseTests(app), IClassFixture<PostgresApp>;
