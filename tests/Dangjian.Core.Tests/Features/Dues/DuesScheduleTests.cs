using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

public sealed class DuesScheduleTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B1", Branch, _root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    private async Task<Dictionary<long, DuesScheduleRow>> BranchAsync(long branch, DateOnly month)
    {
        await using var db = await _db.OpenAsync();
        return await DuesSchedule.ForBranchMonth(db, branch, month).ToDictionaryAsync(r => r.MemberId, Ct);
    }

    private async Task<DuesScheduleRow?> MemberAsync(long member, DateOnly month)
    {
        await using var db = await _db.OpenAsync();
        return await DuesSchedule.MonthlyDueAsync(db, member, month, Ct);
    }

    [Fact]
    public async Task ReductionMonths_OweTheReducedAmount_OtherMonthsTheProfilesAmount()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var b = await _db.AddMemberAsync(_branch, "乙", status: EmploymentStatus.Retired);
        await _db.ConfirmAsync(_branch, 2026, DuesProfileTestData.Salaried(a, "5100"), new DuesProfileInput(b, DuesMemberType.Retired, "6000", null, null));
        var reduction = await _db.Get<CreateDuesReductionHandler>().HandleAsync(
            DuesProfileTestData.Reduction(a, "2026-03", "2026-05", "10.00", new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 25)), Admin, Ct);
        reduction.IsSuccess.ShouldBeTrue();
        (await _db.Get<CreateDuesReductionHandler>().HandleAsync(
            DuesProfileTestData.Reduction(b, "2026-04", "2026-04", "0", new DateOnly(2026, 3, 20), null), Admin, Ct)).IsSuccess.ShouldBeTrue();

        (await BranchAsync(_branch, Month(2026, 2)))[a].Due.ShouldBe(76.50m);
        var march = await BranchAsync(_branch, Month(2026, 3));
        march[a].Due.ShouldBe(10.00m);
        march[a].ProfileMonthly.ShouldBe(76.50m);
        march[a].ReductionId.ShouldBe(reduction.Value);
        march[b].Due.ShouldBe(60.00m);
        var april = await BranchAsync(_branch, Month(2026, 4));
        april[a].Due.ShouldBe(10.00m);
        april[b].Due.ShouldBe(0m);
        (await BranchAsync(_branch, Month(2026, 5)))[a].Due.ShouldBe(10.00m);
        (await BranchAsync(_branch, Month(2026, 6)))[a].Due.ShouldBe(76.50m);
        (await BranchAsync(_branch, Month(2026, 6)))[a].ReductionId.ShouldBeNull();

        // A date inside the month means the month.
        (await MemberAsync(a, new DateOnly(2026, 4, 17)))!.Due.ShouldBe(10.00m);
        var year = await ListYearAsync(a);
        year.Sum(r => r.Due).ShouldBe(76.50m * 9 + 10.00m * 3);
    }

    private async Task<IReadOnlyList<DuesScheduleRow>> ListYearAsync(long member)
    {
        await using var db = await _db.OpenAsync();
        return await DuesSchedule.ForMemberYearAsync(db, member, 2026, Ct);
    }

    [Fact]
    public async Task OverrideWins_AndEachYearUsesItsOwnProfile()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        await _db.ConfirmAsync(_branch, 2025, DuesProfileTestData.Salaried(a, "4900"));
        await _db.ConfirmAsync(_branch, 2026, DuesProfileTestData.Salaried(a, "5100"));

        (await MemberAsync(a, Month(2025, 12)))!.Due.ShouldBe(49.00m);
        (await MemberAsync(a, Month(2026, 1)))!.Due.ShouldBe(76.50m);

        var profile = (await _db.ProfilesAsync()).Single(p => p.Year == 2026);
        (await _db.Get<OverrideDuesProfileHandler>().HandleAsync(new OverrideDuesProfileCommand(profile.Id, "80", "按实发工资"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await MemberAsync(a, Month(2026, 1)))!.Due.ShouldBe(80.00m);
    }

    [Fact]
    public async Task NoProfile_TheMemberIsListed_WithoutADue()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var row = (await BranchAsync(_branch, Month(2026, 3)))[a];
        row.Due.ShouldBeNull();
        row.ProfileId.ShouldBeNull();
    }

    [Theory]
    [InlineData(15, 6, 7)] // moved on 15 June: June is owed at the old branch, July at the new one
    [InlineData(1, 5, 6)] // moved on 1 June: June already belongs to the new branch
    public async Task Transfer_TheMonthBelongsToTheEarliestPlacement(int day, int lastOldMonth, int firstNewMonth)
    {
        var other = await _db.CreateAsync("B2", Branch, _root);
        var a = await _db.AddMemberAsync(_branch, "甲");
        await _db.ConfirmAsync(_branch, 2026, DuesProfileTestData.Salaried(a, "5100"));
        (await _db.Get<MoveMemberHandler>().HandleAsync(new MoveMemberCommand(a, other, null, new DateOnly(2026, 6, day)), Admin, Ct)).IsSuccess.ShouldBeTrue();

        (await BranchAsync(_branch, Month(2026, lastOldMonth))).ShouldContainKey(a);
        (await BranchAsync(other, Month(2026, lastOldMonth))).ShouldNotContainKey(a);
        (await BranchAsync(_branch, Month(2026, firstNewMonth))).ShouldNotContainKey(a);
        var atNew = (await BranchAsync(other, Month(2026, firstNewMonth)))[a];
        atNew.Due.ShouldBe(76.50m); // the profile follows the member
        atNew.OrganizationId.ShouldBe(other);
        (await MemberAsync(a, Month(2026, firstNewMonth)))!.OrganizationId.ShouldBe(other);
    }

    [Fact]
    public async Task Probationary_OwesFromTheMonthOfTheVote_AndJoinerFromTheMonthPlaced()
    {
        var probationary = await _db.AddMemberAsync(_branch, "预备", admittedOn: new DateOnly(2026, 3, 31), category: MemberCategory.Probationary);
        var joiner = await _db.AddMemberAsync(_branch, "转入", placedFrom: new DateOnly(2026, 5, 20));

        (await BranchAsync(_branch, Month(2026, 2))).ShouldNotContainKey(probationary);
        (await BranchAsync(_branch, Month(2026, 3))).ShouldContainKey(probationary);
        (await BranchAsync(_branch, Month(2026, 4))).ShouldNotContainKey(joiner);
        (await BranchAsync(_branch, Month(2026, 5))).ShouldContainKey(joiner);
        (await MemberAsync(joiner, Month(2026, 4))).ShouldBeNull();
    }

    [Fact]
    public async Task Leaving_TheMonthOfLeavingIsOwed_LaterMonthsAreNot_SuspensionStopsFromTheFirstFullMonth()
    {
        var leaver = await _db.AddMemberAsync(_branch, "出党");
        var suspended = await _db.AddMemberAsync(_branch, "停止党籍");
        var status = _db.Get<ChangeMemberStatusHandler>();
        (await status.HandleAsync(new ChangeMemberStatusCommand(leaver, MembershipStatus.Left, new DateOnly(2026, 4, 10), null, ExitType.Removed, "除名"), Admin, Ct))
            .IsSuccess.ShouldBeTrue();
        (await status.HandleAsync(new ChangeMemberStatusCommand(suspended, MembershipStatus.Suspended, new DateOnly(2026, 4, 10), null, null, "失联超过六个月"), Admin, Ct))
            .IsSuccess.ShouldBeTrue();

        var april = await BranchAsync(_branch, Month(2026, 4));
        april.ShouldContainKey(leaver);
        april.ShouldContainKey(suspended);
        var may = await BranchAsync(_branch, Month(2026, 5));
        may.ShouldNotContainKey(leaver);
        may.ShouldNotContainKey(suspended);
    }

    [Fact]
    public async Task BranchSum_EqualsTheSumOfTheMembersLines()
    {
        var amounts = new[] { "3000", "3000.01", "4999.99", "5100", "10000.01", "1234.57", "3333.50" };
        var rows = new List<DuesProfileInput>();
        foreach (var amount in amounts)
        {
            rows.Add(DuesProfileTestData.Salaried(await _db.AddMemberAsync(_branch, "党员" + amount), amount));
        }

        await _db.ConfirmAsync(_branch, 2026, rows.ToArray());
        await using var db = await _db.OpenAsync();
        var lines = await DuesSchedule.ForBranchMonth(db, _branch, Month(2026, 3)).Select(r => r.Due).ToListAsync(Ct);
        var sum = await DuesSchedule.ForBranchMonth(db, _branch, Month(2026, 3)).SumAsync(r => r.Due, Ct);
        sum.ShouldBe(lines.Sum());
        sum.ShouldBe(15.00m + 30.00m + 50.00m + 76.50m + 200.00m + 6.17m + 33.34m);
        var subtree = await DuesSchedule.ForBranchesMonth(db, db.Organizations.Where(o => o.Id == _branch || o.Id == _root).Select(o => o.Id), Month(2026, 3)).CountAsync(Ct);
        subtree.ShouldBe(amounts.Length);
    }
}
