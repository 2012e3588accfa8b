using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Transfers;

public enum TransferDirection
{
    In,
    Out,
}

/// <summary>
/// Transfers either side can see: those whose sending or receiving branch is in the caller's scope. "In" keeps the
/// ones received into the scope, "Out" those sent from it.
/// </summary>
public sealed record ListTransfersQuery
{
    public TransferDirection? Direction { get; init; }
    public TransferStatus? Status { get; init; }
    public TransferKind? Kind { get; init; }
    public bool OverdueOnly { get; init; }
    public long? MemberId { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record TransferListItem(
    long Id, long MemberId, string MemberName, TransferKind Kind, TransferStatus Status, string StatusLabel,
    long? FromOrganizationId, string? FromOrganizationName, long? ToOrganizationId, string? ToOrganizationName, string? ExternalOrganizationName,
    string? LetterNumber, DateOnly IssuedOn, int ValidDays, DateOnly ExpiresOn, string? DuesPaidUpTo, DateOnly? ReceiptReturnedOn,
    string? Reason, DateOnly? DecidedOn, string? DecisionNote, bool ReceiptOverdue, bool CanDecide, bool CanCancel, bool CanRecordReceipt);

public sealed class ListTransfersHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Page<TransferListItem>>> HandleAsync(ListTransfersQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today();
        var inScope = scope.OrganizationIds(db.Organizations.AsNoTracking());
        var transfers = db.Set<Transfer>().AsNoTracking();
        transfers = query.Direction switch
        {
            TransferDirection.In => transfers.Where(t => t.ToOrganizationId != null && inScope.Contains(t.ToOrganizationId.Value)),
            TransferDirection.Out => transfers.Where(t => t.FromOrganizationId != null && inScope.Contains(t.FromOrganizationId.Value)),
            _ => transfers.Where(t => (t.ToOrganizationId != null && inScope.Contains(t.ToOrganizationId.Value))
                                      || (t.FromOrganizationId != null && inScope.Contains(t.FromOrganizationId.Value))),
        };
        if (query.Status is TransferStatus status) transfers = transfers.Where(t => t.Status == status);
        if (query.Kind is TransferKind kind) transfers = transfers.Where(t => t.Kind == kind);
        if (query.MemberId is long memberId) transfers = transfers.Where(t => t.MemberId == memberId);
        if (query.OverdueOnly) transfers = TransferReceiptReminders.Overdue(transfers, today);

        var size = Page<TransferListItem>.NormalizeSize(query.PageSize);
        var number = Page<TransferListItem>.NormalizeNumber(query.Page);
        var total = await transfers.CountAsync(ct);
        var rows = await (
            from t in transfers
            join m in db.Set<Member>().AsNoTracking() on t.MemberId equals m.Id
            join f in db.Organizations.AsNoTracking() on t.FromOrganizationId equals f.Id into fs
            from f in fs.DefaultIfEmpty()
            join to in db.Organizations.AsNoTracking() on t.ToOrganizationId equals to.Id into tos
            from to in tos.DefaultIfEmpty()
            orderby t.Status == TransferStatus.Pending descending, t.IssuedOn descending, t.Id descending
            select new { Transfer = t, MemberName = m.Name, FromName = f == null ? null : f.Name, FromPath = f == null ? null : f.Path, ToName = to == null ? null : to.Name, ToPath = to == null ? null : to.Path })
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var t = r.Transfer;
            var pending = t.Status == TransferStatus.Pending;
            var writesTo = r.ToPath is not null && scope.Allows(r.ToPath, Permission.Write);
            var writesFrom = r.FromPath is not null && scope.Allows(r.FromPath, Permission.Write);
            return new TransferListItem(
                t.Id, t.MemberId, r.MemberName, t.Kind, t.Status, t.Status.LabelFor(t.Kind), t.FromOrganizationId, r.FromName, t.ToOrganizationId, r.ToName,
                t.ExternalOrganizationName, t.LetterNumber, t.IssuedOn, t.ValidDays, t.ExpiresOn, t.DuesPaidUpTo?.ToString("yyyy-MM"), t.ReceiptReturnedOn,
                t.Reason, t.DecidedOn, t.DecisionNote,
                t.Kind == TransferKind.OutOfSystem && pending && TransferRules.ReceiptOverdue(t.IssuedOn, t.ValidDays, t.ReceiptReturnedOn, today),
                pending && t.Kind == TransferKind.Internal && writesTo,
                pending && t.Kind == TransferKind.Internal && writesFrom,
                pending && t.Kind == TransferKind.OutOfSystem && writesFrom);
        }).ToList();
        return new Page<TransferListItem>(items, total, number, size);
    }
}

/// <summary>回执 not back after the letter's validity (domain.md §7): a reminder to the sending branch.</summary>
public sealed class TransferReceiptReminders(IDbContextFactory<DangjianDbContext> dbFactory) : IReminderSource
{
    /// <summary>Out-of-system transfers still waiting for the 回执 after the letter's last valid day.</summary>
    public static IQueryable<Transfer> Overdue(IQueryable<Transfer> transfers, DateOnly today) =>
        transfers.Where(t => t.Kind == TransferKind.OutOfSystem && t.Status == TransferStatus.Pending && t.ReceiptReturnedOn == null && t.ExpiresOn < today);

    public async Task<IReadOnlyList<Reminder>> GetAsync(AccessScope scope, string? rootPath, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = scope.Organizations(db.Organizations.AsNoTracking());
        if (rootPath is not null) organizations = organizations.InSubtree(rootPath);
        var overdue = await (
            from t in Overdue(db.Set<Transfer>().AsNoTracking(), today)
            join o in organizations on t.FromOrganizationId equals o.Id
            join m in db.Set<Member>().AsNoTracking() on t.MemberId equals m.Id
            orderby t.ExpiresOn, t.Id
            select new { t.ExpiresOn, t.ExternalOrganizationName, MemberName = m.Name, o.Name, OrganizationId = o.Id })
            .Take(200).ToListAsync(ct);
        return overdue
            .Select(p => new Reminder(ReminderSeverity.Overdue, "组织关系转接",
                $"{p.Name}：{p.MemberName} 转往“{p.ExternalOrganizationName}”的介绍信已于 {p.ExpiresOn:yyyy-MM-dd} 到期，回执尚未返回",
                "/transfers?kind=OutOfSystem&status=Pending&overdue=true", p.OrganizationId, p.ExpiresOn))
            .ToList();
    }
}
