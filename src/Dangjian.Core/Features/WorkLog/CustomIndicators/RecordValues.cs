using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.CustomIndicators;

public sealed record CustomValueInput
{
    public long? IndicatorId { get; init; }
    public long? OrganizationId { get; init; }
    public DateOnly? RecordedOn { get; init; }

    /// <summary>The figure; for a 计数 indicator it may be left empty (each entry counts once) and is stored as 1.</summary>
    public decimal? Value { get; init; }

    public string? Note { get; init; }
}

public sealed record CustomValueItem(
    long Id, long IndicatorId, string IndicatorKey, string IndicatorName, string Unit, int Decimals, bool IndicatorArchived,
    long OrganizationId, string OrganizationName, DateOnly RecordedOn, decimal Value, string? Note, bool CanWrite)
{
    /// <summary>The value with the indicator's decimals, e.g. "12.50".</summary>
    public string Display => CustomValueFormat.Format(Value, Decimals);
}

public static class CustomValueFormat
{
    public static string Format(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Values of the organizations in the caller's scope (under <see cref="Under"/> when given), newest first.</summary>
public sealed record ListCustomValuesQuery
{
    public long? IndicatorId { get; init; }
    public long? Under { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed class ListCustomValuesHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<CustomValueItem>>> HandleAsync(ListCustomValuesQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var values = db.Set<CustomIndicatorValue>().AsNoTracking();
        if (query.IndicatorId is long indicatorId) values = values.Where(v => v.IndicatorId == indicatorId);
        if (query.From is DateOnly from) values = values.Where(v => v.RecordedOn >= from);
        if (query.To is DateOnly to) values = values.Where(v => v.RecordedOn <= to);
        var rows = from v in values
                   join o in organizations.Value on v.OrganizationId equals o.Id
                   join i in db.Set<CustomIndicator>().AsNoTracking() on v.IndicatorId equals i.Id
                   select new { Value = v, Indicator = i, OrganizationName = o.Name, o.Path };
        var size = Page<CustomValueItem>.NormalizeSize(query.PageSize);
        var number = Page<CustomValueItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.Value.RecordedOn).ThenByDescending(r => r.Value.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = page.Select(r => CustomValues.Item(r.Value, r.Indicator, r.OrganizationName, scope.Allows(r.Path, Permission.Write))).ToList();
        return new Page<CustomValueItem>(items, total, number, size);
    }
}

public sealed record GetCustomValueQuery(long Id);

public sealed class GetCustomValueHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<CustomValueItem>> HandleAsync(GetCustomValueQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from v in db.Set<CustomIndicatorValue>().AsNoTracking()
                         join o in db.Organizations.AsNoTracking() on v.OrganizationId equals o.Id
                         join i in db.Set<CustomIndicator>().AsNoTracking() on v.IndicatorId equals i.Id
                         where v.Id == query.Id
                         select new { Value = v, Indicator = i, OrganizationName = o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return CustomIndicatorErrors.ValueNotFound(query.Id);
        return CustomValues.Item(row.Value, row.Indicator, row.OrganizationName, scope.Allows(row.Path, Permission.Write));
    }
}

/// <summary>What a value form offers: the indicators the caller may record, and for the chosen one the organizations (Write scope ∩ its subtree).</summary>
public sealed record GetCustomValueChoicesQuery(long? IndicatorId);

public sealed record CustomValueChoices(IReadOnlyList<CustomIndicatorItem> Indicators, CustomIndicatorItem? Indicator, IReadOnlyList<OrganizationChoice> Organizations);

public sealed class GetCustomValueChoicesHandler(ListCustomIndicatorsHandler list, GetOrganizationChoicesHandler choices, IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<CustomValueChoices>> HandleAsync(GetCustomValueChoicesQuery query, AccessScope scope, CancellationToken ct)
    {
        var listed = await list.HandleAsync(new ListCustomIndicatorsQuery(IncludeArchived: false), scope, ct);
        var indicators = listed.Value.Where(i => i.CanRecord).ToList();
        var indicator = query.IndicatorId is long id ? indicators.FirstOrDefault(i => i.Id == id) : null;
        if (indicator is null) return new CustomValueChoices(indicators, null, []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == indicator.OrganizationId).Select(o => o.Path).SingleAsync(ct);
        var organizations = (await choices.HandleAsync(new GetOrganizationChoicesQuery(Permission.Write), scope, ct)).Where(o => OrgPath.IsWithin(o.Path, root)).ToList();
        return new CustomValueChoices(indicators, indicator, organizations);
    }
}

/// <summary>Records one value of an indicator (see <see cref="CustomValues.ValidateAsync"/> for the rules).</summary>
public sealed record RecordCustomValueCommand(CustomValueInput Input);

public sealed class RecordCustomValueHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(RecordCustomValueCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var valid = await CustomValues.ValidateAsync(db, scope, command.Input, command.Input.IndicatorId, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<long>.Failure(valid.Errors);
        var v = valid.Value;
        var value = CustomIndicatorValue.Create(v.IndicatorId, v.OrganizationId, v.RecordedOn, v.Value, v.Note);
        db.Add(value);
        await db.SaveChangesAsync(ct);
        return value.Id;
    }
}

/// <summary>Corrects a value (its indicator stays); the audit log keeps what it said before.</summary>
public sealed record UpdateCustomValueCommand(long Id, CustomValueInput Input);

public sealed class UpdateCustomValueHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateCustomValueCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CustomValues.LoadAsync(db, command.Id, scope, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var valid = await CustomValues.ValidateAsync(db, scope, command.Input, loaded.Value.IndicatorId, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<Done>.Failure(valid.Errors);
        var v = valid.Value;
        loaded.Value.Update(v.OrganizationId, v.RecordedOn, v.Value, v.Note);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Deletes a value of a live indicator (an archived indicator's values are frozen).</summary>
public sealed record DeleteCustomValueCommand(long Id);

public sealed class DeleteCustomValueHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteCustomValueCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CustomValues.LoadAsync(db, command.Id, scope, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var indicator = await db.Set<CustomIndicator>().AsNoTracking().SingleAsync(i => i.Id == loaded.Value.IndicatorId, ct);
        if (indicator.IsArchived) return CustomIndicatorErrors.Archived(indicator.Name);
        db.Remove(loaded.Value);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

internal sealed record ValidValue(long IndicatorId, long OrganizationId, DateOnly RecordedOn, decimal Value, string? Note);

internal static class CustomValues
{
    public static CustomValueItem Item(CustomIndicatorValue v, CustomIndicator i, string organizationName, bool canWrite) =>
        new(v.Id, i.Id, i.Key, i.Name, i.Unit, i.Decimals, i.IsArchived, v.OrganizationId, organizationName, v.RecordedOn, v.Value, v.Note, canWrite);

    /// <summary>A value (tracked): not found outside the caller's scope, forbidden without Write on its organization.</summary>
    public static async Task<Result<CustomIndicatorValue>> LoadAsync(DangjianDbContext db, long id, AccessScope scope, CancellationToken ct)
    {
        var value = await db.Set<CustomIndicatorValue>().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (value is null) return CustomIndicatorErrors.ValueNotFound(id);
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == value.OrganizationId).Select(o => o.Path).SingleAsync(ct);
        if (!scope.Allows(path, Permission.Read)) return CustomIndicatorErrors.ValueNotFound(id);
        var allowed = scope.Check(path, Permission.Write);
        return allowed.IsSuccess ? value : allowed.FirstError;
    }

    /// <summary>
    /// A value is recorded for a live indicator, by an organization in the caller's Write scope and inside the indicator's
    /// subtree, not dissolved, on a date not in the future, never negative (for every aggregation: indicators count work and
    /// money), with no more decimals than the indicator allows. A 计数 indicator counts entries: an empty value is 1.
    /// </summary>
    public static async Task<Result<ValidValue>> ValidateAsync(DangjianDbContext db, AccessScope scope, CustomValueInput input, long? indicatorId, DateOnly today, CancellationToken ct)
    {
        if (indicatorId is not long id) return CustomIndicatorErrors.IndicatorRequired;
        var loaded = await CustomIndicatorAccess.LoadAsync(db, id, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (indicator, root) = (loaded.Value.Indicator, loaded.Value.Organization);
        if (indicator.IsArchived) return CustomIndicatorErrors.Archived(indicator.Name);

        var check = new WorkLogValidation();
        if (input.OrganizationId is null) check.Add(CustomIndicatorErrors.OrganizationRequired);
        if (input.RecordedOn is null) check.Add(CustomIndicatorErrors.DateRequired);
        check.NotInFuture(input.RecordedOn, today, "RecordedOn");
        var value = input.Value ?? (indicator.Aggregation == CustomAggregation.Count ? 1m : (decimal?)null);
        if (value is null) check.Add(CustomIndicatorErrors.ValueRequired);
        else
        {
            check.NotNegative(value, "Value", "数值");
            check.Decimals(value.Value, indicator.Decimals, "Value", "数值");
            if (Math.Abs(value.Value) >= 100_000_000_000_000m) check.Add(Error.Validation("customIndicator.value_too_large", "数值过大", "Value"));
        }

        var note = check.Text(input.Note, "Note", "备注", CustomIndicatorValue.NoteMaxLength, required: false);
        if (input.OrganizationId is long organizationId)
        {
            var path = await check.OrganizationAsync(db, scope, organizationId, ct, "OrganizationId");
            if (path is not null)
            {
                if (!OrgPath.IsWithin(path, root.Path)) check.Add(CustomIndicatorErrors.OutsideSubtree(indicator.Name, root.Name));
                var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
                if (organization.IsDissolved) check.Add(CustomIndicatorErrors.OrganizationDissolved(organization.Name));
            }
        }

        if (!check.IsValid) return check.Fail<ValidValue>();
        return new ValidValue(indicator.Id, input.OrganizationId!.Value, input.RecordedOn!.Value, value!.Value, note);
    }
}
