using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoMeetingsStepTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_RecordsAYearOfMeetings_WithCombinedKindsLecturesByLeadersAndGaps_AndIsIdempotent()
    {
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("组织生活");
        await using var services = Db.Services();
        int meetingsAfterFirstRun;
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            meetingsAfterFirstRun = await db.Set<Meeting>().CountAsync(Ct);
            meetingsAfterFirstRun.ShouldBeGreaterThan(300);
            (await db.Set<MeetingKindLink>().GroupBy(l => l.MeetingId).CountAsync(g => g.Count() > 1, Ct)).ShouldBeGreaterThan(0);
            (await db.Set<Meeting>().CountAsync(m => m.LecturerRole == LecturerRole.Secretary, Ct)).ShouldBeGreaterThan(0);
            (await db.Set<Meeting>().CountAsync(m => m.LecturerRole == LecturerRole.OrdinaryMember, Ct)).ShouldBeGreaterThan(0);
            (await db.Set<MeetingAttendee>().CountAsync(a => a.Status == AttendanceStatus.Leave && a.LeaveReason != null, Ct)).ShouldBeGreaterThan(0);

            // The gaps: branches differ in how many 主题党日 they held.
            var themeDays = await (from l in db.Set<MeetingKindLink>()
                                   join m in db.Set<Meeting>() on l.MeetingId equals m.Id
                                   where l.MeetingKindId == 5
                                   group m by m.OrganizationId into g
                                   select g.Count()).ToListAsync(Ct);
            themeDays.Distinct().Count().ShouldBeGreaterThan(1);
        }

        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
            (await db.Set<Meeting>().CountAsync(Ct)).ShouldBe(meetingsAfterFirstRun);
        }
    }
}
