using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Development.Candidates;

/// <summary>Loads the person for a form page: 404 outside the scope, 403 when the caller may only read.</summary>
internal static class CandidatePageLoad
{
    public static async Task<(CandidateDetails? Candidate, string? Error)> ForWriteAsync(
        GetCandidateDetailsHandler get, RequestAccess access, long id, HttpContext? http, CancellationToken ct)
    {
        var found = await get.HandleAsync(new GetCandidateDetailsQuery(id, ForForm: true), await access.ScopeAsync(ct), ct);
        if (found.IsSuccess && found.Value.CanWrite) return (found.Value, null);
        if (http is not null) http.Response.StatusCode = found.IsSuccess ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        return (null, found.IsSuccess ? AccessScope.ForbiddenMessage(Permission.Write) : found.FirstError.Message);
    }
}
