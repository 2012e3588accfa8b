using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// A year of 党费 for the first two demo branches, through the real handlers: profiles set with the wizard's confirm for
/// last year and this year (bases differ, so the year boundary shows), the ledger of the last twelve months, payments a
/// quarter at a time, and the cases a secretary must see:
/// - one member has paid nothing for the last six complete months (a 自行脱党 review case opens);
/// - one has paid nothing for three months (the 3-month reminder);
/// - one paid four months on too low a base and has back-paid them (补缴).
/// Idempotent: a branch that already has profiles is left alone.
/// </summary>
public sealed class DemoDuesStep(
    IDbContextFactory<DangjianDbContext> dbFactory, GetDuesProfilesHandler wizard, ConfirmDuesProfilesHandler confirm,
    GenerateDuesLedgerHandler generate, RecordDuesPaymentHandler pay, RecordBackPaymentsHandler backPay,
    OpenDuesReviewCasesHandler openCases, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 500;

    public string Title => "党费";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = clock.Today();
        var thisMonth = DuesMonth.Of(today);
        var firstMonth = thisMonth.AddMonths(-11);
        var branches = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch() && context.Organizations.ContainsKey(o.Code)).Take(2)
            .Select(o => context.OrganizationId(o.Code)).ToList();
        var created = 0;
        foreach (var (branch, index) in branches.Select((b, i) => (b, i)))
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await db.Set<DuesProfile>().AnyAsync(p => p.OrganizationId == branch, ct)) continue;
            }

            foreach (var year in new[] { firstMonth.Year, today.Year }.Distinct())
            {
                var profiles = await ProfilesAsync(context, branch, year, raise: year == today.Year ? 1.03m : 1m, ct);
                if (!profiles.IsSuccess) return profiles;
                created += profiles.Value;
            }

            for (var month = firstMonth; month <= thisMonth; month = month.AddMonths(1))
            {
                var generated = await generate.HandleAsync(new GenerateDuesLedgerCommand(branch, month), context.Scope, ct);
                if (!generated.IsSuccess) return Result<int>.Failure(generated.Errors);
                created += generated.Value.Created;
            }

            var payments = await PaymentsAsync(context, branch, firstMonth, thisMonth, withCases: index == 0, ct);
            if (!payments.IsSuccess) return payments;
            created += payments.Value;
        }

        if (created == 0) return 0;
        var cases = await openCases.HandleAsync(new OpenDuesReviewCasesCommand(null), context.Scope, ct);
        if (!cases.IsSuccess) return Result<int>.Failure(cases.Errors);
        context.Log.WriteLine($"党费：{created} 条记录（欠缴 3 个月 1 人，连续 6 个月未交 1 人并立案审查，补缴 1 人）");
        return created + cases.Value;
    }

    /// <summary>Sets every listed member's profile through the wizard: a base from 3,000 to 12,000 元 (retirees their pension), raised by <paramref name="raise"/>.</summary>
    private async Task<Result<int>> ProfilesAsync(DemoSeedContext context, long branch, int year, decimal raise, CancellationToken ct)
    {
        var listed = await wizard.HandleAsync(new GetDuesProfilesQuery(branch, year, IncludeIdNumbers: false), context.Scope, ct);
        if (!listed.IsSuccess) return Result<int>.Failure(listed.Errors);
        var rows = listed.Value.Members.Select((m, i) =>
        {
            var type = m.SuggestedType ?? DuesMemberType.Salaried;
            var amount = Math.Round((3000m + m.MemberId * 137 % 9000) * raise, 2, MidpointRounding.AwayFromZero);
            return type switch
            {
                DuesMemberType.Farmer => new DuesProfileInput(m.MemberId, type, null, null, "0.50", i + 1),
                _ when type.UsesBase() => new DuesProfileInput(m.MemberId, type, amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), null, null, i + 1),
                _ => new DuesProfileInput(m.MemberId, type, null, null, null, i + 1),
            };
        }).ToList();
        var confirmed = await confirm.HandleAsync(new ConfirmDuesProfilesCommand(branch, year, rows, null), context.Scope, ct);
        return confirmed.IsSuccess ? confirmed.Value.Created : Result<int>.Failure(confirmed.Errors);
    }

    /// <summary>Members pay their complete months a quarter at a time; in the first branch three members do not, as described above.</summary>
    private async Task<Result<int>> PaymentsAsync(DemoSeedContext context, long branch, DateOnly firstMonth, DateOnly thisMonth, bool withCases, CancellationToken ct)
    {
        List<DuesLedgerLine> lines;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            lines = await db.Set<DuesLedgerLine>().AsNoTracking().Where(l => l.OrganizationId == branch && l.Month >= firstMonth && l.Month < thisMonth).ToListAsync(ct);
        }

        var members = lines.Select(l => l.MemberId).Distinct().Order().ToList();
        var created = 0;
        for (var i = 0; i < members.Count; i++)
        {
            // The last month a member has paid for: six complete months unpaid for the first, three for the second.
            var paidThrough = !withCases ? thisMonth.AddMonths(-1) : i switch
            {
                0 => thisMonth.AddMonths(-7),
                1 => thisMonth.AddMonths(-4),
                _ => thisMonth.AddMonths(-1),
            };
            var own = lines.Where(l => l.MemberId == members[i] && l.Month <= paidThrough).OrderBy(l => l.Month).ToList();
            foreach (var quarter in own.Chunk(3))
            {
                var amount = quarter.Sum(l => l.Due);
                if (amount <= 0) continue;
                var paidOn = quarter[^1].Month.AddDays(9);
                var paid = await pay.HandleAsync(new RecordDuesPaymentCommand(members[i], amount, paidOn < clock.Today() ? paidOn : clock.Today(), PaymentMethod.Transfer, CollectorName: "组织委员"), context.Scope, ct);
                if (!paid.IsSuccess) return Result<int>.Failure(paid.Errors);
                created++;
            }
        }

        if (withCases && members.Count > 2)
        {
            // A self-check finds the third member's base was 800 元 too low for four months: back-pay them (补缴).
            var from = thisMonth.AddMonths(-10);
            var to = thisMonth.AddMonths(-7);
            var years = new[] { from.Year, to.Year }.Distinct().ToList();
            List<(int Year, decimal? Base)> bases;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                bases = (await db.Set<DuesProfile>().Where(p => p.MemberId == members[2] && years.Contains(p.Year)).Select(p => new { p.Year, p.Base }).ToListAsync(ct))
                    .Select(p => (p.Year, p.Base)).ToList();
            }

            var corrections = bases.Where(p => p.Base is not null).Select(p => new BackPayCorrectionInput(members[2], p.Year, p.Base!.Value + 800m)).ToList();
            if (corrections.Count > 0)
            {
                var recorded = await backPay.HandleAsync(new RecordBackPaymentsCommand(
                    branch, from, to, [members[2]], corrections, clock.Today(), PaymentMethod.Transfer, "组织委员", null, null, "自查发现基数核定偏低"), context.Scope, ct);
                if (!recorded.IsSuccess) return Result<int>.Failure(recorded.Errors);
                created += recorded.Value.Payments.Count;
            }
        }

        return created;
    }
}
