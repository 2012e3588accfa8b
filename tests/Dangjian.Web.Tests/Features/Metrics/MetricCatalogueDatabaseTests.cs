using System.Net;
using System.Net.Http.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.WorkLog.Assistance;
using Dangjian.Core.Features.WorkLog.Brand;
using Dangjian.Core.Features.WorkLog.Publicity;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Compliance;
using Dangjian.Web.Tests.Features.Development;
using Dangjian.Web.Tests.Features.Dues;
using Dangjian.Web.Tests.Features.Transfers;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Metrics;

/// <summary>
/// Every registered metric on this database: each facts query (total and every breakdown) and each records projection (all
/// records and one dimension value) must translate to SQL, and the batch figure of each target must equal the figure of a
/// query over the target's own subtree. S (上级党委) ⊃ R (党委) ⊃ A, B (支部), with a little of every module's records.
/// </summary>
public abstract class MetricCatalogueDatabaseTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static readonly DateOnly From = Today.AddYears(-6);

    private long _s;
    private long _r;
    private long _a;
    private long _b;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var client = App.ApiClient(admin);
        _s = await client.CreateOrganizationAsync(null, Unique("S"), "指标总表上级党委", "Committee");
        _r = await client.CreateOrganizationAsync(_s, Unique("R"), "指标总表党委", "Committee");
        _a = await client.CreateOrganizationAsync(_r, Unique("A"), "指标总表甲支部", "Branch");
        _b = await client.CreateOrganizationAsync(_r, Unique("B"), "指标总表乙支部", "Branch");

        var placed = new DateOnly(2020, 1, 1);
        var a1 = await CommitteeTestData.CreateMemberAsync(App, _a, "总表甲一", placedFrom: placed);
        var a2 = await CommitteeTestData.CreateMemberAsync(App, _a, "总表甲二", category: MemberCategory.Probationary, placedFrom: placed, ethnicity: "回族");
        var a3 = await CommitteeTestData.CreateMemberAsync(App, _a, "总表甲三", gender: Gender.Female, placedFrom: placed);
        var b1 = await CommitteeTestData.CreateMemberAsync(App, _b, "总表乙一", placedFrom: placed);
        var b2 = await CommitteeTestData.CreateMemberAsync(App, _b, "总表乙二", placedFrom: placed);
        await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<MarkMaterialsHandler>()
            .HandleAsync(new MarkMaterialsCommand(a1, true, true, true, true), AccessScope.Everything(null), CancellationToken.None));
        // a1 sits on R's committee, so attending A's meetings is 双重组织生活.
        await ComplianceTestData.AddSeatAsync(App, _r, a1, CommitteePost.Member, placed);
        await DevelopmentAsync(a1, a3);

        await MeetingAsync(_a, Today.AddDays(-40), [MeetingKindCodes.BranchGeneralMeeting, MeetingKindCodes.ThemeDay], [a1, a2], [a3], LecturerRole.Secretary);
        await MeetingAsync(_a, Today.AddDays(-10), [MeetingKindCodes.PartyLecture], [a1], [], LecturerRole.OrdinaryMember);
        await MeetingAsync(_b, Today.AddDays(-5), [MeetingKindCodes.CommitteeMeeting], [b1], [b2], null);
        await ComplianceTestData.AddTalkAsync(App, _a, Today.AddDays(-3), a1, a2);
        await DuesRows.WithDbAsync(App, async db =>
        {
            var session = EvaluationSession.Create(_a, Today.Year - 1, Today.AddDays(-30), null, "年度评议");
            session.Entries.Add(EvaluationEntry.Create(a1, true, EvaluationGrade.Excellent, null));
            session.Entries.Add(EvaluationEntry.Create(a2, true, null, "预备党员不评定等次"));
            db.Add(session);
            return await db.SaveChangesAsync();
        });

        // 工作台账, volunteering: an activity with two participants and a 认领 project, a 报到, a 先锋岗.
        await PostAsync(client, "/api/v1/worklog/volunteer-activities", new
        {
            organizationId = _a, heldOn = Today.AddDays(-4).ToString("yyyy-MM-dd"), title = "总表志愿服务", serviceProject = "总表项目", projectClaimed = true, publicVolunteers = 3,
            participants = new[] { new { memberId = a1, hours = 2.5m }, new { memberId = a3, hours = 1m } },
        });
        await PostAsync(client, "/api/v1/worklog/community-reports", new { organizationId = _b, memberId = b1, community = "总表社区", reportedOn = Today.AddDays(-4).ToString("yyyy-MM-dd") });
        await PostAsync(client, "/api/v1/worklog/pioneer-posts", new { organizationId = _b, name = "总表先锋岗", kind = "Pioneer", from = Today.AddDays(-20).ToString("yyyy-MM-dd"), memberIds = new[] { b1, b2 } });
        // 工作台账 C: a household with a visit and problems in every state, a publicity item and a brand activity in A.
        await DuesRows.WithDbAsync(App, async db =>
        {
            var household = AssistanceHousehold.Create(_a, "总表帮扶户", null, null);
            db.Add(household);
            await db.SaveChangesAsync();
            db.Add(AssistanceVisit.Create(_a, household.Id, Today.AddDays(-15), "书记", null));
            db.Add(AssistanceProblem.Create(_a, household.Id, "总表已解决", Today.AddDays(-15), Today.AddDays(-14), Today.AddDays(-13), null));
            db.Add(AssistanceProblem.Create(_a, household.Id, "总表解决中", Today.AddDays(-15), Today.AddDays(-14), null, null));
            db.Add(AssistanceProblem.Create(_a, household.Id, "总表待解决", Today.AddDays(-15), null, null, null));
            db.Add(PublicityItem.Create(_a, PublicityKind.Banner, "总表横幅", 2, Today.AddDays(-15), null));
            db.Add(BrandActivity.Create(_a, "总表品牌", "总表活动", Today.AddDays(-15), null));
            return await db.SaveChangesAsync();
        });

        // 工作台账 B: a donation drive, a commendation and a care visit in A.
        await PostAsync(client, "/api/v1/worklog/donations", new
        {
            organizationId = _a, heldOn = Today.AddDays(-20).ToString("yyyy-MM-dd"), purpose = "总表捐款", recipient = "PartyOrganization", outsideDonors = 1, outsideAmount = 5m,
            donors = new[] { new { memberId = a1, amount = 10m } },
        });
        await PostAsync(client, "/api/v1/worklog/commendations", new
        {
            organizationId = _a, awardedOn = Today.AddDays(-20).ToString("yyyy-MM-dd"), level = "County", title = "总表表彰", organizationIds = new[] { _a }, memberIds = new[] { a1 },
        });
        await PostAsync(client, "/api/v1/worklog/care-visits", new
        {
            organizationId = _a, visitedOn = Today.AddDays(-20).ToString("yyyy-MM-dd"), reason = "Hardship", money = 100m, visitors = "书记", memberIds = new[] { a2 },
        });

        // A term and a valid election in A; in B a term started long ago, now overdue or about to end.
        await PostAsync(client, $"/api/v1/organizations/{_a}/terms", new { startedOn = Today.AddDays(-10).ToString("yyyy-MM-dd") });
        await PostAsync(client, $"/api/v1/organizations/{_a}/elections", new
        {
            heldOn = Today.AddDays(-10).ToString("yyyy-MM-dd"), seats = 3, shouldAttend = 40, present = 38, ballotsIssued = 38, ballotsReturned = 38, voidBallots = 0,
            candidates = new[] { 30, 30, 30, 10 }.Select((v, i) => new { name = $"候选人{i + 1}", votes = v }).ToArray(),
        });
        await PostAsync(client, $"/api/v1/organizations/{_b}/terms", new { startedOn = Today.AddYears(-5).AddDays(20).ToString("yyyy-MM-dd"), approvalNote = "测试" });

        // a3 moves from A to B (within R), b2 leaves the system, one member arrives in A from outside.
        var move = await client.CreateInternalTransferAsync(a3, _b);
        (await client.PostAsJsonAsync($"/api/v1/transfers/{move}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await client.CreateOutTransferAsync(b2, TransferApi.Today);
        await client.ReceiveMemberAsync(_a, "总表转入", arrivedDaysAgo: 2);

        var month = DuesMonth.Of(Today.AddMonths(-1));
        await DuesRows.LineAsync(App, a1, _a, month, 50m, 50m, paidOn: month.AddDays(5));
        await DuesRows.LineAsync(App, a2, _a, month, 20m);
        await DuesRows.LineAsync(App, b1, _b, month, 10m, 4m, paidOn: month.AddDays(5));
        await DuesRows.PaymentAsync(App, a2, _a, Today.AddDays(-1), 5m, DuesPaymentKind.BackPayment);
        await DuesRows.PaymentAsync(App, b1, _b, Today.AddDays(-1), 1000m, DuesPaymentKind.LargeVoluntary);
        await DuesRows.RemittanceAsync(App, _a, _r, month, month, 30m, 0m, Today.AddDays(-2));
        await DuesRows.RemittanceAsync(App, _r, _s, month, month, 25m, 0m, Today.AddDays(-1), "上缴上级");
    }

    /// <summary>发展党员: people at every stage in A and B (one confirmed, one extended, one cancelled) and a plan for A.</summary>
    private async Task DevelopmentAsync(long mentor, long sponsor)
    {
        var everything = AccessScope.Everything(null);
        var longAgo = Today.AddYears(-3);
        var confirmed = await DevelopmentTestData.CandidateAsync(App, _a, longAgo, "总表转正");
        await DevelopmentTestData.StepsAsync(App, confirmed, longAgo, 2, 24, mentor, sponsor);
        var extended = await DevelopmentTestData.CandidateAsync(App, _b, longAgo, "总表延长");
        await DevelopmentTestData.StepsAsync(App, extended, longAgo, 2, 17, mentor, sponsor);
        await DevelopmentTestData.RunAsync(App, sp => sp.GetRequiredService<ExtendProbationHandler>()
            .HandleAsync(new ExtendProbationCommand(extended, Today.AddDays(-1), 6, "继续考察"), everything, CancellationToken.None));
        var cancelled = await DevelopmentTestData.CandidateAsync(App, _b, longAgo, "总表取消");
        await DevelopmentTestData.StepsAsync(App, cancelled, longAgo, 2, 17, mentor, sponsor);
        await DevelopmentTestData.RunAsync(App, sp => sp.GetRequiredService<CancelProbationHandler>()
            .HandleAsync(new CancelProbationCommand(cancelled, Today.AddDays(-1), "不具备党员条件"), everything, CancellationToken.None));
        await DevelopmentTestData.CandidateAsync(App, _a, Today.AddDays(-10), "总表申请");
        var activist = await DevelopmentTestData.CandidateAsync(App, _a, Today.AddMonths(-8), "总表积极分子");
        await DevelopmentTestData.StepsAsync(App, activist, Today.AddMonths(-8), 2, 5, mentor, sponsor);
        var target = await DevelopmentTestData.CandidateAsync(App, _b, Today.AddMonths(-20), "总表发展对象");
        await DevelopmentTestData.StepsAsync(App, target, Today.AddMonths(-20), 2, 8, mentor, sponsor);
        await DevelopmentTestData.RunAsync(App, sp => sp.GetRequiredService<SetDevelopmentPlanHandler>()
            .HandleAsync(new SetDevelopmentPlanCommand(_a, Today.Year, 1, 3), everything, CancellationToken.None));
    }

    private static async Task PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A meeting row with attendance, a decided 议题 and a 重点发言 (the meeting form's rules are another module's).</summary>
    private Task MeetingAsync(long organizationId, DateOnly heldOn, string[] kinds, long[] present, long[] absent, LecturerRole? lecturerRole) =>
        DuesRows.WithDbAsync(App, async db =>
        {
            var meeting = Meeting.Create(organizationId, new MeetingDetails(heldOn, null, "会议室", "总表会议", null, null, null, null, null, "讲课人", lecturerRole, null), DateTime.UtcNow);
            meeting.Kinds.AddRange(kinds.Select(c => MeetingKindLink.For(ComplianceTestData.KindId(c))));
            meeting.Attendees.AddRange(present.Select(id => MeetingAttendee.Create(id, "出席者", AttendeeRole.Member, AttendanceStatus.Present, null, true, false, false, null)));
            meeting.Attendees.AddRange(absent.Select(id => MeetingAttendee.Create(id, "缺席者", AttendeeRole.Member, AttendanceStatus.Absent, null, true, false, false, null)));
            meeting.AgendaItems.Add(AgendaItem.Create(1, "研究党建工作", AgendaTopic.PartyBuilding, "同意", null, null, null));
            meeting.KeySpeakers.Add(KeySpeaker.Create(present.FirstOrDefault() is var p and > 0 ? p : null, "发言人", "发言摘要"));
            db.Add(meeting);
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task EveryMetric_EveryBreakdown_AndItsRecords_TranslateAndAddUp()
    {
        await DuesRows.WithDbAsync(App, async db =>
        {
            var catalogue = MetricCatalogue.Default;
            var paths = await db.Organizations.Where(o => o.Id == _r || o.Id == _a || o.Id == _b).ToDictionaryAsync(o => o.Id, o => o.Path);
            MetricTarget[] targets = [new(_r, paths[_r]), new(_a, paths[_a]), new(_b, paths[_b]), new(_a, paths[_a], IncludeSubtree: false)];
            var refs = catalogue.Definitions
                .SelectMany(d => d.Dimensions.Select(dimension => new MetricRef(d.Key, dimension.Key)).Prepend(new MetricRef(d.Key)))
                .ToList();

            var evaluated = await MetricEvaluator.EvaluateAsync(db, catalogue, refs, targets, From, Today, CancellationToken.None);
            evaluated.IsSuccess.ShouldBeTrue(evaluated.IsSuccess ? null : string.Join("；", evaluated.Errors.Select(e => e.Message)));
            var readings = evaluated.Value;
            var scope = new MetricScope(db, paths[_r], From, Today);

            foreach (var metricRef in refs)
            {
                var metric = catalogue.Get(metricRef.Key);
                readings.Get(metricRef, _r).HasData.ShouldBeTrue($"{metricRef} 在 R 应有数据");
                foreach (var target in targets.Where(t => t.IncludeSubtree))
                {
                    // The batch rolls facts up per organization; a query of the target's own subtree must agree.
                    var direct = await metric.EvaluateAsync(scope with { RootPath = target.Path }, metricRef.Dimension, CancellationToken.None);
                    var reading = readings.Get(metricRef, target.OrganizationId);
                    var what = $"{metricRef} @ {target.OrganizationId}";
                    if (!reading.HasData) reading.Breakdown.ShouldBeNull(what);
                    else if (metricRef.IsBreakdown) reading.Breakdown!.ShouldBe(direct, ignoreOrder: false, customMessage: what);
                    else reading.Value.ShouldBe(direct.Single().Value, what);
                }

                var values = metricRef.Dimension is { } dimension ? await metric.DimensionValuesAsync(db, dimension, CancellationToken.None) : [];
                foreach (var target in targets)
                {
                    var records = await MetricEvaluator.Records(metric, scope, target, metricRef.Dimension, null).Take(5).ToListAsync();
                    records.ShouldAllBe(r => MetricRecordTypes.All.Contains(r.RecordType), metricRef.ToString());
                    // A figure above 0 has records behind it (so each projection is also read back, not only translated).
                    if (readings.Get(metricRef, target.OrganizationId) is { Value: > 0 } && target.IncludeSubtree) records.ShouldNotBeEmpty(metricRef.ToString());
                    if (values.Count > 0)
                        await MetricEvaluator.Records(metric, scope, target, metricRef.Dimension, values[0].Code).Take(5).ToListAsync();
                }
            }

            // The seeded records show up where expected.
            readings.Get(new MetricRef("meetings.count"), _r).Value.ShouldBe(3);
            readings.Get(new MetricRef("development.applicants"), _a).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.activists"), _a).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.targets"), _b).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.probationary"), _r).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.admitted"), _r).Value.ShouldBe(3);
            readings.Get(new MetricRef("development.confirmed"), _a).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.extended"), _b).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.cancelled"), _b).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.planned"), _r).Value.ShouldBe(1);
            readings.Get(new MetricRef("development.planned"), _b).HasData.ShouldBeFalse();
            readings.Get(new MetricRef("dualLife.count"), _a).Value.ShouldBe(2);
            readings.Get(new MetricRef("members.transferredIn"), _r).Value.ShouldBe(1);
            readings.Get(new MetricRef("members.transferredIn"), _b).Value.ShouldBe(1);
            readings.Get(new MetricRef("members.transferredOut"), _a).Value.ShouldBe(1);
            readings.Get(new MetricRef("dues.remitted"), _r).Value.ShouldBe(25m);
            readings.Get(new MetricRef("dues.remitted"), _a).Value.ShouldBe(30m);
            readings.Get(new MetricRef("dues.collectionRate"), _r).Value.ShouldBe(67.5m);
            (await MetricEvaluator.Records(catalogue.Get("members.transferredIn"), scope, targets[0], null, null).CountAsync()).ShouldBe(1);
            return 0;
        });
    }
}

public sealed class MetricCatalogueDatabaseTests_Sqlite(SqliteApp app) : MetricCatalogueDatabaseTests(app), IClassFixture<SqliteApp>;

public sealed class MetricCatalogueDatabaseTests_Postgres(PostgresApp app) : MetricCatalogueDatabaseTests(app), IClassFixture<PostgresApp>;
