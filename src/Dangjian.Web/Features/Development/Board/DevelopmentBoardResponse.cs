using Dangjian.Core.Common;
using Dangjian.Core.Features.Development;

namespace Dangjian.Web.Features.Development.Board;

/// <summary>One missed deadline of the overdue list: a person can have several (a talk and a review).</summary>
public sealed record OverdueItem(long CandidateId, string Name, long OrganizationId, string OrganizationName, string Rule, string Message, DateOnly? DueOn, int? DaysOverdue);

/// <summary>A person on the pipeline and the next step to take, with its earliest day (a hard rule) and its due day.</summary>
public sealed record BoardPerson(
    long CandidateId, string Name, long OrganizationId, string OrganizationName, CandidateStage Stage, string StageLabel, DateOnly ApplicationDate,
    int? NextStep, string? NextStepName, DateOnly? EarliestOn, DateOnly? DueOn, int WarningCount, bool Overdue);

/// <summary>The board as the page and <c>GET /api/v1/development/board</c> show it: the counts, the overdue list, then everyone, paged.</summary>
public sealed record DevelopmentBoardResponse(
    long OrganizationId, DateOnly AsOf, int Applicants, int Activists, int Targets, int Probationary, IReadOnlyList<OverdueItem> Overdue, Page<BoardPerson> People)
{
    /// <summary>
    /// Shapes the handler's board. The counts are the whole subtree's whatever the stage filter; the overdue list is sorted
    /// by how long each deadline has been missed, longest first.
    /// </summary>
    public static DevelopmentBoardResponse From(long organizationId, DateOnly today, DevelopmentBoardView board, CandidateStage? stage, int? page, int? pageSize)
    {
        var overdue = board.Overdue
            .SelectMany(p => p.Warnings.Where(w => w.Overdue).Select(w => new OverdueItem(
                p.Id, p.Name, p.OrganizationId, p.OrganizationName, w.Rule, w.Message, w.DueOn, w.DueOn is DateOnly due ? today.DayNumber - due.DayNumber : null)))
            .OrderByDescending(o => o.DaysOverdue ?? 0).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        var people = board.People.Where(p => stage is null || p.Stage == stage).ToList();
        var size = Page<object>.NormalizeSize(pageSize);
        var number = Math.Min(Page<object>.NormalizeNumber(page), Math.Max(1, (people.Count + size - 1) / size));
        var items = people.Skip((number - 1) * size).Take(size).Select(p => new BoardPerson(
            p.Id, p.Name, p.OrganizationId, p.OrganizationName, p.Stage, BoardStages.Label(p.Stage), p.ApplicationDate,
            p.Next?.Step, p.Next?.Name, p.Next?.EarliestOn, p.Next?.DueOn, p.Warnings.Count, p.Warnings.Any(w => w.Overdue))).ToList();
        return new DevelopmentBoardResponse(organizationId, today, board.Applicants, board.Activists, board.Targets, board.Probationary, overdue,
            new Page<BoardPerson>(items, people.Count, number, size));
    }

    public int Count(CandidateStage stage) => stage switch
    {
        CandidateStage.Applicant => Applicants,
        CandidateStage.Activist => Activists,
        CandidateStage.DevelopmentTarget => Targets,
        CandidateStage.Probationary => Probationary,
        _ => 0,
    };
}
