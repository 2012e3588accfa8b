using Dangjian.Core.Common;
using Dangjian.Core.Features.WorkLog.Assistance;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.WorkLog.Assistance;

/// <summary>The posted 帮扶户 form.</summary>
public sealed class AssistanceHouseholdForm
{
    public string? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Note { get; set; }

    public AssistanceHouseholdInput ToInput() => new() { Name = Name, Address = Address, Note = Note };
}

/// <summary>The posted 走访 form.</summary>
public sealed class AssistanceVisitForm
{
    public string? VisitedOn { get; set; }
    public string? Visitors { get; set; }
    public string? Note { get; set; }

    public Result<AssistanceVisitInput> ToInput()
    {
        var errors = new List<Error>();
        var on = FormParse.Date(VisitedOn, "VisitedOn", "走访日期", errors);
        return errors.Count > 0 ? Result<AssistanceVisitInput>.Failure(errors) : new AssistanceVisitInput { VisitedOn = on, Visitors = Visitors, Note = Note };
    }
}

/// <summary>The posted 问题 form: the status is not a field, it follows from the three dates.</summary>
public sealed class AssistanceProblemForm
{
    public string? Description { get; set; }
    public string? CollectedOn { get; set; }
    public string? StartedOn { get; set; }
    public string? ResolvedOn { get; set; }
    public string? Note { get; set; }

    public Result<AssistanceProblemInput> ToInput()
    {
        var errors = new List<Error>();
        var collected = FormParse.Date(CollectedOn, "CollectedOn", "收集日期", errors);
        var started = FormParse.Date(StartedOn, "StartedOn", "开始解决日期", errors);
        var resolved = FormParse.Date(ResolvedOn, "ResolvedOn", "解决日期", errors);
        return errors.Count > 0
            ? Result<AssistanceProblemInput>.Failure(errors)
            : new AssistanceProblemInput { Description = Description, CollectedOn = collected, StartedOn = started, ResolvedOn = resolved, Note = Note };
    }
}
