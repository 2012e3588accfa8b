using Dangjian.Core.Features.Development;

namespace Dangjian.Web.Features.Development.Board;

/// <summary>
/// The four pipeline stages of the board as the URLs name them (<c>stage=applicant|activist|target|probationary</c>, the
/// candidate list's filter) and as the user reads them.
/// </summary>
public static class BoardStages
{
    public static readonly IReadOnlyList<(CandidateStage Stage, string Code, string Label)> All =
    [
        (CandidateStage.Applicant, "applicant", "入党申请人"),
        (CandidateStage.Activist, "activist", "入党积极分子"),
        (CandidateStage.DevelopmentTarget, "target", "发展对象"),
        (CandidateStage.Probationary, "probationary", "预备党员"),
    ];

    public static string Label(CandidateStage stage) => All.FirstOrDefault(s => s.Stage == stage).Label ?? stage switch
    {
        CandidateStage.Confirmed => "已转正",
        CandidateStage.Cancelled => "已取消预备党员资格",
        _ => stage.ToString(),
    };

    public static string Code(CandidateStage stage) => All.FirstOrDefault(s => s.Stage == stage).Code ?? stage.ToString().ToLowerInvariant();

    /// <summary>Null for an empty filter; false when the code is not one of the four.</summary>
    public static bool TryParse(string? code, out CandidateStage? stage)
    {
        stage = null;
        if (string.IsNullOrWhiteSpace(code)) return true;
        var found = All.Where(s => s.Code == code.Trim().ToLowerInvariant()).ToList();
        if (found.Count == 0) return false;
        stage = found[0].Stage;
        return true;
    }

    public static string CandidatesHref(long organizationId, CandidateStage stage) => $"/development/candidates?under={organizationId}&stage={Code(stage)}";
}
