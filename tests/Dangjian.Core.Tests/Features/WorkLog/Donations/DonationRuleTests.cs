using Dangjian.Core.Common;
using Dangjian.Core.Features.WorkLog.Donations;
using Dangjian.Core.Tests.Features.Dues;
using Dangjian.Core.Tests.Features.Evaluations;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.WorkLog.Donations;

/// <summary>
/// 捐款活动 at the boundaries: amounts and counts below zero are refused in Chinese and save nothing, zero is accepted, and the
/// rate's base is the roster on the drive's date — a member placed that day counts, one placed the day after does not.
/// </summary>
public sealed class DonationRuleTests : IAsyncLifetime
{
    private static readonly DateOnly DriveDate = new(2026, 6, 10);
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _m1;
    private long _m2;
    private long _sameDay;
    private long _dayAfter;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _m1 = await _db.AddMemberAsync(_branch, "老党员甲", placedFrom: new DateOnly(2020, 1, 1));
        _m2 = await _db.AddMemberAsync(_branch, "老党员乙", placedFrom: new DateOnly(2020, 1, 1));
        _sameDay = await _db.AddMemberAsync(_branch, "当日转入", placedFrom: DriveDate);
        _dayAfter = await _db.AddMemberAsync(_branch, "次日转入", placedFrom: DriveDate.AddDays(1));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<long>> CreateAsync(IReadOnlyList<DonorInput> donors, int? outside = 0, decimal? outsideAmount = 0m, DateOnly? on = null) =>
        _db.Get<CreateDonationDriveHandler>().HandleAsync(new CreateDonationDriveCommand(_branch, new DonationDriveInput
        {
            HeldOn = on ?? DriveDate, Purpose = "助学捐款", Recipient = DonationRecipient.CharityFederation, OutsideDonors = outside, OutsideAmount = outsideAmount, Donors = donors,
        }), Admin, Ct);

    private async Task<int> DrivesAsync()
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<DonationDrive>().CountAsync(Ct);
    }

    private static string Messages<T>(Result<T> result) => string.Join("；", result.Errors.Select(e => e.Message));

    [Fact]
    public async Task Create_NegativeAmountOrCount_IsRefusedInChinese_AndSavesNothing()
    {
        var member = await CreateAsync([new DonorInput(_m1, -0.01m)]);
        member.IsSuccess.ShouldBeFalse();
        Messages(member).ShouldContain("捐款金额不能为负数");
        member.Errors.ShouldContain(e => e.Field == "Donors");

        var count = await CreateAsync([new DonorInput(_m1, 10m)], outside: -1);
        Messages(count).ShouldContain("党外捐款人数不能为负数");

        var amount = await CreateAsync([new DonorInput(_m1, 10m)], outside: 2, outsideAmount: -0.01m);
        Messages(amount).ShouldContain("党外捐款金额不能为负数");

        var cents = await CreateAsync([new DonorInput(_m1, 10.005m)]);
        Messages(cents).ShouldContain("最多保留2位小数");

        var tomorrow = await CreateAsync([new DonorInput(_m1, 10m)], on: DefaultChinaToday.AddDays(1));
        Messages(tomorrow).ShouldContain("不能晚于今天");

        (await DrivesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Create_ZeroAmounts_AreAccepted()
    {
        var drive = await CreateAsync([new DonorInput(_m1, 0m)], outside: 0, outsideAmount: 0m);
        drive.IsSuccess.ShouldBeTrue(Messages(drive));
        var details = (await _db.Get<GetDonationDriveHandler>().HandleAsync(new GetDonationDriveQuery(drive.Value), Admin, Ct)).Value;
        details.Amount.ShouldBe(0m);

        // Outside donors who gave nothing between them are a count without an amount: allowed. An amount without a count is not.
        (await CreateAsync([], outside: 3, outsideAmount: 0m)).IsSuccess.ShouldBeTrue();
        Messages(await CreateAsync([], outside: 0, outsideAmount: 5m)).ShouldContain("请填写党外捐款人数");
    }

    [Fact]
    public async Task Rate_DividesByTheRosterOnTheDrivesDate_CountingThoseWhoJoinedThatDay_NotTheDayAfter()
    {
        var drive = await CreateAsync([new DonorInput(_m1, 50m), new DonorInput(_sameDay, 20m)], outside: 4, outsideAmount: 40m);
        drive.IsSuccess.ShouldBeTrue(Messages(drive));

        var details = (await _db.Get<GetDonationDriveHandler>().HandleAsync(new GetDonationDriveQuery(drive.Value), Admin, Ct)).Value;
        details.MembersOnDate.ShouldBe(3); // 甲, 乙 and 当日转入; 次日转入 is not yet a member of the branch
        details.Rate.ShouldBe(66.7m);      // member donors only: 2 ÷ 3; the outside donors are not in the rate
        details.DonorCount.ShouldBe(6);
        details.Amount.ShouldBe(110m);
        (await _db.MetricAsync("donation.rate", _root, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30))).ShouldBe(66.7m);
        (await _db.MetricAsync("donation.donors", _root, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30))).ShouldBe(6m);

        // The member who arrives the day after cannot be listed on this drive either.
        var late = await CreateAsync([new DonorInput(_dayAfter, 10m)]);
        Messages(late).ShouldContain("不是本组织及下级组织的党员");

        // The same people a day later: all four are on the roster.
        var next = await CreateAsync([new DonorInput(_m2, 5m), new DonorInput(_dayAfter, 5m)], on: DriveDate.AddDays(1));
        next.IsSuccess.ShouldBeTrue(Messages(next));
        var nextDetails = (await _db.Get<GetDonationDriveHandler>().HandleAsync(new GetDonationDriveQuery(next.Value), Admin, Ct)).Value;
        (nextDetails.MembersOnDate, nextDetails.Rate).ShouldBe((4, 50m));
    }

    [Theory]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 16, 6.3)]   // 6.25: half away from zero
    [InlineData(3, 3, 100)]
    [InlineData(0, 5, 0)]
    [InlineData(2, 0, 0)]      // no members on the date: 0, never a division by zero
    public void Rate_IsOneDecimalPercent(int donors, int members, double expected) =>
        DonationRate.Of(donors, members).ShouldBe((decimal)expected);
}
