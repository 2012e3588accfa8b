using System.Security.Claims;
using Dangjian.Core.Features.Access;
using Dangjian.Identity;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dangjian.Web.Features.Account;

public sealed record CreateTokenRequest(string? Name, int? ValidDays);

public static class AccountEndpoints
{
    public const string LoginRateLimit = "login";
    public const string ScopeCookie = "dangjian.scope";

    /// <summary>Form posts of the sign-in pages: log in, log out, switch the scope shown in the breadcrumb.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
                SignInManager<AppUser> signIn) =>
            {
                var back = LocalUrl(returnUrl);
                if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
                {
                    return Results.Redirect($"/login?error=missing&returnUrl={Uri.EscapeDataString(back)}");
                }

                var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
                if (result.Succeeded) return Results.LocalRedirect(back);
                var error = result.IsLockedOut ? "locked" : "invalid";
                return Results.Redirect($"/login?error={error}&userName={Uri.EscapeDataString(userName.Trim())}&returnUrl={Uri.EscapeDataString(back)}");
            })
            .AllowAnonymous()
            .RequireRateLimiting(LoginRateLimit)
            .ExcludeFromDescription();

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.Redirect("/login?loggedOut=1");
            })
            .ExcludeFromDescription();

        app.MapPost("/account/scope", async ([FromForm] long? organizationId, [FromForm] string? returnUrl, HttpContext context, RequestAccess access) =>
            {
                var scope = await access.ScopeAsync(context.RequestAborted);
                if (organizationId is long id && (scope.IsSystemAdmin || scope.Roots.Any(r => r.OrganizationId == id)))
                {
                    context.Response.Cookies.Append(ScopeCookie, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
                }
                else
                {
                    context.Response.Cookies.Delete(ScopeCookie);
                }

                return Results.LocalRedirect(LocalUrl(returnUrl));
            })
            .ExcludeFromDescription();
    }

    /// <summary>Self-service API: who am I, and my personal API tokens.</summary>
    public static RouteGroupBuilder MapAccountApiEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("我的账户");

        group.MapGet("/me", async (ClaimsPrincipal user, RequestAccess access, CancellationToken ct) =>
        {
            var scope = await access.ScopeAsync(ct);
            return Results.Ok(new
            {
                id = user.FindFirstValue(ClaimTypes.NameIdentifier),
                userName = user.Identity?.Name,
                displayName = user.FindFirstValue(HttpActor.DisplayNameClaim),
                isSystemAdmin = scope.IsSystemAdmin,
                roots = scope.Roots.Select(r => new { r.OrganizationId, r.Name, role = r.Role, roleLabel = r.Role.Label() }),
            });
        }).WithSummary("当前用户与其管理范围");

        group.MapGet("/tokens", async (ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
            Results.Ok((await tokens.ListAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct))
                .Select(t => new { t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc })))
            .WithSummary("我的 API 令牌");

        group.MapPost("/tokens", async (CreateTokenRequest request, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
            (await tokens.CreateAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, request.Name, request.ValidDays, ct))
                .ToHttp(created => Results.Created($"/api/v1/tokens/{created.Id}", created)))
            .WithSummary("新建 API 令牌（令牌只显示一次）");

        group.MapDelete("/tokens/{id:long}", async (long id, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
            (await tokens.RevokeAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("吊销 API 令牌");

        return api;
    }

    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
