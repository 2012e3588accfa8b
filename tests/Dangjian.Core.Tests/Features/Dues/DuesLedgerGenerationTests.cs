using Dangjian.Core.Common;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.Features.Dues.DuesLedgerTestData;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

/// <summary>Monthly ledger generation: who owes where, how much, idempotence, 未核定基数. The fake today is 2026-07-01.</summary>
public sealed class DuesLedgerGenerationTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;
    private long _root;
    private long _a;
    private long _b;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _a = await _db.CreateAsync("A", Branch, _root);
        _b = await _db.CreateAsync("B", Branch, _root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<DuesLedgerGenerated> GenerateAsync(long org, DateOnly month)
    {
        var result = await _db.Get<GenerateDuesLedgerHandler>().HandleAsync(new GenerateDuesLedgerCommand(org, month), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    private async Task<List<DuesLedgerLine>> LinesAsync()
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<DuesLedgerLine>().AsNoTracking().OrderBy(l => l.Month).ThenBy(l => l.MemberId).ToListAsync(Ct);
    }

    [Fact]
    public async Task Generate_OneLinePerMemberWithTheProfileAmount_AndReportsMembersWithoutProfile()
    {
        var amounts = new[] { 0.20m, 76.50m, 33.34m };
        foreach (var amount in amounts)
        {
            var member = await MemberAsync(_db, _a);
            await ProfileAsync(_db, member, _a, 2026, amount);
        }

        var overridden = await MemberAsync(_db, _a);
        await ProfileAsync(_db, overridden, _a, 2026, 150.00m, overrideMonthly: 120.05m);
        var lastYearOnly = await MemberAsync(_db, _a, "未核定");
        await ProfileAsync(_db, lastYearOnly, _a, 2025, 50m);

        var generated = await GenerateAsync(_a, M(2026, 6));

        generated.Created.ShouldBe(4);
        generated.AlreadyThere.ShouldBe(0);
        generated.UnassessedCount.ShouldBe(1);
        generated.Unassessed.Single().MemberId.ShouldBe(lastYearOnly);
        var lines = await LinesAsync();
        lines.Select(l => l.Due).OrderBy(d => d).ShouldBe([0.20m, 33.34m, 76.50m, 120.05m]);
        lines.ShouldAllBe(l => l.Month == M(2026, 6) && l.Paid == 0 && l.OrganizationId == _a);
        (await _db.AuditAsync()).Count(a => a.EntityType == nameof(DuesLedgerLine) && a.Action == AuditAction.Created).ShouldBe(1, "一次生成一条审计记录");
    }

    [Fact]
    public async Task Generate_Twice_KeepsExistingLinesAndAddsOnlyNewMembers()
    {
        var first = await MemberAsync(_db, _a);
        await ProfileAsync(_db, first, _a, 2026, 10m);
        (await GenerateAsync(_a, M(2026, 5))).Created.ShouldBe(1);
        await _db.Get<RecordDuesPaymentHandler>().HandleAsync(new RecordDuesPaymentCommand(first, 4m, new DateOnly(2026, 5, 20), PaymentMethod.Cash), Admin, Ct);

        var second = await MemberAsync(_db, _a);
        await ProfileAsync(_db, second, _a, 2026, 20m);
        var again = await GenerateAsync(_a, M(2026, 5));

        again.Created.ShouldBe(1);
        again.AlreadyThere.ShouldBe(1);
        var lines = await LinesAsync();
        lines.Count.ShouldBe(2);
        lines.Single(l => l.MemberId == first).Paid.ShouldBe(4m, "已有的台账（及其交费）保持不变");
        (await GenerateAsync(_a, M(2026, 5))).Created.ShouldBe(0);
    }

    [Fact]
    public async Task Generate_ForTheWholeSubtree_CoversEveryBranch()
    {
        var inA = await MemberAsync(_db, _a);
        var inB = await MemberAsync(_db, _b);
        await ProfileAsync(_db, inA, _a, 2026, 1m);
        await ProfileAsync(_db, inB, _b, 2026, 2m);

        (await GenerateAsync(_root, M(2026, 6))).Created.ShouldBe(2);
        (await LinesAsync()).Select(l => (l.MemberId, l.OrganizationId)).ShouldBe([(inA, _a), (inB, _b)], ignoreOrder: true);
    }

    [Fact]
    public async Task Transfer_MidMonth_OwesTheMonthAtTheOldBranchAndFromTheNextMonthAtTheNew()
    {
        var member = await MemberAsync(_db, _a);
        await ProfileAsync(_db, member, _a, 2026, 30m);
        await MoveAsync(_db, member, _b, new DateOnly(2026, 3, 15));

        (await GenerateAsync(_b, M(2026, 3))).Created.ShouldBe(0, "三月初组织关系在 A 支部，B 支部不为其生成三月台账");
        (await GenerateAsync(_a, M(2026, 3))).Created.ShouldBe(1);
        (await GenerateAsync(_a, M(2026, 4))).Created.ShouldBe(0);
        (await GenerateAsync(_b, M(2026, 4))).Created.ShouldBe(1);
        (await GenerateAsync(_root, M(2026, 3))).Created.ShouldBe(0, "同一月份不会在两个支部各生成一条");

        var lines = await LinesAsync();
        lines.Select(l => (l.Month, l.OrganizationId)).ShouldBe([(M(2026, 3), _a), (M(2026, 4), _b)]);
    }

    [Fact]
    public async Task Transfer_OnTheFirst_OwesTheMonthAtTheNewBranch()
    {
        var member = await MemberAsync(_db, _a);
        await ProfileAsync(_db, member, _a, 2026, 30m);
        await MoveAsync(_db, member, _b, new DateOnly(2026, 3, 1));

        (await GenerateAsync(_root, M(2026, 3))).Created.ShouldBe(1);
        (await LinesAsync()).Single().OrganizationId.ShouldBe(_b);
    }

    [Fact]
    public async Task ArrivalFromOutside_MidMonth_OwesThatMonthAtTheReceivingBranch()
    {
        var member = await MemberAsync(_db, _b, placedFrom: new DateOnly(2026, 3, 15));
        await ProfileAsync(_db, member, _b, 2026, 30m);

        (await GenerateAsync(_b, M(2026, 2))).Created.ShouldBe(0);
        (await GenerateAsync(_b, M(2026, 3))).Created.ShouldBe(1);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public async Task Probationary_OwesFromTheMonthOfTheBranchMeetingVote(int month, bool owes)
    {
        // placed earlier (e.g. recorded as 发展对象 in the branch) but admitted by the 支部大会 on 2026-03-31
        var member = await MemberAsync(_db, _a, admittedOn: new DateOnly(2026, 3, 31), category: MemberCategory.Probationary, placedFrom: new DateOnly(2026, 1, 1));
        await ProfileAsync(_db, member, _a, 2026, 0.2m);

        (await GenerateAsync(_a, M(2026, month))).Created.ShouldBe(owes ? 1 : 0);
    }

    [Fact]
    public async Task LeftBeforeTheMonth_OwesNothing_LeftDuringIt_OwesTheMonth()
    {
        var member = await MemberAsync(_db, _a);
        await ProfileAsync(_db, member, _a, 2026, 5m);
        await using (var db = await _db.OpenAsync())
        {
            (await MemberPlacements.CloseAsync(db, member, new DateOnly(2026, 4, 10), Ct)).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Ct);
        }

        (await GenerateAsync(_a, M(2026, 4))).Created.ShouldBe(1);
        (await GenerateAsync(_a, M(2026, 5))).Created.ShouldBe(0);
    }

    [Fact]
    public async Task ApprovedReduction_CoveringTheMonth_ReplacesTheProfileAmount()
    {
        var member = await MemberAsync(_db, _a);
        await ProfileAsync(_db, member, _a, 2026, 80m);
        await using (var db = await _db.OpenAsync())
        {
            db.Add(DuesReduction.Create(member, _a, M(2026, 3), M(2026, 5), 0m, "生活困难", new DateOnly(2026, 2, 20), null, new DateOnly(2026, 2, 25), null));
            await db.SaveChangesAsync(Ct);
        }

        await GenerateAsync(_a, M(2026, 2));
        await GenerateAsync(_a, M(2026, 3));
        await GenerateAsync(_a, M(2026, 5));
        await GenerateAsync(_a, M(2026, 6));
        (await LinesAsync()).Select(l => l.Due).ShouldBe([80m, 0m, 0m, 80m]);
    }

    [Fact]
    public async Task Generate_FutureMonth_IsRefused_CurrentMonthIsAllowed()
    {
        var future = await _db.Get<GenerateDuesLedgerHandler>().HandleAsync(new GenerateDuesLedgerCommand(_a, M(2026, 8)), Admin, Ct);
        future.FirstError.Code.ShouldBe("dues.month_future");
        (await _db.Get<GenerateDuesLedgerHandler>().HandleAsync(new GenerateDuesLedgerCommand(_a, new DateOnly(2026, 7, 15)), Admin, Ct)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Generate_OutsideTheCallersScope_IsNotFound_ReadOnlyIsForbidden()
    {
        var outsider = new Dangjian.Core.Features.Access.AccessScope("x", false,
            [new Dangjian.Core.Features.Access.ScopeRoot(_b, (await _db.FindAsync(_b)).Path, "B", Dangjian.Core.Features.Access.Role.OrgAdmin)]);
        (await _db.Get<GenerateDuesLedgerHandler>().HandleAsync(new GenerateDuesLedgerCommand(_a, M(2026, 6)), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        var reader = new Dangjian.Core.Features.Access.AccessScope("y", false,
            [new Dangjian.Core.Features.Access.ScopeRoot(_a, (await _db.FindAsync(_a)).Path, "A", Dangjian.Core.Features.Access.Role.ReadOnly)]);
        (await _db.Get<GenerateDuesLedgerHandler>().HandleAsync(new GenerateDuesLedgerCommand(_a, M(2026, 6)), reader, Ct)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task LedgerAndOverview_SumsEqualTheSumOfTheMemberLines_ToTheFen()
    {
        decimal[] amounts = [0.20m, 76.50m, 33.34m, 33.33m, 0.01m, 1234.56m, 15.00m, 49.99m];
        decimal[] payments = [0.20m, 10.01m, 33.34m, 0.02m, 0.01m, 1000.00m, 7.77m, 0.03m];
        var expectedDue = 0m;
        var expectedPaid = 0m;
        for (var i = 0; i < amounts.Length; i++)
        {
            var branch = i % 2 == 0 ? _a : _b;
            var member = await MemberAsync(_db, branch);
            await ProfileAsync(_db, member, branch, 2026, amounts[i]);
            expectedDue += amounts[i];
            expectedPaid += payments[i];
        }

        await GenerateAsync(_root, M(2026, 6));
        foreach (var (line, i) in (await LinesAsync()).Select((l, i) => (l, i)))
        {
            (await _db.Get<RecordDuesPaymentHandler>().HandleAsync(
                new RecordDuesPaymentCommand(line.MemberId, payments[Array.IndexOf(amounts, line.Due)], new DateOnly(2026, 6, 30), PaymentMethod.Transfer), Admin, Ct)).IsSuccess.ShouldBeTrue();
        }

        var lines = await LinesAsync();
        lines.Sum(l => l.Due).ShouldBe(expectedDue);
        lines.Sum(l => l.Paid).ShouldBe(expectedPaid);

        var overview = (await _db.Get<GetDuesOverviewHandler>().HandleAsync(new GetDuesOverviewQuery(_root, M(2026, 6)), Admin, Ct)).Value;
        overview.Due.ShouldBe(expectedDue);
        overview.Paid.ShouldBe(expectedPaid);
        overview.Outstanding.ShouldBe(expectedDue - expectedPaid);
        overview.Branches.Items.Sum(b => b.Due).ShouldBe(expectedDue);
        overview.Branches.Items.Sum(b => b.Paid).ShouldBe(expectedPaid);
        foreach (var row in overview.Branches.Items)
        {
            row.Due.ShouldBe(lines.Where(l => l.OrganizationId == row.OrganizationId).Sum(l => l.Due));
            row.Paid.ShouldBe(lines.Where(l => l.OrganizationId == row.OrganizationId).Sum(l => l.Paid));
        }

        var ledger = (await _db.Get<GetDuesLedgerHandler>().HandleAsync(new GetDuesLedgerQuery(_a, M(2026, 6)), Admin, Ct)).Value;
        ledger.Due.ShouldBe(lines.Where(l => l.OrganizationId == _a).Sum(l => l.Due));
        ledger.Lines.Items.Sum(i => i.Due).ShouldBe(ledger.Due);
        ledger.Lines.Items.Sum(i => i.Paid).ShouldBe(ledger.Paid);
        ledger.Due.ShouldBe(48.55m, "0.20 + 33.34 + 0.01 + 15.00");
        ledger.Due.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("48.55");
        ledger.Members.ShouldBe(4);
    }
}
