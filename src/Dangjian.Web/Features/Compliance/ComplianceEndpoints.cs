using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Obligations;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Compliance;

public sealed record ObligationOverrideRequest(bool? Enabled, ObligationFrequency? Frequency, int? MinCount, string? Reason);

public static class ComplianceEndpoints
{
    public static RouteGroupBuilder MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/compliance", async (long? org, DateOnly? from, DateOnly? to, bool? problems, int? page, int? pageSize,
                GetComplianceMatrixHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetComplianceMatrixQuery(org, from, to, problems ?? false, page, pageSize), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("组织生活").WithSummary("合规矩阵：组织 × 组织生活规则，默认本年初至今；problems=true 只看逾期或即将到期的组织");

        api.MapGet("/compliance/calendar", async (long org, string? month, GetComplianceCalendarHandler handler, TimeProvider clock, RequestAccess access, CancellationToken ct) =>
            {
                if (ComplianceLinks.ParseMonth(month, clock.Today()) is not { } parsed) return ProblemResponses.ToProblem([ObligationErrors.MonthInvalid]);
                return (await handler.HandleAsync(new GetComplianceCalendarQuery(org, parsed.Year, parsed.Month), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok);
            })
            .WithTags("组织生活").WithSummary("工作日历：某月召开的会议和到期的组织生活规则（month=yyyy-MM，默认本月）");

        api.MapGet("/obligations", async (long? org, GetObligationsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetObligationsQuery(org), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithTags("组织生活").WithSummary("组织生活规则：默认规定、对某组织生效的规定及其来源、上级和本级以下的调整");

        api.MapPut("/obligations/{id:long}/overrides/{orgId:long}", async (long id, long orgId, ObligationOverrideRequest request,
                SetObligationOverrideHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new SetObligationOverrideCommand(id, orgId, request.Enabled ?? true, request.Frequency, request.MinCount, request.Reason), await access.ScopeAsync(ct), ct))
                .ToHttp(overrideId => Results.Ok(new { id = overrideId })))
            .WithTags("组织生活").WithSummary("为某组织及其下级调整一条规则（停用、频次、每周期最少次数），须填写原因；记入审计日志");

        api.MapDelete("/obligations/{id:long}/overrides/{orgId:long}", async (long id, long orgId, string? reason,
                ClearObligationOverrideHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ClearObligationOverrideCommand(id, orgId, reason), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithTags("组织生活").WithSummary("取消某组织的规则调整（reason 必填），恢复上级调整或默认规定");

        return api;
    }
}

/// <summary>Where each kind of evidence is listed, so a matrix cell opens the records it counted (shared URL contract).</summary>
public static class ComplianceLinks
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Evidence(ObligationEvidence evidence, IReadOnlyList<string> kindCodes, long organizationId, DateOnly from, DateOnly to)
    {
        var range = $"org={organizationId}&from={Date(from)}&to={Date(to)}";
        return evidence switch
        {
            ObligationEvidence.Evaluation => $"/evaluations?{range}",
            ObligationEvidence.Talks => $"/talks?{range}",
            _ => kindCodes.Count > 0 ? $"/meetings?org={organizationId}&kind={Uri.EscapeDataString(kindCodes[0])}&from={Date(from)}&to={Date(to)}" : $"/meetings?{range}",
        };
    }

    /// <summary>"yyyy-MM", or this month when empty; null when malformed.</summary>
    public static (int Year, int Month)? ParseMonth(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return (today.Year, today.Month);
        return DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (d.Year, d.Month) : null;
    }

    public static string StatusClass(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "dj-cell-met",
        ComplianceStatus.DueSoon => "dj-cell-soon",
        ComplianceStatus.Overdue => "dj-cell-overdue",
        ComplianceStatus.Pending => "dj-cell-pending",
        _ => "dj-cell-na",
    };

    public static string BadgeClass(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "text-bg-success",
        ComplianceStatus.DueSoon => "text-bg-warning",
        ComplianceStatus.Overdue => "text-bg-danger",
        ComplianceStatus.Pending => "text-bg-light border",
        _ => "text-bg-secondary",
    };
}
