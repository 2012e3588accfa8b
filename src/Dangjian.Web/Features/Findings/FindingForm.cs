using Dangjian.Core.Common;
using Dangjian.Core.Features.Findings;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.Findings;

/// <summary>The posted finding form: a new finding when <see cref="Id"/> is empty, otherwise an edit with its status.</summary>
public sealed class FindingForm
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    public string? OwnerMemberId { get; set; }
    public string? OwnerName { get; set; }
    public string? Deadline { get; set; }
    public string? Status { get; set; }
    public string? ResolvedOn { get; set; }
    public string? Note { get; set; }

    public long? FindingId => FormParse.Long(Id);

    public static FindingForm From(FindingListItem f) => new()
    {
        Id = f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Description = f.Description,
        OwnerMemberId = f.OwnerMemberId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OwnerName = f.OwnerMemberId is null ? f.OwnerName : null,
        Deadline = Components.Shared.Fmt.Date(f.Deadline),
        Status = f.Status.ToString(),
        ResolvedOn = Components.Shared.Fmt.Date(f.ResolvedOn),
        Note = f.Note,
    };

    public Result<(FindingInput Input, FindingStatus Status, DateOnly? ResolvedOn)> Parse()
    {
        var errors = new List<Error>();
        var deadline = FormParse.Date(Deadline, "Deadline", "整改时限", errors);
        var resolvedOn = FormParse.Date(ResolvedOn, "ResolvedOn", "整改完成日期", errors);
        var status = Enum.TryParse<FindingStatus>(Status, out var s) && Enum.IsDefined(s) ? s : FindingStatus.Open;
        if (errors.Count > 0) return Result<(FindingInput, FindingStatus, DateOnly?)>.Failure(errors);
        var input = new FindingInput { Description = Description, OwnerMemberId = FormParse.Long(OwnerMemberId), OwnerName = OwnerName, Deadline = deadline };
        return (input, status, resolvedOn);
    }
}
