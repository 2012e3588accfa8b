using System.Threading.RateLimiting;
using Dangjian.Core;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Identity;
using Dangjian.Web.Components;
using Dangjian.Core.Features.Attachments;
using Dangjian.Web.Features.Summaries;
using Dangjian.Web.Features.Access;
using Dangjian.Web.Features.Attachments;
using Dangjian.Web.Features.Account;
using Dangjian.Web.Features.Audit;
using Dangjian.Web.Features.Committees;
using Dangjian.Web.Features.Dues;
using Dangjian.Web.Features.Evaluations;
using Dangjian.Web.Features.Findings;
using Dangjian.Web.Features.Meetings;
using Dangjian.Web.Features.Compliance;
using Dangjian.Web.Features.Development.Documents;
using Dangjian.Web.Features.Development.Board;
using Dangjian.Web.Features.Development.Holidays;
using Dangjian.Web.Features.Development.Plans;
using Dangjian.Web.Features.Members;
using Dangjian.Web.Features.Members.Import;
using Dangjian.Web.Features.Metrics;
using Dangjian.Web.Features.Organizations;
using Dangjian.Web.Features.Talks;
using Dangjian.Web.Features.Development.Candidates;
using Dangjian.Web.Features.WorkLog.Donations;
using Dangjian.Web.Features.WorkLog;
using Dangjian.Web.Features.WorkLog.CustomIndicators;
using Dangjian.Web.Features.Transfers;
using Dangjian.Web.Features.WorkLog.Volunteering;
using Dangjian.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
var database = DatabaseSettings.From(builder.Configuration["Database:Provider"], builder.Configuration.GetConnectionString("Dangjian"));

builder.Services.AddHttpContextAccessor();
// Attachment bytes live outside wwwroot, by default beside the SQLite database (docs/operations.md, "Attachments").
var attachments = AttachmentStoreSettings.From(
    builder.Configuration["Storage:AttachmentsPath"], builder.Configuration.GetValue<int?>("Storage:AttachmentMaxSizeMB"), database);
AttachmentEndpoints.EnsureOutsideWebRoot(attachments, builder.Environment.WebRootPath);
builder.Services.AddDangjianCore(database, attachments);
builder.Services.AddScoped<JobActor>();
builder.Services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<JobActor>().Actor ?? ActivatorUtilities.CreateInstance<HttpActor>(sp));
builder.Services.AddSingleton<MemberImportQueue>();
builder.Services.AddHostedService<MemberImportWorker>();
builder.Services.AddHostedService<DuesReviewWorker>();
builder.Services.AddScoped<RequestAccess>();
builder.Services.AddScoped<CurrentScope>();
builder.Services.AddScoped<DevelopmentDocumentFiles>();
builder.Services.AddDangjianIdentity(database)
    .AddSignInManager()
    .AddClaimsPrincipalFactory<DangjianClaimsFactory>();

// Keys live beside the data, so cookies survive restarts; several nodes share them through the same folder or a volume.
builder.Services.AddDataProtection()
    .SetApplicationName("Dangjian")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine("data", "keys")));

builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = "Dangjian";
        options.DefaultChallengeScheme = "Dangjian";
    })
    .AddPolicyScheme("Dangjian", "Cookie or API token", options => options.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? ApiTokenAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/login";
    options.LogoutPath = "/account/logout";
    options.AccessDeniedPath = "/forbidden";
    options.Cookie.Name = "dangjian.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
    options.Events.OnRedirectToLogin = context => ProblemResponses.IsApi(context.Request)
        ? ProblemResponses.WriteAsync(context.HttpContext, 401, "未登录", "请先登录，或在请求头中提供有效的 API 令牌")
        : Redirect(context);
    options.Events.OnRedirectToAccessDenied = context => ProblemResponses.IsApi(context.Request)
        ? ProblemResponses.WriteAsync(context.HttpContext, 403, "无权访问", "您没有执行此操作的权限")
        : Redirect(context);
});
builder.Services.AddAuthorization(options =>
    options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddAntiforgery(options => options.Cookie.Name = "dangjian.af");

builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.AddPolicy(AccountEndpoints.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 10),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    options.OnRejected = async (context, ct) =>
    {
        if (ProblemResponses.IsApi(context.HttpContext.Request))
        {
            await ProblemResponses.WriteAsync(context.HttpContext, 429, "请求过于频繁", "登录尝试过于频繁，请一分钟后再试");
        }
        else
        {
            context.HttpContext.Response.Redirect("/login?error=throttled");
        }
    };
});

builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Extensions.Remove("exception");
    context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
});
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "党建工作管理平台 API";
    document.Info.Description = "Dangjian REST API v1。Cookie 登录或 Authorization: Bearer <个人令牌>。";
    return Task.CompletedTask;
}));
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddRazorComponents();

var app = builder.Build();

if (!app.Configuration.GetValue("Database:SkipMigrate", false))
{
    await using var scope = app.Services.CreateAsyncScope();
    await DatabaseMigrator.MigrateAsync(await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync());
    await DatabaseMigrator.MigrateAsync(await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IdentityDb>>().CreateDbContextAsync());
}

// Behind a reverse proxy, the client address (log-in rate limit, logs) and the scheme (secure cookies) come from the
// proxy's X-Forwarded-* headers, trusted only from the proxies listed in ReverseProxy:KnownProxies.
var knownProxies = (app.Configuration["ReverseProxy:KnownProxies"] ?? "")
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    .Select(System.Net.IPAddress.Parse)
    .ToList();
if (knownProxies.Count > 0)
{
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
    forwarded.KnownProxies.Clear();
    forwarded.KnownIPNetworks.Clear();
    knownProxies.ForEach(forwarded.KnownProxies.Add);
    app.UseForwardedHeaders(forwarded);
}

app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
{
    var reference = context.TraceIdentifier;
    var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
    app.Logger.LogError(error, "未处理的异常，参考号 {Reference}", reference);
    if (ProblemResponses.IsApi(context.Request))
    {
        await ProblemResponses.WriteAsync(context, 500, "系统出错，请稍后重试", $"参考号：{reference}");
    }
    else
    {
        context.Response.Redirect($"/error?ref={Uri.EscapeDataString(reference)}");
    }
}));
app.UseStatusCodePages(async context =>
{
    var http = context.HttpContext;
    if (ProblemResponses.IsApi(http.Request) && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
    {
        var status = http.Response.StatusCode;
        var (title, detail) = status switch
        {
            400 => ("请求格式不正确", "请求内容无法解析：请检查 JSON 格式、字段类型和枚举取值"),
            404 => ("未找到", $"没有这个地址：{http.Request.Method} {http.Request.Path}"),
            405 => ("不支持的请求方法", $"{http.Request.Method} {http.Request.Path}"),
            401 => ("未登录", "请先登录，或在请求头中提供有效的 API 令牌"),
            403 => ("无权访问", "您没有执行此操作的权限"),
            415 => ("不支持的内容类型", "请以 application/json 提交"),
            _ => ("请求无法处理", $"{http.Request.Method} {http.Request.Path}"),
        };
        await ProblemResponses.WriteAsync(http, status, title, detail);
    }
});
app.UseSecurityHeaders();
app.UseStaticFiles();
// The API reference is public like /openapi/v1.json; every call it makes still needs a log-in.
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "api-docs";
    options.SwaggerEndpoint("/openapi/v1.json", "党建工作管理平台 API v1");
    options.DocumentTitle = "党建工作管理平台 API";
});
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous();

var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("v1").DisableAntiforgery();
api.MapOrganizationEndpoints();
api.MapAuditEndpoints();
api.MapAccessEndpoints();
api.MapAccountApiEndpoints();
api.MapMemberEndpoints();
api.MapCommitteeEndpoints();
api.MapMemberStatisticsEndpoints();
api.MapTransferEndpoints();
api.MapMemberImportEndpoints();
api.MapDuesProfileEndpoints();
api.MapDuesLedgerEndpoints();
app.MapAccountEndpoints();
app.MapMemberImportPageEndpoints();
app.MapMemberStatisticsPageEndpoints();
app.MapDuesProfilePageEndpoints();
api.MapDuesBackPayEndpoints();
api.MapDuesRemittanceEndpoints();
app.MapDuesPageEndpoints();
api.MapAttachmentEndpoints();
api.MapEvaluationEndpoints();
api.MapTalkEndpoints();
api.MapDevelopmentCandidateEndpoints();
api.MapWorkLogDonationEndpoints();
api.MapWorkLogAssistanceEndpoints();
api.MapFindingEndpoints();
api.MapMeetingEndpoints();
api.MapComplianceEndpoints();
api.MapWorkLogCustomIndicatorEndpoints();
api.MapMetricEndpoints();
app.MapMetricPageEndpoints();
api.MapSummaryEndpoints();
app.MapSummaryPageEndpoints();
app.MapAttachmentPageEndpoints();
api.MapWorkLogVolunteeringEndpoints();
app.MapWorkLogVolunteeringPageEndpoints();
api.MapDevelopmentDocumentEndpoints();
app.MapDevelopmentDocumentPageEndpoints();
api.MapDevelopmentBoardEndpoints().MapDevelopmentPlanEndpoints().MapHolidayEndpoints();

app.MapRazorComponents<App>();

await app.RunAsync();

static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
{
    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>Entry point; public so the test host can start it.</summary>
public partial class Program;
