using System.Text.RegularExpressions;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.CustomIndicators;

/// <summary>What an administrator fills in. <see cref="Key"/> and <see cref="OrganizationId"/> are set once, at definition.</summary>
public sealed record CustomIndicatorInput
{
    public string? Key { get; init; }
    public string? Name { get; init; }
    public string? Unit { get; init; }
    public string? Description { get; init; }
    public CustomAggregation? Aggregation { get; init; }
    public int? Decimals { get; init; }
    public long? OrganizationId { get; init; }
}

public sealed record CustomIndicatorItem(
    long Id, string Key, string MetricKey, string Name, string Unit, string? Description, CustomAggregation Aggregation, string AggregationLabel, int Decimals,
    long OrganizationId, string OrganizationName, bool IsArchived, int ValueCount, bool CanAdminister, bool CanRecord);

/// <summary>Indicators the caller sees (see <see cref="CustomIndicatorAccess"/>), live ones first, by name.</summary>
public sealed record ListCustomIndicatorsQuery(bool IncludeArchived = true);

public sealed class ListCustomIndicatorsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<CustomIndicatorItem>>> HandleAsync(ListCustomIndicatorsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from i in db.Set<CustomIndicator>().AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on i.OrganizationId equals o.Id
                          where query.IncludeArchived || !i.IsArchived
                          select new { Indicator = i, o.Name, o.Path, Count = db.Set<CustomIndicatorValue>().Count(v => v.IndicatorId == i.Id) })
            .ToListAsync(ct);
        return rows.Where(r => CustomIndicatorAccess.Sees(scope, r.Path))
            .OrderBy(r => r.Indicator.IsArchived).ThenBy(r => r.Indicator.Name, StringComparer.Ordinal).ThenBy(r => r.Indicator.Id)
            .Select(r => CustomIndicatorItems.From(r.Indicator, r.Name, r.Path, r.Count, scope))
            .ToList();
    }
}

public sealed record GetCustomIndicatorQuery(long Id);

public sealed class GetCustomIndicatorHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<CustomIndicatorItem>> HandleAsync(GetCustomIndicatorQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CustomIndicatorAccess.LoadAsync(db, query.Id, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var count = await db.Set<CustomIndicatorValue>().CountAsync(v => v.IndicatorId == query.Id, ct);
        return CustomIndicatorItems.From(loaded.Value.Indicator, loaded.Value.Organization.Name, loaded.Value.Organization.Path, count, scope);
    }
}

/// <summary>Defines an indicator for the subtree of an organization the caller administers.</summary>
public sealed record DefineCustomIndicatorCommand(CustomIndicatorInput Input);

public sealed class DefineCustomIndicatorHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<long>> HandleAsync(DefineCustomIndicatorCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var input = command.Input;
        if (input.OrganizationId is not long organizationId) return CustomIndicatorErrors.OrganizationRequired;
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return Error.NotFound("not_found", "组织不存在或不在您的管理范围内");
        if (!scope.Allows(organization.Path, Permission.Administer)) return CustomIndicatorErrors.AdministerOnly(organization.Name);

        var check = new WorkLogValidation();
        var key = input.Key?.Trim() ?? "";
        if (!CustomIndicatorRules.IsValidKey(key)) check.Add(CustomIndicatorErrors.KeySyntax);
        var fields = CustomIndicatorRules.Fields(input, check);
        if (check.IsValid)
        {
            var lower = key.ToLowerInvariant();
            if (await db.Set<CustomIndicator>().AnyAsync(i => i.Key.ToLower() == lower, ct)) check.Add(CustomIndicatorErrors.KeyTaken(key));
        }

        if (!check.IsValid) return check.Fail<long>();
        var indicator = CustomIndicator.Create(key, fields.Name, fields.Unit, fields.Description, fields.Aggregation, fields.Decimals, organization.Id);
        db.Add(indicator);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return CustomIndicatorErrors.KeyTaken(key);
        }

        return indicator.Id;
    }
}

/// <summary>
/// Renames an indicator or changes its unit, description, aggregation or decimals. Its key and its values stay: a summary or a
/// statistics table that names <c>custom.{key}</c> reads the same history under the new name. With values recorded, the
/// aggregation is fixed and the decimals cannot drop below what a recorded value carries.
/// </summary>
public sealed record UpdateCustomIndicatorCommand(long Id, CustomIndicatorInput Input);

public sealed class UpdateCustomIndicatorHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(UpdateCustomIndicatorCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CustomIndicatorAccess.LoadAsync(db, command.Id, scope, Permission.Administer, ct, track: true);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var indicator = loaded.Value.Indicator;
        var input = command.Input;
        var check = new WorkLogValidation();
        if (input.Key is { } key && !string.Equals(key.Trim(), indicator.Key, StringComparison.Ordinal)) check.Add(CustomIndicatorErrors.KeyUnchangeable);
        if (input.OrganizationId is long org && org != indicator.OrganizationId)
            check.Add(Error.Validation("customIndicator.organization_unchangeable", "指标的适用范围定义后不能修改；如需用于其他组织，请另行定义指标", "OrganizationId"));
        var fields = CustomIndicatorRules.Fields(input, check);
        if (check.IsValid)
        {
            var values = await db.Set<CustomIndicatorValue>().AsNoTracking().Where(v => v.IndicatorId == indicator.Id).Select(v => v.Value).ToListAsync(ct);
            if (values.Count > 0 && fields.Aggregation != indicator.Aggregation) check.Add(CustomIndicatorErrors.AggregationLocked(values.Count));
            var needed = values.Count == 0 ? 0 : values.Max(WorkLogValidation.DecimalPlaces);
            if (fields.Decimals < needed) check.Add(CustomIndicatorErrors.DecimalsLocked(needed));
        }

        if (!check.IsValid) return check.Fail<Done>();
        indicator.Update(fields.Name, fields.Unit, fields.Description, fields.Aggregation, fields.Decimals);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Archives an indicator (no new values; history, statistics and templates keep working) or restores it.</summary>
public sealed record ArchiveCustomIndicatorCommand(long Id, bool Archived);

public sealed class ArchiveCustomIndicatorHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(ArchiveCustomIndicatorCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CustomIndicatorAccess.LoadAsync(db, command.Id, scope, Permission.Administer, ct, track: true);
        if (!loaded.IsSuccess) return loaded.FirstError;
        if (command.Archived) loaded.Value.Indicator.Archive();
        else loaded.Value.Indicator.Restore();
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Deletes an indicator that has no values; one with values is refused (archive it instead).</summary>
public sealed record DeleteCustomIndicatorCommand(long Id);

public sealed class DeleteCustomIndicatorHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(DeleteCustomIndicatorCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await CustomIndicatorAccess.LoadAsync(db, command.Id, scope, Permission.Administer, ct, track: true);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var indicator = loaded.Value.Indicator;
        var count = await db.Set<CustomIndicatorValue>().CountAsync(v => v.IndicatorId == indicator.Id, ct);
        if (count > 0) return CustomIndicatorErrors.DeleteWithValues(indicator.Name, count);
        db.Remove(indicator);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A value recorded between the count and the delete: the foreign key refuses, and so do we.
            return CustomIndicatorErrors.DeleteWithValues(indicator.Name, 1);
        }

        return Done.Value;
    }
}

internal sealed record IndicatorFields(string Name, string Unit, string? Description, CustomAggregation Aggregation, int Decimals);

public static partial class CustomIndicatorRules
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();

    /// <summary>A key is an ASCII letter, then letters, digits or underscores, at most <see cref="CustomIndicator.KeyMaxLength"/> characters.</summary>
    public static bool IsValidKey(string? key) => key is { Length: > 0 and <= CustomIndicator.KeyMaxLength } && KeyPattern().IsMatch(key);

    internal static IndicatorFields Fields(CustomIndicatorInput input, WorkLogValidation check)
    {
        var name = check.Text(input.Name, "Name", "指标名称", CustomIndicator.NameMaxLength) ?? "";
        var unit = check.Text(input.Unit, "Unit", "计量单位", CustomIndicator.UnitMaxLength) ?? "";
        var description = check.Text(input.Description, "Description", "指标说明", CustomIndicator.DescriptionMaxLength, required: false);
        if (input.Aggregation is not CustomAggregation aggregation || !Enum.IsDefined(aggregation))
        {
            check.Add(CustomIndicatorErrors.AggregationRequired);
            aggregation = CustomAggregation.Sum;
        }

        var decimals = input.Decimals ?? 0;
        if (decimals is < 0 or > CustomIndicator.MaxDecimals) check.Add(CustomIndicatorErrors.DecimalsRange);
        return new IndicatorFields(name, unit, description, aggregation, decimals);
    }
}

internal static class CustomIndicatorItems
{
    public static CustomIndicatorItem From(CustomIndicator i, string organizationName, string path, int count, AccessScope scope) =>
        new(i.Id, i.Key, i.MetricKey, i.Name, i.Unit, i.Description, i.Aggregation, i.Aggregation.Label(), i.Decimals, i.OrganizationId, organizationName, i.IsArchived, count,
            scope.Allows(path, Permission.Administer), !i.IsArchived && CustomIndicatorAccess.Records(scope, path));
}
