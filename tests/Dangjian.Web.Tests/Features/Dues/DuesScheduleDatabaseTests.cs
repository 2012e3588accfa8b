using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>
/// The schedule's query (placements, the earliest-placement rule, profiles and reductions joined, a CASE on decimals) on
/// both databases: the ledger generates from it set-based, so it must translate and sum to the 分 on each.
/// </summary>
public abstract class DuesScheduleDatabaseTests(AppFixture fixture) : AppTests(fixture)
{
    [Fact]
    public async Task ForBranchMonth_AppliesReductionsAndTransfers_AndSumsToTheFen()
    {
        var year = DuesProfileTestData.ThisYear - 1; // a whole past year, so every month and date below is allowed
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var api = App.ApiClient(admin);
        var root = await api.CreateOrganizationAsync(null, Unique("R"), "党费测试党委", "Committee");
        var branch = await api.CreateOrganizationAsync(root, Unique("B"), "甲支部", "Branch");
        var other = await api.CreateOrganizationAsync(root, Unique("B"), "乙支部", "Branch");
        var bases = new[] { "3000", "3000.01", "4999.99", "5100", "10000.01", "1234.57", "3333.50" };
        var members = new List<long>();
        foreach (var b in bases) members.Add(await CommitteeTestData.CreateMemberAsync(App, branch, "党员"));
        var retiree = await CommitteeTestData.CreateMemberAsync(App, branch, "离退休");
        var rows = members.Select((m, i) => DuesProfileTestData.Salaried(m, bases[i])).Append(new DuesProfileInput(retiree, DuesMemberType.Retired, "6000", null, null)).ToArray();
        await DuesProfileTestData.ConfirmAsync(App, branch, year, rows);
        await CommitteeTestData.RunAsync(App, sp => sp.GetRequiredService<CreateDuesReductionHandler>().HandleAsync(
            new CreateDuesReductionCommand(retiree, $"{year}-03", $"{year}-04", "12.34", "生活困难", new DateOnly(year, 2, 1), null, null, null),
            AccessScope.Everything(null), CancellationToken.None));
        await CommitteeTestData.MoveMemberAsync(App, members[0], other, new DateOnly(year, 3, 15));

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        var march = await DuesSchedule.ForBranchMonth(db, branch, new DateOnly(year, 3, 1)).ToListAsync();
        var april = await DuesSchedule.ForBranchMonth(db, branch, new DateOnly(year, 4, 1)).ToListAsync();
        var may = await DuesSchedule.ForBranchMonth(db, branch, new DateOnly(year, 5, 1)).ToListAsync();

        march.Count.ShouldBe(8); // the member who moved on 15 March still owes March here
        march.Single(r => r.MemberId == retiree).Due.ShouldBe(12.34m);
        april.Count.ShouldBe(7);
        april.Single(r => r.MemberId == retiree).Due.ShouldBe(12.34m);
        may.Single(r => r.MemberId == retiree).Due.ShouldBe(60.00m);
        (await DuesSchedule.ForBranchMonth(db, other, new DateOnly(year, 4, 1)).SingleAsync()).MemberId.ShouldBe(members[0]);

        var sum = await DuesSchedule.ForBranchMonth(db, branch, new DateOnly(year, 3, 1)).SumAsync(r => r.Due);
        sum.ShouldBe(march.Sum(r => r.Due));
        sum.ShouldBe(15.00m + 30.00m + 50.00m + 76.50m + 200.00m + 6.17m + 33.34m + 12.34m);
        var subtree = db.Organizations.Where(o => o.Id == branch || o.Id == other).Select(o => o.Id);
        (await DuesSchedule.ForBranchesMonth(db, subtree, new DateOnly(year, 4, 1)).SumAsync(r => r.Due))
            .ShouldBe(april.Sum(r => r.Due) + 15.00m);
        (await DuesSchedule.MonthlyDueAsync(db, retiree, new DateOnly(year, 4, 20), CancellationToken.None))!.ReductionId.ShouldNotBeNull();
    }
}

public sealed class DuesScheduleDatabaseTests_Sqlite(SqliteApp app) : DuesScheduleDatabaseTests(app), IClassFixture<SqliteApp>;

public sealed class DuesScheduleDatabaseTests_Postgres(PostgresApp app) : DuesScheduleDatabaseTests(app), IClassFixture<PostgresApp>;
