using System.Security.Claims;
using Dangjian.Core.Features.Access;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// The caller's <see cref="AccessScope"/>, loaded once per request. Every endpoint and page gets its scope here and
/// passes it to the handler, which filters by it; nothing else decides what a caller may see.
/// </summary>
public sealed class RequestAccess(IHttpContextAccessor accessor, AccessScopeLoader loader)
{
    private AccessScope? _scope;

    public async Task<AccessScope> ScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        var user = accessor.HttpContext?.User;
        var userId = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        _scope = await loader.LoadAsync(userId, ct);
        return _scope;
    }
}
