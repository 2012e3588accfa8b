using System.Globalization;
using System.Text;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>
/// Generates one month's ledger for a branch or a whole subtree: one <see cref="DuesLedgerLine"/> per member the subtree's
/// branches held that month (see <see cref="DuesLedgerGeneration"/> for who owes where). Idempotent: lines already there are
/// kept as they are (with their payments), missing ones are added. Members without a profile for the year are reported as
/// 未核定基数, not silently skipped.
/// </summary>
public sealed record GenerateDuesLedgerCommand(long OrganizationId, DateOnly Month);

public sealed record UnassessedMember(long MemberId, string Name, long OrganizationId, string OrganizationName);

/// <param name="Created">Lines added now.</param>
/// <param name="AlreadyThere">Lines of the subtree's branches for the month that existed before.</param>
/// <param name="UnassessedCount">Members who owe this month but have no profile (基数) for the year; no line is made for them.</param>
/// <param name="Unassessed">Up to <see cref="DuesLedgerGeneration.UnassessedListed"/> of them, listed by branch and name.</param>
public sealed record DuesLedgerGenerated(DateOnly Month, int Created, int AlreadyThere, int UnassessedCount, IReadOnlyList<UnassessedMember> Unassessed);

public sealed class GenerateDuesLedgerHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public async Task<Result<DuesLedgerGenerated>> HandleAsync(GenerateDuesLedgerCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DuesLedgerAccess.LoadOrganizationAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var organization = loaded.Value;
        var month = DuesMonth.Of(command.Month);
        if (month > DuesMonth.Of(clock.Today())) return DuesLedgerErrors.MonthInFuture;

        var branches = db.Organizations.AsNoTracking().InSubtree(organization.Path);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
        {
            // The candidate query is many cheap index probes; PostgreSQL's JIT compiler costs more (≈0.5 s) than it saves here.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", ct);
        }

        var pending = await DuesLedgerGeneration.PendingAsync(db, branches, month, null, ct);
        var created = await DuesLedgerGeneration.InsertAsync(db, month, pending, ct);
        if (created > 0)
        {
            // One audit row for the whole batch: the lines are generated from audited profiles, and 100,000 audit rows would
            // say nothing more than "generated N lines for this subtree and month".
            db.AuditEntries.Add(AuditEntry.Create(clock.UtcNow(), actor.UserId, actor.DisplayName, organization.Id, nameof(DuesLedgerLine),
                $"{organization.Id}:{month:yyyy-MM}", AuditAction.Created,
                JsonSerializer.Serialize(new[]
                {
                    new FieldChange("Month", null, month.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
                    new FieldChange("Lines", null, created.ToString(CultureInfo.InvariantCulture)),
                }),
                "生成月度台账"));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        if (db.IsPostgres && created >= DuesLedgerGeneration.AnalyzeAfter)
        {
            // A month of a large subtree changes the table's shape at once; fresh statistics let the ledger pages and the next
            // generation plan with index probes instead of believing the month is empty (autovacuum would catch up later).
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"DuesLedgerLines\"", ct);
        }

        var unassessed = pending.Where(p => p.Due == null && !p.HasLine).ToList();
        var listed = await DuesLedgerGeneration.NamesAsync(db, unassessed.Take(DuesLedgerGeneration.UnassessedListed).ToList(), ct);
        return new DuesLedgerGenerated(month, created, pending.Count(p => p.HasLine), unassessed.Count, listed);
    }
}

/// <summary>A member who owes dues in a month, where, and how much (null: no profile for the year, 未核定基数).</summary>
public sealed class LedgerCandidate
{
    public long MemberId { get; init; }
    public long OrganizationId { get; init; }
    public decimal? Due { get; init; }
}

/// <summary>
/// Who owes dues where in a month, and how much, for the ledger: <see cref="DuesSchedule"/> narrowed to some branches
/// (and one member), plus the set-based insert.
/// </summary>
public static class DuesLedgerGeneration
{
    public const int UnassessedListed = 200;

    /// <summary>Lines added at once after which PostgreSQL's statistics of the ledger table are refreshed.</summary>
    public const int AnalyzeAfter = 10_000;

    /// <summary>Rows per multi-row INSERT: few enough parameters for either database, many rows per round trip.</summary>
    private const int InsertBatch = 1000;

    /// <summary>
    /// One row per member who owes dues for <paramref name="month"/> at one of <paramref name="branches"/> — where, from when
    /// and how much are the rules of <see cref="DuesSchedule"/> (null amount: no profile for the year, 未核定基数).
    /// </summary>
    public static IQueryable<LedgerCandidate> Candidates(DangjianDbContext db, IQueryable<Organization> branches, DateOnly month, long? memberId = null)
    {
        // DuesSchedule is the one answer to "who owes what where this month"; the ledger only narrows it.
        var rows = DuesSchedule.ForBranchesMonth(db, branches.Select(o => o.Id), month);
        if (memberId is long id) rows = rows.Where(r => r.MemberId == id);
        return rows.Select(r => new LedgerCandidate { MemberId = r.MemberId, OrganizationId = r.OrganizationId, Due = r.Due });
    }

    /// <summary>
    /// Every candidate of the month (optionally one member only) with whether their line already exists: one query, whose
    /// rows say both what to insert (no line yet, an amount) and who is 未核定基数 (no line, no amount).
    /// </summary>
    public static async Task<List<PendingLine>> PendingAsync(DangjianDbContext db, IQueryable<Organization> branches, DateOnly month, long? memberId, CancellationToken ct)
    {
        var lines = db.Set<DuesLedgerLine>();
        return await Candidates(db, branches, month, memberId)
            .Select(c => new PendingLine(c.MemberId, c.OrganizationId, c.Due, lines.Any(l => l.MemberId == c.MemberId && l.Month == month)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Inserts the pending lines that have an amount and no line yet, and returns how many were added. Set-based, and safe
    /// against a concurrent generation (ON CONFLICT DO NOTHING on the member+month key, on both databases):
    /// <list type="bullet">
    /// <item>PostgreSQL: one INSERT … SELECT FROM unnest() of three array parameters, however many rows — one round trip.</item>
    /// <item>SQLite (in-process, no round trips to save): multi-row INSERTs of <see cref="InsertBatch"/> rows; the amount is a
    /// parameter so the provider stores the decimal its own exact way (TEXT).</item>
    /// </list>
    /// Runs inside the caller's transaction.
    /// </summary>
    public static async Task<int> InsertAsync(DangjianDbContext db, DateOnly month, IEnumerable<PendingLine> pending, CancellationToken ct)
    {
        var rows = pending.Where(p => p.Due is not null && !p.HasLine).ToList();
        if (rows.Count == 0) return 0;
        if (db.IsPostgres)
        {
            return await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"DuesLedgerLines\" (\"MemberId\", \"OrganizationId\", \"Month\", \"Due\", \"Paid\") " +
                "SELECT t.m, t.o, {0}, t.d, 0 FROM unnest({1}, {2}, {3}) AS t(m, o, d) ON CONFLICT (\"MemberId\", \"Month\") DO NOTHING",
                [month, rows.Select(r => r.MemberId).ToArray(), rows.Select(r => r.OrganizationId).ToArray(), rows.Select(r => DuesCalculator.RoundToFen(r.Due!.Value)).ToArray()],
                ct);
        }

        var inserted = 0;
        for (var start = 0; start < rows.Count; start += InsertBatch)
        {
            var batch = rows.Skip(start).Take(InsertBatch).ToList();
            var sql = new StringBuilder("INSERT INTO \"DuesLedgerLines\" (\"MemberId\", \"OrganizationId\", \"Month\", \"Due\", \"Paid\") VALUES ");
            var parameters = new List<object> { month, 0m };
            for (var i = 0; i < batch.Count; i++)
            {
                if (i > 0) sql.Append(", ");
                // Ids are longs from our own query, so they are written inline.
                sql.Append(CultureInfo.InvariantCulture, $"({batch[i].MemberId}, {batch[i].OrganizationId}, {{0}}, {{{parameters.Count}}}, {{1}})");
                parameters.Add(DuesCalculator.RoundToFen(batch[i].Due!.Value));
            }

            sql.Append(" ON CONFLICT (\"MemberId\", \"Month\") DO NOTHING");
            inserted += await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }

        return inserted;
    }

    /// <summary>Adds the missing lines of <paramref name="month"/> for one member or a subtree (both steps above).</summary>
    public static async Task<int> InsertMissingAsync(DangjianDbContext db, IQueryable<Organization> branches, DateOnly month, long? memberId, CancellationToken ct) =>
        await InsertAsync(db, month, await PendingAsync(db, branches, month, memberId, ct), ct);

    /// <summary>Names and branches (where they owe that month) of the given candidates, by branch and name, for the 未核定基数 list.</summary>
    public static async Task<List<UnassessedMember>> NamesAsync(DangjianDbContext db, IReadOnlyList<PendingLine> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0) return [];
        var memberIds = candidates.Select(c => c.MemberId).ToList();
        var organizationIds = candidates.Select(c => c.OrganizationId).Distinct().ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Name, o.Path), ct);
        return candidates
            .Select(c => new { c, Org = organizations[c.OrganizationId], Name = names[c.MemberId] })
            .OrderBy(x => x.Org.Path, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.c.MemberId)
            .Select(x => new UnassessedMember(x.c.MemberId, x.Name, x.c.OrganizationId, x.Org.Name))
            .ToList();
    }
}

/// <summary>A candidate line of a month: who, where, how much (null: 未核定基数), and whether the line exists already.</summary>
public sealed record PendingLine(long MemberId, long OrganizationId, decimal? Due, bool HasLine);
