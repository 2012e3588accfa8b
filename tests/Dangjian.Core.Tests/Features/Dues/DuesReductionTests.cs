using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

public sealed class DuesReductionRulesTests
{
    private static readonly DateOnly Approved = new(2026, 3, 1);

    [Theory]
    [InlineData(DuesMemberType.Retired, false, true)] // 离退休: the branch alone suffices
    [InlineData(DuesMemberType.Retired, true, true)]
    [InlineData(DuesMemberType.Salaried, false, false)] // 在职: also the higher committee
    [InlineData(DuesMemberType.Salaried, true, true)]
    [InlineData(DuesMemberType.Farmer, false, false)]
    [InlineData(DuesMemberType.Student, false, false)]
    [InlineData(DuesMemberType.AnnualSalary, false, false)]
    public void Approval_RetireesNeedTheBranchOnly_EveryoneElseTheHigherCommitteeToo(DuesMemberType type, bool higherApproved, bool allowed)
    {
        var result = DuesReductionRules.Check(type, 50m, 10m, higherApproved ? Approved : null);
        result.IsSuccess.ShouldBe(allowed);
        if (!allowed) result.FirstError.Message.ShouldContain("上级党委批准");
    }

    [Theory]
    [InlineData("0", true)] // 免交
    [InlineData("76.49", true)]
    [InlineData("76.50", false)] // not a reduction
    [InlineData("80", false)]
    [InlineData("-0.01", false)]
    public void Amount_IsAtLeastZero_AndBelowTheNormalAmount(string reduced, bool allowed)
    {
        var result = DuesReductionRules.Check(DuesMemberType.Retired, 76.50m, decimal.Parse(reduced, System.Globalization.CultureInfo.InvariantCulture), null);
        result.IsSuccess.ShouldBe(allowed);
        if (!allowed) result.FirstError.Message.ShouldBe("减免后每月金额应低于正常应交金额 76.50 元（免交填 0）");
    }
}

public sealed class DuesReductionHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday; // 2026-07-01
    private CoreDatabase _db = null!;
    private long _branch;
    private long _salaried;
    private long _retired;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        var root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B1", Branch, root);
        _salaried = await _db.AddMemberAsync(_branch, "在职困难");
        _retired = await _db.AddMemberAsync(_branch, "退休困难", status: EmploymentStatus.Retired);
        await _db.ConfirmAsync(_branch, 2026, DuesProfileTestData.Salaried(_salaried, "5100"), new DuesProfileInput(_retired, DuesMemberType.Retired, "4000", null, null));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<long>> CreateAsync(CreateDuesReductionCommand command, AccessScope? scope = null) =>
        _db.Get<CreateDuesReductionHandler>().HandleAsync(command, scope ?? Admin, Ct);

    [Fact]
    public async Task Serving_WithoutHigherApproval_IsRefusedInChinese()
    {
        var result = await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-03", "2026-08", "10", Today, null));
        result.FirstError.Message.ShouldBe("在职党员减免党费须经党支部研究决定并报上级党委批准，请填写上级党委批准日期（只有离退休党员经党支部同意即可）");
        result.FirstError.Field.ShouldBe("HigherApprovalOn");
    }

    [Fact]
    public async Task Retiree_WithTheBranchDecisionOnly_IsRecorded()
    {
        var id = await CreateAsync(DuesProfileTestData.Reduction(_retired, "2026-03", "2026-08", "0", Today, null));
        id.IsSuccess.ShouldBeTrue();
        var page = (await _db.Get<ListDuesReductionsHandler>().HandleAsync(new ListDuesReductionsQuery(_branch, 2026, null, null, null), Admin, Ct)).Value;
        var item = page.Items.Single();
        item.IsExemption.ShouldBeTrue();
        item.Months.ShouldBe(6);
        item.HigherApprovalOn.ShouldBeNull();
        item.FromMonth.ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Theory]
    [InlineData(0, 0, true)] // decided and approved today
    [InlineData(1, 0, false)] // branch decision tomorrow
    [InlineData(0, 1, false)] // approval tomorrow
    [InlineData(-5, -5, true)] // approved the same day as the decision
    [InlineData(-5, -6, false)] // approved before the branch decided
    public async Task Serving_ApprovalDates_Boundaries(int branchOffset, int higherOffset, bool allowed)
    {
        var result = await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-03", "2026-08", "10", Today.AddDays(branchOffset), Today.AddDays(higherOffset)));
        result.IsSuccess.ShouldBe(allowed, result.IsSuccess ? "" : result.FirstError.Message);
    }

    [Fact]
    public async Task ReducedAmount_MustBeBelowTheProfilesAmount()
    {
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-03", "2026-03", "76.50", Today, Today))).FirstError.Code.ShouldBe("dues.reduced_not_below");
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-03", "2026-03", "76.49", Today, Today))).IsSuccess.ShouldBeTrue();
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-04", "2026-04", "abc", Today, Today))).FirstError.Field.ShouldBe("ReducedMonthly");
    }

    [Fact]
    public async Task Months_MustBeOrdered_WithinOneYear_WithAProfile_AndNotOverlap()
    {
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-05", "2026-04", "1", Today, Today))).FirstError.Code.ShouldBe("dues.month_order");
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-11", "2027-02", "1", Today, Today))).FirstError.Code.ShouldBe("dues.reduction_across_years");
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2025-03", "2025-04", "1", Today, Today))).FirstError.Code.ShouldBe("dues.reduction_no_profile");
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "", "2026-04", "1", Today, Today))).FirstError.Field.ShouldBe("FromMonth");

        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-03", "2026-05", "1", Today, Today))).IsSuccess.ShouldBeTrue();
        var overlap = await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-05", "2026-07", "1", Today, Today));
        overlap.FirstError.Message.ShouldBe("该党员已有 2026年3月至2026年5月的减免记录，期限不能重叠");
        (await CreateAsync(DuesProfileTestData.Reduction(_salaried, "2026-06", "2026-07", "1", Today, Today))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task Scope_OtherSubtreeCannotRecordOrSee_ReadOnlyCannotRecord()
    {
        var other = await _db.CreateAsync("B9", Branch, await _db.CreateAsync("R2", Committee));
        var outsider = await _db.ScopeAsync(other, Role.OrgAdmin);
        var reader = await _db.ScopeAsync(_branch, Role.ReadOnly);
        var command = DuesProfileTestData.Reduction(_retired, "2026-03", "2026-08", "0", Today, null);

        (await CreateAsync(command, outsider)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await CreateAsync(command, reader)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        (await CreateAsync(command)).IsSuccess.ShouldBeTrue();
        (await _db.Get<ListDuesReductionsHandler>().HandleAsync(new ListDuesReductionsQuery(null, null, null, null, null), outsider, Ct)).Value.Total.ShouldBe(0);
        (await _db.Get<ListDuesReductionsHandler>().HandleAsync(new ListDuesReductionsQuery(_branch, null, null, null, null), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }
}
