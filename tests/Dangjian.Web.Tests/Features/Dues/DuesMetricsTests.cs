using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Metrics;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>
/// The eight dues metrics on both databases, against figures worked out by hand from the rows below.
/// S (上级党委) ⊃ R (党委) ⊃ G (总支) ⊃ A (支部); B (支部) directly under R. Period: first quarter of 2025.
/// </summary>
public abstract class DuesMetricsTests(AppFixture fixture) : AppTests(fixture)
{
    private static readonly DateOnly Q1Start = new(2025, 1, 1);
    private static readonly DateOnly Q1End = new(2025, 3, 31);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private long _r;
    private long _g;
    private long _a;
    private long _b;
    private readonly Dictionary<long, string> _paths = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await App.CreateUserAsync(Unique("admin"), Role.SystemAdmin, null);
        using var client = App.ApiClient(admin);
        var s = await client.CreateOrganizationAsync(null, Unique("S"), "指标测试上级党委", "Committee");
        _r = await client.CreateOrganizationAsync(s, Unique("R"), "指标测试党委", "Committee");
        _g = await client.CreateOrganizationAsync(_r, Unique("G"), "指标测试党总支", "GeneralBranch");
        _a = await client.CreateOrganizationAsync(_g, Unique("A"), "指标甲支部", "Branch");
        _b = await client.CreateOrganizationAsync(_r, Unique("B"), "指标乙支部", "Branch");
        var ids = new[] { _r, _g, _a, _b };
        foreach (var o in await DuesRows.WithDbAsync(App, db => db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Path }).ToListAsync()))
        {
            _paths[o.Id] = o.Path;
        }

        var admitted = D(2010, 1, 1);
        var p1 = await CommitteeTestData.CreateMemberAsync(App, _a, "指标一", admittedOn: admitted);
        var p2 = await CommitteeTestData.CreateMemberAsync(App, _a, "指标二", admittedOn: admitted);
        var p3 = await CommitteeTestData.CreateMemberAsync(App, _b, "指标三", admittedOn: admitted);
        var p4 = await CommitteeTestData.CreateMemberAsync(App, _b, "指标四", admittedOn: admitted);

        // P1: 76.50 a month; January and February paid on time, March paid only on 10 April (after the quarter).
        await DuesRows.LineAsync(App, p1, _a, D(2025, 1, 1), 76.50m, 76.50m);
        await DuesRows.LineAsync(App, p1, _a, D(2025, 2, 1), 76.50m, 76.50m);
        await DuesRows.LineAsync(App, p1, _a, D(2025, 3, 1), 76.50m, 76.50m, paidOn: D(2025, 4, 10));
        await DuesRows.LineAsync(App, p1, _a, D(2025, 4, 1), 76.50m); // April: outside the quarter
        // P2: 49.00; February part-paid, March unpaid.
        await DuesRows.LineAsync(App, p2, _a, D(2025, 1, 1), 49.00m, 49.00m);
        await DuesRows.LineAsync(App, p2, _a, D(2025, 2, 1), 49.00m, 20.00m);
        await DuesRows.LineAsync(App, p2, _a, D(2025, 3, 1), 49.00m);
        // P3 pays 15.00 every month; P4 (a student) 0.20 in January only, with nothing due after.
        await DuesRows.LinesAsync(App, p3, _b, D(2025, 1, 1), 3, 15.00m, 15.00m);
        await DuesRows.LineAsync(App, p4, _b, D(2025, 1, 1), 0.20m, 0.20m);
        await DuesRows.LineAsync(App, p4, _b, D(2024, 12, 1), 0.20m); // December 2024: before the quarter

        await DuesRows.PaymentAsync(App, p2, _a, D(2025, 3, 15), 30.00m, DuesPaymentKind.BackPayment);
        await DuesRows.PaymentAsync(App, p2, _a, D(2025, 1, 5), 12.34m, DuesPaymentKind.BackPayment);
        await DuesRows.PaymentAsync(App, p1, _a, D(2025, 4, 2), 5.00m, DuesPaymentKind.BackPayment); // after
        await DuesRows.PaymentAsync(App, p3, _b, D(2025, 2, 1), 1000.00m, DuesPaymentKind.LargeVoluntary);
        await DuesRows.PaymentAsync(App, p3, _b, D(2024, 12, 31), 2000.00m, DuesPaymentKind.LargeVoluntary); // before

        await DuesRows.RemittanceAsync(App, _a, _g, D(2025, 1, 1), D(2025, 3, 1), 100.00m, 0m, D(2025, 3, 20));
        await DuesRows.RemittanceAsync(App, _g, _r, D(2025, 1, 1), D(2025, 3, 1), 90.00m, 0m, D(2025, 3, 25));
        await DuesRows.RemittanceAsync(App, _b, _r, D(2025, 1, 1), D(2025, 1, 1), 10.00m, 0m, D(2025, 1, 31));
        await DuesRows.RemittanceAsync(App, _r, s, D(2025, 1, 1), D(2025, 3, 1), 50.00m, 0m, D(2025, 3, 31));
        await DuesRows.RemittanceAsync(App, _r, s, D(2025, 4, 1), D(2025, 4, 1), 7.00m, 0m, D(2025, 4, 1)); // after
    }

    private Task<decimal> ValueAsync(string key, long organizationId, DateOnly? from = null, DateOnly? to = null) => DuesRows.WithDbAsync(App, async db =>
        (await MetricCatalogue.Default.Get(key).EvaluateAsync(new MetricScope(db, _paths[organizationId], from ?? Q1Start, to ?? Q1End), null, default)).Single().Value);

    [Fact]
    public async Task DueAndPaid_SumTheLinesOfTheMonths_ToTheFen_AndBranchesAddUpToTheWhole()
    {
        // 3 × 76.50 + 3 × 49.00 + 3 × 15.00 + 0.20 = 421.70 due; 229.50 + 69.00 + 45.00 + 0.20 = 343.70 paid.
        (await ValueAsync("dues.due", _r)).ShouldBe(421.70m);
        (await ValueAsync("dues.paid", _r)).ShouldBe(343.70m);
        (await ValueAsync("dues.due", _a)).ShouldBe(376.50m);
        (await ValueAsync("dues.due", _b)).ShouldBe(45.20m);
        ((await ValueAsync("dues.due", _a)) + (await ValueAsync("dues.due", _b))).ShouldBe(await ValueAsync("dues.due", _r));
        ((await ValueAsync("dues.paid", _a)) + (await ValueAsync("dues.paid", _b))).ShouldBe(await ValueAsync("dues.paid", _r));
        // 343.70 ÷ 421.70 = 81.503…% → 81.5.
        (await ValueAsync("dues.collectionRate", _r)).ShouldBe(81.5m);
        (await ValueAsync("dues.collectionRate", _b)).ShouldBe(100.0m);
        // A period starting mid-month still counts that month's line.
        (await ValueAsync("dues.due", _b, D(2025, 1, 15), D(2025, 1, 31))).ShouldBe(15.20m);
    }

    [Fact]
    public async Task ArrearsMembers_AtThePeriodEnd_CountsOnlyPaymentsMadeByThen()
    {
        // At 31 March P1's March is still unpaid (paid on 10 April) and P2 owes: 2. At the end of February only P2 (part-paid).
        (await ValueAsync("dues.arrearsMembers", _r)).ShouldBe(2m);
        (await ValueAsync("dues.arrearsMembers", _r, Q1Start, D(2025, 2, 28))).ShouldBe(1m);
        (await ValueAsync("dues.arrearsMembers", _b)).ShouldBe(0m);
        // Evaluated at 30 April, P1's March counts as paid but April is not: still P1 and P2.
        (await ValueAsync("dues.arrearsMembers", _a, Q1Start, D(2025, 4, 30))).ShouldBe(2m);
    }

    [Fact]
    public async Task BackPay_SpecialLarge_Remitted_CountEventsByTheirDate()
    {
        (await ValueAsync("dues.backPayMembers", _r)).ShouldBe(1m);
        (await ValueAsync("dues.backPayAmount", _r)).ShouldBe(42.34m);
        (await ValueAsync("dues.backPayAmount", _b)).ShouldBe(0m);
        (await ValueAsync("dues.specialLarge", _r)).ShouldBe(1000.00m);
        // Only money leaving the subtree: A → G is inside G, G → R inside R.
        (await ValueAsync("dues.remitted", _a)).ShouldBe(100.00m);
        (await ValueAsync("dues.remitted", _g)).ShouldBe(90.00m);
        (await ValueAsync("dues.remitted", _b)).ShouldBe(10.00m);
        (await ValueAsync("dues.remitted", _r)).ShouldBe(50.00m);
    }

    [Fact]
    public void Catalogue_RegistersEveryDuesKeyOfTheMetricsDocument() =>
        MetricCatalogue.Default.Definitions.Where(d => d.Key.StartsWith("dues.", StringComparison.Ordinal)).Select(d => d.Key).ShouldBe(
            ["dues.arrearsMembers", "dues.backPayAmount", "dues.backPayMembers", "dues.collectionRate", "dues.due", "dues.paid", "dues.remitted", "dues.specialLarge"]);
}

public sealed class DuesMetricsTests_Sqlite(SqliteApp app) : DuesMetricsTests(app), IClassFixture<SqliteApp>;

public sealed class DuesMetricsTests_Postgres(PostgresApp app) : DuesMetricsTests(app), IClassFixture<PostgresApp>;
