using Dangjian.Cli.Demo;
using Dangjian.Cli.Infrastructure;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Features.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Tests;

public sealed class DemoMembersSeedTests : CliTestBase
{
    [Fact]
    public async Task DemoSeed_EmptyDatabase_AddsSixHundredValidMembersAndTransfers()
    {
        // No wall-clock assertion: speed is measured in bench/, and a busy CI machine made this test fail on time alone.
        var run = await Db.RunAsync("demo", "seed");
        run.ExitCode.ShouldBe(ExitCodes.Success, run.Err);
        run.Out.ShouldContain("演示党员：600 人");

        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        await using var core = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
        var today = TimeProvider.System.Today();
        // The 发展党员 step admits its own 预备党员 later in the seed (DemoDevelopmentStepTests checks them).
        var admitted = await core.Set<Candidate>().Where(c => c.MemberId != null).Select(c => c.MemberId!.Value).ToListAsync(Ct);
        var members = await core.Set<Member>().AsNoTracking().Where(m => !admitted.Contains(m.Id)).ToListAsync(Ct);
        members.Count.ShouldBe(DemoMembersStep.MemberCount);
        members.Select(m => m.IdNumber).Distinct().Count().ShouldBe(members.Count);
        foreach (var m in members)
        {
            var parsed = IdNumber.Parse(m.IdNumber);
            parsed.IsSuccess.ShouldBeTrue(m.IdNumber);
            parsed.Value.BirthDate.ShouldBe(m.BirthDate);
            parsed.Value.Gender.ShouldBe(m.Gender);
            m.ApplicationDate.ShouldNotBeNull();
            Member.AgeOn(m.BirthDate, m.ApplicationDate!.Value).ShouldBeGreaterThanOrEqualTo(18);
            m.AdmittedOn.ShouldBeGreaterThan(m.ApplicationDate.Value);
            if (m.Category == MemberCategory.Full) m.ConfirmedOn.ShouldNotBeNull();
        }

        members.Count(m => m.Category == MemberCategory.Probationary).ShouldBeGreaterThan(10);
        members.Select(m => m.Ethnicity).Distinct().Count().ShouldBeGreaterThan(2);
        members.Select(m => m.Education).Distinct().Count().ShouldBeGreaterThan(3);
        members.Select(m => m.Occupation).Distinct().Count().ShouldBeGreaterThan(3);
        members.Single(m => m.IsLostContact).LostContactSince.ShouldBe(today.AddMonths(-7));
        members.Count(m => m.TransferredOutOn is not null).ShouldBe(1);

        // Every branch has members, each in one of its own 党小组.
        var organizations = await core.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, Ct);
        members.Select(m => m.OrganizationId).Distinct().Count().ShouldBe(12);
        members.ShouldAllBe(m => m.GroupId != null && organizations[m.GroupId.Value].ParentId == m.OrganizationId);

        var transfers = await core.Set<Transfer>().AsNoTracking().ToListAsync(Ct);
        transfers.Count.ShouldBe(4);
        transfers.ShouldContain(t => t.Kind == TransferKind.Internal && t.Status == TransferStatus.Pending);
        transfers.ShouldContain(t => t.Kind == TransferKind.Internal && t.Status == TransferStatus.Accepted);
        transfers.ShouldContain(t => t.Kind == TransferKind.OutOfSystem && t.Status == TransferStatus.Pending && t.ExpiresOn < today);
        transfers.ShouldContain(t => t.Kind == TransferKind.InFromOutside && t.Status == TransferStatus.Completed);

        var reminders = await scope.ServiceProvider.GetRequiredService<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(null), Core.Features.Access.AccessScope.Everything(null), Ct);
        reminders.Value.ShouldContain(r => r.Category == "组织关系转接");
        reminders.Value.ShouldContain(r => r.Category == "党籍状态");
    }

    [Fact]
    public async Task DemoSeed_SecondRun_AddsNoMembers()
    {
        (await Db.RunAsync("demo", "seed")).ExitCode.ShouldBe(ExitCodes.Success);
        var again = await Db.RunAsync("demo", "seed");
        again.ExitCode.ShouldBe(ExitCodes.Success, again.Err);
        again.Out.ShouldContain("演示数据已存在");
        await using var services = Db.Services();
        await using var scope = services.CreateAsyncScope();
        await using var core = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(Ct);
        (await core.Set<Member>().CountAsync(Ct)).ShouldBe(DemoMembersStep.MemberCount + DemoDevelopmentStep.AdmittedCount);
        (await core.Set<Transfer>().CountAsync(Ct)).ShouldBe(4);
        (await core.Set<MemberPlacement>().CountAsync(Ct)).ShouldBe(DemoMembersStep.MemberCount + 1 + DemoDevelopmentStep.AdmittedCount);
    }
}
