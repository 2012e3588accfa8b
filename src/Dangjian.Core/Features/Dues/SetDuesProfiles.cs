using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Dues;

/// <summary>The parts of a salaried base as typed or imported (text, so each bad cell gets its own Chinese message).</summary>
public sealed record DuesBasePartsInput(
    string? GrossRegularPay, string? IncomeTax, string? SocialInsuranceIndividual, string? SocialInsuranceEmployer, string? Annuity, string? ExcludedAllowances)
{
    public bool IsEmpty => new[] { GrossRegularPay, IncomeTax, SocialInsuranceIndividual, SocialInsuranceEmployer, Annuity, ExcludedAllowances }.All(string.IsNullOrWhiteSpace);

    public static DuesBasePartsInput? Of(DuesBaseParts? parts) => parts is null
        ? null
        : new DuesBasePartsInput(Text(parts.GrossRegularPay), Text(parts.IncomeTax), Text(parts.SocialInsuranceIndividual), Text(parts.SocialInsuranceEmployer),
            Text(parts.Annuity), Text(parts.ExcludedAllowances));

    public static string Text(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One member's profile as entered in the wizard, imported from xlsx or posted to the API. <see cref="Row"/> is the number
/// the user sees (the table row, or the Excel row of an import); it defaults to the position in the list, from 1.
/// A row with neither a type nor any amount is skipped: the wizard need not set every member at once.
/// </summary>
public sealed record DuesProfileInput(long MemberId, DuesMemberType? MemberType, string? Base, DuesBasePartsInput? Parts, string? FixedAmount, int? Row = null)
{
    public bool IsBlank => MemberType is null && string.IsNullOrWhiteSpace(Base) && string.IsNullOrWhiteSpace(FixedAmount) && (Parts is null || Parts.IsEmpty);
}

public enum DuesProfileChange
{
    /// <summary>No profile for the year yet.</summary>
    New,

    /// <summary>The same type and amounts as stored: nothing to save.</summary>
    Unchanged,

    /// <summary>A stored profile would change: a correction that needs a reason.</summary>
    Changed,
}

/// <summary>One previewed row: the computed monthly amount with its rate and warning, or the row's errors.</summary>
public sealed record DuesPreviewRow(
    int Row, long MemberId, string MemberName, DuesMemberType? MemberType, DuesBaseParts? Parts, decimal? Base, decimal? FixedAmount, decimal? Rate,
    decimal? Monthly, string? Warning, IReadOnlyList<Error> Errors, DuesProfileChange? Change, decimal? CurrentMonthly)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record DuesPreview(long OrganizationId, int Year, IReadOnlyList<DuesPreviewRow> Rows)
{
    public int RowsWithErrors => Rows.Count(r => !r.IsValid);
    public int Warnings => Rows.Count(r => r.Warning is not null);
    public int Changed => Rows.Count(r => r.Change == DuesProfileChange.Changed);
    public int New => Rows.Count(r => r.Change == DuesProfileChange.New);

    /// <summary>The sum of the valid rows' monthly amounts (exact decimal, equal to the sum of the lines).</summary>
    public decimal TotalMonthly => Rows.Where(r => r.IsValid).Sum(r => r.Monthly ?? 0m);

    public bool CanConfirm => RowsWithErrors == 0 && Rows.Count > 0;

    /// <summary>Every row error, prefixed with its row and member, for an error summary.</summary>
    public IReadOnlyList<Error> AllErrors => Rows.SelectMany(r => r.Errors.Select(e => DuesProfileErrors.Row(r.Row, r.MemberName, e))).ToList();
}

public sealed record PreviewDuesProfilesCommand(long OrganizationId, int Year, IReadOnlyList<DuesProfileInput> Rows);

/// <summary>
/// 预览: computes every row with <see cref="DuesCalculator"/> and reports warnings (over 1000 元 a month) and per-row errors.
/// Saves nothing; needs the right to record work in the branch.
/// </summary>
public sealed class PreviewDuesProfilesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<DuesPreview>> HandleAsync(PreviewDuesProfilesCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evaluated = await DuesProfileEvaluation.EvaluateAsync(db, command.OrganizationId, command.Year, command.Rows, scope, clock.Today(), ct);
        return evaluated.IsSuccess ? evaluated.Value.Preview : Result<DuesPreview>.Failure(evaluated.Errors);
    }
}

public sealed record ConfirmDuesProfilesCommand(long OrganizationId, int Year, IReadOnlyList<DuesProfileInput> Rows, string? Reason);

public sealed record DuesConfirmation(int Created, int Changed, int Unchanged, int Warnings, decimal TotalMonthly);

/// <summary>
/// 确认: saves every row in one transaction, or nothing. Any bad row fails the whole batch with each row's number and
/// reason. Changing a stored profile is a correction of a base that is set once a year (《党费通知》), so it needs a reason,
/// written to the audit log with the change.
/// </summary>
public sealed class ConfirmDuesProfilesHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<DuesConfirmation>> HandleAsync(ConfirmDuesProfilesCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evaluated = await DuesProfileEvaluation.EvaluateAsync(db, command.OrganizationId, command.Year, command.Rows, scope, clock.Today(), ct);
        if (!evaluated.IsSuccess) return Result<DuesConfirmation>.Failure(evaluated.Errors);
        var (preview, stored) = evaluated.Value;
        if (preview.Rows.Count == 0) return DuesProfileErrors.NoRows;
        if (!preview.CanConfirm) return Result<DuesConfirmation>.Failure(preview.AllErrors);

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason?.Length > DuesProfile.ReasonMaxLength) return DuesProfileErrors.ReasonTooLong;
        if (preview.Changed > 0 && reason is null) return DuesProfileErrors.ChangeReasonRequired(preview.Changed, command.Year);

        foreach (var row in preview.Rows.Where(r => r.Change != DuesProfileChange.Unchanged))
        {
            var amount = new DuesAmount(row.Monthly!.Value, row.Rate, row.Warning);
            if (stored.TryGetValue(row.MemberId, out var existing))
            {
                db.Attach(existing);
                existing.Set(row.MemberType!.Value, row.Parts, row.Base, row.FixedAmount, amount);
            }
            else
            {
                var profile = DuesProfile.Create(row.MemberId, command.OrganizationId, command.Year);
                profile.Set(row.MemberType!.Value, row.Parts, row.Base, row.FixedAmount, amount);
                db.Add(profile);
            }
        }

        db.AuditReason = preview.Changed > 0 ? reason : null;
        try
        {
            // One SaveChanges: the context wraps it (and its audit rows) in one transaction.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved a profile for one of these members meanwhile (the unique member+year index); nothing of ours was kept.
            return DuesProfileErrors.ConcurrentChange;
        }

        return new DuesConfirmation(preview.New, preview.Changed, preview.Rows.Count(r => r.Change == DuesProfileChange.Unchanged), preview.Warnings, preview.TotalMonthly);
    }
}

/// <summary>The checks preview and confirm share, so that what the user previewed is exactly what confirm saves.</summary>
internal static class DuesProfileEvaluation
{
    public const int MaxRows = 2000;

    public static async Task<Result<(DuesPreview Preview, Dictionary<long, DuesProfile> Stored)>> EvaluateAsync(
        DangjianDbContext db, long organizationId, int year, IReadOnlyList<DuesProfileInput> inputs, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        if (!DuesBranch.IsValidYear(year)) return DuesProfileErrors.YearOutOfRange;
        var loaded = await DuesBranch.LoadAsync(db, organizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        if (inputs.Count > MaxRows) return DuesProfileErrors.TooManyRows(MaxRows);

        var roster = (await DuesBranch.MembersAsync(db, organizationId, year, today, ct)).ToDictionary(m => m.MemberId);
        var numbered = inputs.Select((input, index) => input with { Row = input.Row ?? index + 1 }).Where(i => !i.IsBlank).ToList();
        var memberIds = numbered.Select(i => i.MemberId).Distinct().ToList();
        var stored = new Dictionary<long, DuesProfile>();
        foreach (var chunk in memberIds.Chunk(500))
        {
            foreach (var p in await db.Set<DuesProfile>().AsNoTracking().Where(p => chunk.Contains(p.MemberId) && p.Year == year).ToListAsync(ct))
            {
                stored[p.MemberId] = p;
            }
        }

        var seen = new HashSet<long>();
        var rows = new List<DuesPreviewRow>(numbered.Count);
        foreach (var input in numbered)
        {
            var name = roster.TryGetValue(input.MemberId, out var member) ? member.Name : "";
            var errors = new List<Error>();
            if (member is null) errors.Add(DuesProfileErrors.NotOnRoster(year));
            if (!seen.Add(input.MemberId)) errors.Add(DuesProfileErrors.DuplicateMember);
            var computed = Compute(input, errors);
            var current = stored.GetValueOrDefault(input.MemberId);
            DuesProfileChange? change = errors.Count > 0 ? null
                : current is null ? DuesProfileChange.New
                : Same(current, computed) ? DuesProfileChange.Unchanged
                : DuesProfileChange.Changed;
            rows.Add(new DuesPreviewRow(
                input.Row!.Value, input.MemberId, name, input.MemberType, computed?.Parts, computed?.Base, computed?.FixedAmount,
                computed?.Amount.Rate, computed?.Amount.Monthly, computed?.Amount.Warning, errors, change, current?.Monthly));
        }

        return (new DuesPreview(organizationId, year, rows), stored);
    }

    private sealed record Computed(DuesMemberType Type, DuesBaseParts? Parts, decimal? Base, decimal? FixedAmount, DuesAmount Amount);

    /// <summary>Parses and computes one row; null with errors added when it cannot be computed.</summary>
    private static Computed? Compute(DuesProfileInput input, List<Error> errors)
    {
        if (input.MemberType is not { } type)
        {
            errors.Add(DuesProfileErrors.TypeRequired);
            return null;
        }

        if (!Enum.IsDefined(type))
        {
            errors.Add(DuesProfileErrors.TypeRequired);
            return null;
        }

        DuesBaseParts? parts = null;
        decimal? baseAmount = null;
        decimal? fixedAmount = null;
        if (type.UsesBase())
        {
            if (input.Parts is { IsEmpty: false } partsInput)
            {
                parts = ParseParts(partsInput, errors);
                if (parts is null) return null;
                var fromParts = DuesCalculator.Base(parts);
                if (!fromParts.IsSuccess)
                {
                    errors.AddRange(fromParts.Errors);
                    return null;
                }

                baseAmount = fromParts.Value;
                if (!string.IsNullOrWhiteSpace(input.Base))
                {
                    var typed = DuesCalculator.ParseAmount(input.Base);
                    if (!typed.IsSuccess) { errors.AddRange(typed.Errors); return null; }
                    if (typed.Value != baseAmount) { errors.Add(DuesProfileErrors.BaseMismatch(baseAmount.Value)); return null; }
                }
            }
            else if (!string.IsNullOrWhiteSpace(input.Base))
            {
                var typed = DuesCalculator.ParseAmount(input.Base);
                if (!typed.IsSuccess) { errors.AddRange(typed.Errors); return null; }
                baseAmount = typed.Value;
            }
        }
        else if (type == DuesMemberType.Farmer && !string.IsNullOrWhiteSpace(input.FixedAmount))
        {
            var typed = DuesCalculator.ParseAmount(input.FixedAmount, "FixedAmount", "每月交纳金额");
            if (!typed.IsSuccess) { errors.AddRange(typed.Errors); return null; }
            fixedAmount = typed.Value;
        }

        // Students, the unemployed and members on relief pay the fixed 0.2 元: any base or amount typed for them is not kept.
        var amount = DuesCalculator.Monthly(type, baseAmount, fixedAmount);
        if (!amount.IsSuccess)
        {
            errors.AddRange(amount.Errors);
            return null;
        }

        return new Computed(type, parts, baseAmount, fixedAmount, amount.Value);
    }

    private static DuesBaseParts? ParseParts(DuesBasePartsInput input, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(input.GrossRegularPay))
        {
            errors.Add(DuesProfileErrors.GrossPayRequired);
            return null;
        }

        var before = errors.Count;
        decimal Part(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return 0m;
            var parsed = DuesCalculator.ParseAmount(text, field, label);
            if (parsed.IsSuccess) return parsed.Value;
            errors.AddRange(parsed.Errors);
            return 0m;
        }

        var parts = new DuesBaseParts(
            Part(input.GrossRegularPay, nameof(DuesBaseParts.GrossRegularPay), "应发工资"),
            Part(input.IncomeTax, nameof(DuesBaseParts.IncomeTax), "个人所得税"),
            Part(input.SocialInsuranceIndividual, nameof(DuesBaseParts.SocialInsuranceIndividual), "五险一金（个人部分）"),
            Part(input.SocialInsuranceEmployer, nameof(DuesBaseParts.SocialInsuranceEmployer), "五险一金（单位部分）"),
            Part(input.Annuity, nameof(DuesBaseParts.Annuity), "职业年金/企业年金"),
            Part(input.ExcludedAllowances, nameof(DuesBaseParts.ExcludedAllowances), "不计入的津贴补贴"));
        return errors.Count == before ? parts : null;
    }

    private static bool Same(DuesProfile p, Computed? c) =>
        c is not null && p.MemberType == c.Type && Equals(DuesProfileItem.PartsOf(p), c.Parts) && p.Base == c.Base
        && p.FixedAmount == c.FixedAmount && p.ComputedMonthly == c.Amount.Monthly;
}
