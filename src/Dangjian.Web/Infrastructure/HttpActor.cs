using System.Security.Claims;
using Dangjian.Core.Common;

namespace Dangjian.Web.Infrastructure;

/// <summary>The signed-in user, as Core's audit sees them.</summary>
public sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public const string DisplayNameClaim = "dj:display_name";

    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string DisplayName =>
        accessor.HttpContext?.User.FindFirstValue(DisplayNameClaim)
        ?? accessor.HttpContext?.User.Identity?.Name
        ?? "匿名";
}
