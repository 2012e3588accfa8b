using System.Text.RegularExpressions;
using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Organizations;

/// <summary>Field rules for an organization's editable data. Returns every broken rule at once, so a form shows them all.</summary>
public static partial class OrganizationRules
{
    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex CodePattern();

    public static Result<OrganizationFields> Validate(OrganizationInput input, DateOnly today)
    {
        var errors = new List<Error>();
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        var shortName = Blank(input.ShortName);
        var hostUnit = Blank(input.HostUnitName);

        if (code.Length == 0) errors.Add(OrganizationErrors.CodeRequired);
        else if (code.Length > Organization.CodeMaxLength) errors.Add(OrganizationErrors.CodeTooLong);
        else if (!CodePattern().IsMatch(code)) errors.Add(OrganizationErrors.CodeInvalid);

        if (name.Length == 0) errors.Add(OrganizationErrors.NameRequired);
        else if (name.Length > Organization.NameMaxLength) errors.Add(OrganizationErrors.NameTooLong);

        if (shortName?.Length > Organization.ShortNameMaxLength) errors.Add(OrganizationErrors.ShortNameTooLong);
        if (hostUnit?.Length > Organization.HostUnitNameMaxLength) errors.Add(OrganizationErrors.HostUnitNameTooLong);
        if (input.Kind is null) errors.Add(OrganizationErrors.KindRequired);
        if (input.FoundedOn > today) errors.Add(OrganizationErrors.FoundedInFuture);
        if (input.SortOrder is < 0 or > 99999) errors.Add(OrganizationErrors.SortOrderOutOfRange);

        if (errors.Count > 0)
        {
            return Result<OrganizationFields>.Failure(errors);
        }

        return new OrganizationFields(code, name, shortName, input.Kind!.Value, hostUnit, input.HostUnitCategory, input.FoundedOn, input.SortOrder ?? 0);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a form or an API call submits; nothing is trusted until <see cref="OrganizationRules.Validate"/> passes.</summary>
public sealed record OrganizationInput
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public OrganizationKind? Kind { get; init; }
    public string? HostUnitName { get; init; }
    public UnitCategory? HostUnitCategory { get; init; }
    public DateOnly? FoundedOn { get; init; }
    public int? SortOrder { get; init; }
}
