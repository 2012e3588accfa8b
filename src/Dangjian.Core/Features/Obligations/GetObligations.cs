using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// The rules of organizational life: each default, what applies to <see cref="OrganizationId"/> (when given), and the
/// overrides that decide it — those on the organization's ancestors and those inside its subtree.
/// </summary>
public sealed record GetObligationsQuery(long? OrganizationId);

public sealed record ObligationItem(
    long Id, string Code, string Name, ObligationTarget Target, string TargetLabel, ObligationEvidence Evidence, IReadOnlyList<string> KindCodes, string Source,
    ObligationFrequency DefaultFrequency, int DefaultMinCount,
    bool Enabled, ObligationFrequency Frequency, string FrequencyLabel, int MinCount, long? DecidedByOrganizationId, string? DecidedByOrganizationName, string? Reason);

public sealed record ObligationOverrideItem(
    long Id, long ObligationId, string ObligationName, long OrganizationId, string OrganizationName, bool Enabled, ObligationFrequency? Frequency, int? MinCount,
    string? Reason, bool OnAncestor, bool CanChange);

public sealed record ObligationsView(
    long? OrganizationId, string? OrganizationName, OrganizationKind? OrganizationKind, bool CanAdminister,
    IReadOnlyList<ObligationItem> Obligations, IReadOnlyList<ObligationOverrideItem> Overrides);

public sealed class GetObligationsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int OverrideLimit = 500;

    public async Task<Result<ObligationsView>> HandleAsync(GetObligationsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var obligations = await db.Set<Obligation>().AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync(ct);
        var names = obligations.ToDictionary(o => o.Id, o => o.Name);

        Organization? organization = null;
        IQueryable<Organization> subtree = scope.Organizations(db.Organizations.AsNoTracking());
        if (query.OrganizationId is long id)
        {
            organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (organization is null || !scope.Allows(organization.Path, Permission.Read)) return ObligationErrors.OrganizationNotFound(id);
            subtree = subtree.InSubtree(organization.Path);
        }

        var ancestorIds = organization is null ? [] : OrgPath.Ids(organization.Path).SkipLast(1).ToList();
        var subtreeIds = subtree.Select(o => o.Id);
        var overrides = await (
                from o in db.Set<ObligationOverride>().AsNoTracking()
                join org in db.Organizations.AsNoTracking() on o.OrganizationId equals org.Id
                where ancestorIds.Contains(o.OrganizationId) || subtreeIds.Contains(o.OrganizationId)
                orderby org.Path, o.ObligationId
                select new { Override = o, org.Name, org.Path })
            .Take(OverrideLimit)
            .ToListAsync(ct);

        var resolver = new ObligationResolver(obligations, overrides.Select(o => o.Override));
        var orgNames = overrides.DistinctBy(o => o.Override.OrganizationId).ToDictionary(o => o.Override.OrganizationId, o => o.Name);
        var items = obligations.Select(o =>
        {
            var effective = organization is null ? EffectiveObligation.Default(o) : resolver.Resolve(o, organization.Path);
            return new ObligationItem(
                o.Id, o.Code, o.Name, o.Target, o.Target.Label(), o.Evidence, o.KindCodes, o.Source, o.Frequency, o.MinCount,
                effective.Enabled, effective.Frequency, effective.Frequency.Label(), effective.MinCount,
                effective.OverrideOrganizationId, effective.OverrideOrganizationId is long by ? orgNames.GetValueOrDefault(by) : null, effective.OverrideReason);
        }).ToList();

        var overrideItems = overrides.Select(o => new ObligationOverrideItem(
            o.Override.Id, o.Override.ObligationId, names.GetValueOrDefault(o.Override.ObligationId, ""), o.Override.OrganizationId, o.Name,
            o.Override.Enabled, o.Override.Frequency, o.Override.MinCount, o.Override.Reason,
            ancestorIds.Contains(o.Override.OrganizationId), scope.Allows(o.Path, Permission.Administer))).ToList();

        return new ObligationsView(
            organization?.Id, organization?.Name, organization?.Kind, organization is not null && scope.Allows(organization.Path, Permission.Administer),
            items, overrideItems);
    }
}
