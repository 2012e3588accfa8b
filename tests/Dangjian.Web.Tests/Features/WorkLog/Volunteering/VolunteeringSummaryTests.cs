using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.Volunteering;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Summaries;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.WorkLog.Volunteering;

/// <summary>
/// The 志愿服务, 社区报到 and 先锋岗 sentences of a generated 党建工作总结: left out and listed as 待补充 while nothing is recorded;
/// printed with the catalogue's figures once records exist; the 认领 sentence stays out when its figure is 0.
/// </summary>
public abstract class VolunteeringSummaryTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly string[] Refs = ["volunteer.partyVolunteers", "volunteer.personTimes", "volunteer.hours", "community.reportedMembers", "pioneer.posts"];

    [Fact]
    public async Task Sentences_PrintTheRecordedFigures_AndAreListedAs待补充_WithoutRecords()
    {
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        var world = await SummaryWorld.CreateAsync(App, admin, Unique("VS"));

        var before = await SummaryWorld.GenerateAsync(App, world.Root, AccessScope.Everything(null));
        foreach (var r in Refs)
        {
            before.Missing.Single(m => m.Figures.Any(f => f.Ref == r)).LeftOut.ShouldBeTrue(r);
        }

        var beforeText = string.Concat(before.Blocks.Select(b => b.Text));
        beforeText.ShouldNotContain("党员志愿者");
        beforeText.ShouldNotContain("到居住地社区报到");
        beforeText.ShouldNotContain("先锋岗");

        var everything = AccessScope.Everything(null);
        await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<CreateVolunteerActivityHandler>().HandleAsync(new CreateVolunteerActivityCommand(world.BranchA,
            new VolunteerActivityInput
            {
                HeldOn = new DateOnly(2020, 3, 5), Title = "清扫背街小巷", PublicVolunteers = 4,
                Participants = [new ParticipantInput(world.MembersA[0], 3m), new ParticipantInput(world.MembersA[1], 2.5m)],
            }), everything, CancellationToken.None));
        await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<CreateCommunityReportHandler>().HandleAsync(new CreateCommunityReportCommand(world.BranchA,
            new CommunityReportInput { MemberId = world.MembersA[2], Community = "和平社区", ReportedOn = new DateOnly(2020, 4, 1) }), everything, CancellationToken.None));
        await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<CreatePioneerPostHandler>().HandleAsync(new CreatePioneerPostCommand(world.BranchA,
            new PioneerPostInput { Name = "便民服务窗口", Kind = PioneerPostKind.Pioneer, From = new DateOnly(2020, 2, 1), MemberIds = [world.MembersA[0]] }), everything, CancellationToken.None));

        var after = await SummaryWorld.GenerateAsync(App, world.Root, everything);
        var text = string.Concat(after.Blocks.Select(b => b.Text));
        text.ShouldContain("上半年共组织党员志愿者2人、群众志愿者4人参加志愿服务，累计服务6人次、5.5小时。");
        text.ShouldContain("在职党员1人到居住地社区报到，亮明身份、就近参与社区服务。");
        text.ShouldContain("设立党员先锋岗、示范岗和责任区共1个，引导党员在本职岗位上当先锋、作表率。");
        after.Figures.Single(f => f.Ref == "volunteer.projectsClaimed").Value.ShouldBe(0m);
        text.ShouldNotContain("认领志愿服务项目"); // recorded, and 0: nothing to report, and not 待补充 either
        after.Missing.ShouldNotContain(m => m.Figures.Any(f => f.Ref.StartsWith("volunteer.", StringComparison.Ordinal) || Refs.Contains(f.Ref)));
    }
}

public sealed class VolunteeringSummaryTests_Sqlite(SqliteApp app) : VolunteeringSummaryTests(app), IClassFixture<SqliteApp>;

public sealed class VolunteeringSummaryTests_Postgres(PostgresApp app) : VolunteeringSummaryTests(app), IClassFixture<PostgresApp>;
