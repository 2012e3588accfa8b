using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.WorkLog.Volunteering;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.WorkLog.Volunteering;

internal static class WorkLogParse
{
    public static decimal? Decimal(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(Error.Validation("worklog.number", $"{label}应为数字", field));
        return null;
    }

    public static int? Int(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(Error.Validation("worklog.number", $"{label}应为整数", field));
        return null;
    }
}

public sealed class ParticipantRowForm
{
    public string? MemberId { get; set; }
    public string? Hours { get; set; }
}

/// <summary>The posted 志愿服务活动 form: one row per member the organization can name; a row with hours is a participant.</summary>
public sealed class VolunteerActivityForm
{
    public string? HeldOn { get; set; }
    public string? Title { get; set; }
    public string? ServiceProject { get; set; }
    public string? ProjectClaimed { get; set; }
    public string? PublicVolunteers { get; set; }
    public string? Note { get; set; }
    public List<ParticipantRowForm> Rows { get; set; } = [];

    public string? HoursFor(long memberId) => Rows.FirstOrDefault(r => r.MemberId == memberId.ToString(CultureInfo.InvariantCulture))?.Hours;

    public static VolunteerActivityForm From(VolunteerActivityDetails d) => new()
    {
        HeldOn = Fmt.Date(d.HeldOn), Title = d.Title, ServiceProject = d.ServiceProject, ProjectClaimed = d.ProjectClaimed ? "true" : null,
        PublicVolunteers = d.PublicVolunteers.ToString(CultureInfo.InvariantCulture), Note = d.Note,
        Rows = d.Participants.Select(p => new ParticipantRowForm { MemberId = p.MemberId.ToString(CultureInfo.InvariantCulture), Hours = p.Hours.ToString("0.##", CultureInfo.InvariantCulture) }).ToList(),
    };

    public Result<VolunteerActivityInput> ToInput()
    {
        var errors = new List<Error>();
        var heldOn = FormParse.Date(HeldOn, "HeldOn", "活动日期", errors);
        var publics = WorkLogParse.Int(PublicVolunteers, "PublicVolunteers", "群众志愿者人数", errors);
        var participants = new List<ParticipantInput>();
        foreach (var row in Rows.Where(r => !string.IsNullOrWhiteSpace(r.Hours)))
        {
            var hours = WorkLogParse.Decimal(row.Hours, "Participants", "服务时长", errors);
            participants.Add(new ParticipantInput(FormParse.Long(row.MemberId), hours));
        }

        if (errors.Count > 0) return Result<VolunteerActivityInput>.Failure(errors);
        return new VolunteerActivityInput
        {
            HeldOn = heldOn, Title = Title, ServiceProject = ServiceProject, ProjectClaimed = ProjectClaimed == "true", PublicVolunteers = publics ?? 0, Note = Note,
            Participants = participants,
        };
    }
}

public sealed class CommunityReportForm
{
    public string? MemberId { get; set; }
    public string? Community { get; set; }
    public string? ReportedOn { get; set; }
    public string? Note { get; set; }

    public Result<CommunityReportInput> ToInput()
    {
        var errors = new List<Error>();
        var on = FormParse.Date(ReportedOn, "ReportedOn", "报到日期", errors);
        if (errors.Count > 0) return Result<CommunityReportInput>.Failure(errors);
        return new CommunityReportInput { MemberId = FormParse.Long(MemberId), Community = Community, ReportedOn = on, Note = Note };
    }
}

public sealed class PioneerPostForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Note { get; set; }
    public List<PostMemberRowForm> Rows { get; set; } = [];

    public bool Holds(long memberId) => Rows.Any(r => r.MemberId == memberId.ToString(CultureInfo.InvariantCulture) && r.Selected == "true");

    public Result<PioneerPostInput> ToInput()
    {
        var errors = new List<Error>();
        var from = FormParse.Date(From, "From", "设岗日期", errors);
        var to = FormParse.Date(To, "To", "撤岗日期", errors);
        if (errors.Count > 0) return Result<PioneerPostInput>.Failure(errors);
        return new PioneerPostInput
        {
            Name = Name, Kind = Enum.TryParse<PioneerPostKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null, From = from, To = to, Note = Note,
            MemberIds = Rows.Where(r => r.Selected == "true").Select(r => FormParse.Long(r.MemberId)).OfType<long>().ToList(),
        };
    }
}

public sealed class PostMemberRowForm
{
    public string? MemberId { get; set; }
    public string? Selected { get; set; }
}
