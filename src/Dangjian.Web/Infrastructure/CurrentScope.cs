using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Dangjian.Web.Features.Account;

namespace Dangjian.Web.Infrastructure;

/// <summary>What the frame shows: the caller's scope, the subtree they chose to look at, and its breadcrumb.</summary>
public sealed record ScopeView(AccessScope Scope, long? SelectedRootId, IReadOnlyList<OrganizationSummary> Trail, IReadOnlyList<ScopeChoice> Choices);

public sealed record ScopeChoice(long Id, string Name);

/// <summary>
/// The subtree a user is looking at. Users who hold several subtrees switch between them; the choice only narrows what
/// pages show by default, it never widens <see cref="AccessScope"/>.
/// </summary>
public sealed class CurrentScope(IHttpContextAccessor accessor, RequestAccess access, GetOrganizationDetailsHandler details, ListOrganizationsHandler list)
{
    private ScopeView? _view;

    public async Task<ScopeView> GetAsync(CancellationToken ct)
    {
        if (_view is not null) return _view;
        var scope = await access.ScopeAsync(ct);
        var choices = scope.Roots.Select(r => new ScopeChoice(r.OrganizationId, r.Name)).DistinctBy(c => c.Id).ToList();
        if (scope.IsSystemAdmin)
        {
            // Only the top-level organizations, one small query: this runs on every page a 系统管理员 opens.
            var roots = await list.HandleAsync(new ListOrganizationsQuery(TopLevelOnly: true, PageSize: 100), scope, ct);
            choices = roots.IsSuccess ? roots.Value.Items.Select(n => new ScopeChoice(n.Id, n.Name)).ToList() : [];
        }

        long? selected = null;
        var cookie = accessor.HttpContext?.Request.Cookies[AccountEndpoints.ScopeCookie];
        if (long.TryParse(cookie, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && choices.Any(c => c.Id == chosen))
        {
            selected = chosen;
        }
        else if (!scope.IsSystemAdmin && choices.Count > 0)
        {
            selected = choices[0].Id;
        }

        IReadOnlyList<OrganizationSummary> trail = [];
        if (selected is long id)
        {
            var found = await details.HandleAsync(new GetOrganizationDetailsQuery(id), scope, ct);
            if (found.IsSuccess)
            {
                var d = found.Value;
                trail = [.. d.Ancestors, new OrganizationSummary(d.Id, d.Code, d.Name, d.Kind, d.DissolvedOn is not null)];
            }
        }

        _view = new ScopeView(scope, selected, trail, choices);
        return _view;
    }
}
