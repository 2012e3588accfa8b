using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Donations;

/// <summary>捐款活动记录: the donation metrics read "no data" for a subtree that has never recorded a drive.</summary>
public sealed class DonationsSource : MetricSource
{
    public static readonly DonationsSource Instance = new();

    private DonationsSource()
    {
    }

    public override string Key => "donations";

    public override string Label => "捐款活动记录";

    public override IQueryable<long> OrganizationsInUse(DangjianDbContext db, string rootPath, DateOnly asOf)
    {
        var ids = db.Organizations.InSubtree(rootPath).Select(o => o.Id);
        return db.Set<DonationDrive>().Where(d => d.HeldOn <= asOf && ids.Contains(d.OrganizationId)).Select(d => d.OrganizationId);
    }
}

/// <summary>The drives a donation metric counts: held in the period by an organization of the subtree.</summary>
internal static class DonationQueries
{
    public static IQueryable<DonationDrive> Drives(MetricScope scope)
    {
        var ids = scope.Db.Organizations.AsNoTracking().InSubtree(scope.RootPath).Select(o => o.Id);
        var (from, to) = (scope.From, scope.To);
        return scope.Db.Set<DonationDrive>().AsNoTracking().Where(d => d.HeldOn >= from && d.HeldOn <= to && ids.Contains(d.OrganizationId));
    }

    public sealed class DriveFigures
    {
        public long OrganizationId { get; init; }
        public DonationRecipient Recipient { get; init; }
        public int MemberDonors { get; init; }
        public int OutsideDonors { get; init; }
        public decimal MemberAmount { get; init; }
        public decimal OutsideAmount { get; init; }
        public int MembersOnDate { get; init; }
    }

    /// <summary>One row per drive: its member donors and amounts, and (when asked) the members of its organization's subtree on its date.</summary>
    public static Task<List<DriveFigures>> FiguresAsync(MetricScope scope, bool withMembers, CancellationToken ct)
    {
        var db = scope.Db;
        var donors = db.Set<DonationDonor>().AsNoTracking();
        var placements = db.Set<MemberPlacement>().AsNoTracking();
        var members = db.Set<Member>().AsNoTracking();
        var organizations = db.Organizations.AsNoTracking();
        var rows = from d in Drives(scope)
                   join o in organizations on d.OrganizationId equals o.Id
                   select new DriveFigures
                   {
                       OrganizationId = d.OrganizationId,
                       Recipient = d.Recipient,
                       MemberDonors = donors.Count(x => x.DriveId == d.Id),
                       OutsideDonors = d.OutsideDonors,
                       MemberAmount = donors.Where(x => x.DriveId == d.Id).Sum(x => (decimal?)x.Amount) ?? 0m,
                       OutsideAmount = d.OutsideAmount,
                       // members.count on the drive's date, for the drive organization's subtree (rule: placement in force, admitted, not left).
                       MembersOnDate = !withMembers ? 0 : (
                           from p in placements
                           join m in members on p.MemberId equals m.Id
                           join po in organizations on p.OrganizationId equals po.Id
                           where po.Path.StartsWith(o.Path) && p.From <= d.HeldOn && (p.To == null || p.To > d.HeldOn)
                                 && m.AdmittedOn <= d.HeldOn && (m.ExitedOn == null || m.ExitedOn > d.HeldOn)
                           select p.Id).Count(),
                   };
        return rows.ToListAsync(ct);
    }

    public static IQueryable<MetricRecord> Records(MetricScope scope, IQueryable<DonationDrive>? drives = null) =>
        (drives ?? Drives(scope)).Select(d => new MetricRecord
        {
            RecordType = MetricRecordTypes.DonationDrive, RecordId = d.Id, OrganizationId = d.OrganizationId, Date = d.HeldOn, Title = d.Purpose, Detail = d.Note,
        });
}

/// <summary><c>donation.donors</c>: people who gave in the period's drives: listed party members plus the outside donors' count.</summary>
public sealed class DonationDonorsMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("donation.donors", "捐款人数", "人", MetricKind.Flow, [],
        "统计期内本组织及下级组织捐款活动的捐款人数：逐人登记的党员捐款人加党外捐款人数（按活动累计，同一人参加两次活动计两次）。");

    public MetricSource Source => DonationsSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var rows = await DonationQueries.FiguresAsync(scope, withMembers: false, ct);
        return rows.GroupBy(r => r.OrganizationId).Select(g => new MetricFact(g.Key, null, g.Sum(r => r.MemberDonors + r.OutsideDonors))).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) => DonationQueries.Records(scope);
}

/// <summary>
/// <c>donation.rate</c>: party members who gave ÷ the members of the drive's organization (its subtree) on the drive's date, summed
/// over the period's drives. Outside donors are not members, so they are not in the numerator.
/// </summary>
public sealed class DonationRateMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("donation.rate", "党员捐款率", "%", MetricKind.Flow, [],
        "统计期内各次捐款活动中捐款的党员人数之和 ÷ 各次活动日期当天该组织（含下级）的党员人数之和 × 100%（党员人数按组织关系历史计算，活动后入党或活动前出党的不计）。",
        MetricAggregation.Percent);

    public MetricSource Source => DonationsSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        var rows = await DonationQueries.FiguresAsync(scope, withMembers: true, ct);
        return rows.GroupBy(r => r.OrganizationId).Select(g => new MetricFact(g.Key, null, g.Sum(r => r.MemberDonors), g.Sum(r => r.MembersOnDate))).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue) => DonationQueries.Records(scope);
}

/// <summary><c>donation.amount{recipient}</c>: 元 given in the period's drives (members' gifts plus the outside donors' sum), by recipient.</summary>
public sealed class DonationAmountMetric : IMetric
{
    private static readonly MetricDimension Recipient = new("recipient", "捐款对象");

    public MetricDefinition Definition { get; } = new("donation.amount", "捐款金额", "元", MetricKind.Flow, [Recipient],
        "统计期内本组织及下级组织捐款活动的捐款金额（党员逐人金额加党外捐款金额）；可按捐款对象（党组织、红十字会、慈善总会、其他）分列。");

    public MetricSource Source => DonationsSource.Instance;

    public async Task<IReadOnlyList<MetricFact>> FactsAsync(MetricScope scope, string? dimension, CancellationToken ct)
    {
        if (dimension is not null && dimension != Recipient.Key) throw MetricFacts.UnknownDimension(Definition, dimension);
        var rows = await DonationQueries.FiguresAsync(scope, withMembers: false, ct);
        return rows.GroupBy(r => (r.OrganizationId, Code: dimension is null ? null : r.Recipient.ToString()))
            .Select(g => new MetricFact(g.Key.OrganizationId, g.Key.Code, g.Sum(r => r.MemberAmount + r.OutsideAmount))).ToList();
    }

    public Task<IReadOnlyList<MetricDimensionValue>> DimensionValuesAsync(DangjianDbContext db, string dimension, CancellationToken ct) =>
        dimension == Recipient.Key ? Task.FromResult(MetricFacts.EnumValues<DonationRecipient>(r => r.Label())) : MetricFacts.NoDimensions(Definition, dimension);

    public IQueryable<MetricRecord> Records(MetricScope scope, string? dimension, string? dimensionValue)
    {
        var drives = DonationQueries.Drives(scope);
        if (dimensionValue is not null)
        {
            if (dimension != Recipient.Key) throw MetricFacts.UnknownDimension(Definition, dimension);
            var recipient = MetricFacts.ParseEnum<DonationRecipient>(Definition, dimension, dimensionValue);
            drives = drives.Where(d => d.Recipient == recipient);
        }

        return DonationQueries.Records(scope, drives);
    }
}
