using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Meetings;

namespace Dangjian.Web.Features.Meetings;

/// <summary>The posted meeting form: strings throughout, so every bad value gets a Chinese message instead of a binding failure.</summary>
public sealed class MeetingForm
{
    /// <summary>"save", or "more" to add blank rows without saving.</summary>
    public string? Op { get; set; }

    public string? Topic { get; set; }
    public string? StartTime { get; set; }
    public string? Place { get; set; }
    public string? HostMemberId { get; set; }
    public string? HostName { get; set; }
    public string? RecorderMemberId { get; set; }
    public string? RecorderName { get; set; }
    public string? LecturerMemberId { get; set; }
    public string? LecturerName { get; set; }
    public string? LecturerRole { get; set; }
    public string? Minutes { get; set; }
    public List<AttendanceRow> Attendance { get; set; } = [];
    public List<ExtraRow> Extras { get; set; } = [];
    public List<AgendaRow> Agenda { get; set; } = [];
    public List<SpeakerRow> Speakers { get; set; } = [];
}

public sealed class AttendanceRow
{
    public string? MemberId { get; set; }
    public string? Status { get; set; }
    public string? LeaveReason { get; set; }
    public bool Excluded { get; set; }
    public string? ExclusionReason { get; set; }
}

public sealed class ExtraRow
{
    public string? Role { get; set; }
    public string? MemberId { get; set; }
    public string? Name { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(MemberId);
}

public sealed class AgendaRow
{
    public string? Title { get; set; }
    public string? Topic { get; set; }
    public string? Decision { get; set; }
    public string? VotesYes { get; set; }
    public string? VotesNo { get; set; }
    public string? VotesAbstain { get; set; }

    /// <summary>"" (not voted), "true" (通过) or "false" (未通过).</summary>
    public string? Passed { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Decision) && string.IsNullOrWhiteSpace(VotesYes) &&
        string.IsNullOrWhiteSpace(VotesNo) && string.IsNullOrWhiteSpace(VotesAbstain) && string.IsNullOrWhiteSpace(Passed);
}

public sealed class SpeakerRow
{
    public string? MemberId { get; set; }
    public string? Name { get; set; }
    public string? Summary { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(MemberId) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Summary);
}

/// <summary>Parsing of the meeting forms, with the Chinese message under the field that was wrong.</summary>
internal static class MeetingFormParse
{
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    public static DateOnly? Date(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = Date(text);
        if (value is null) errors.Add(Error.Validation("form.date", $"{label}格式应为 yyyy-MM-dd", field));
        return value;
    }

    public static TimeOnly? Time(string? text, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        errors.Add(Error.Validation("form.time", "开始时间格式应为 时:分，例如 14:30", field));
        return null;
    }

    public static long? Long(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Votes(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100000) return value;
        errors.Add(Error.Validation("form.votes", $"{label}应为不小于 0 的整数", field));
        return null;
    }

    public static T? Enum<T>(string? text) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text, out var value) && System.Enum.IsDefined(value) ? value : null;

    /// <summary>
    /// The form as the Core command. Blank rows are dropped; the caller compacts its rows the same way first, so the
    /// index in a Core error ("Agenda.1") is the row the user sees.
    /// </summary>
    public static MeetingInput ToInput(MeetingForm form, DateOnly heldOn, IReadOnlyList<string> kindCodes, List<Error> errors)
    {
        var agenda = new List<AgendaItemInput>();
        for (var i = 0; i < form.Agenda.Count; i++)
        {
            var row = form.Agenda[i];
            var field = $"Agenda.{i}";
            bool? passed = row.Passed switch { "true" => true, "false" => false, _ => null };
            agenda.Add(new AgendaItemInput(
                row.Title, Enum<AgendaTopic>(row.Topic), row.Decision, Votes(row.VotesYes, field, $"第 {i + 1} 项议题的赞成票", errors),
                Votes(row.VotesNo, field, $"第 {i + 1} 项议题的反对票", errors), Votes(row.VotesAbstain, field, $"第 {i + 1} 项议题的弃权票", errors), passed));
        }

        return new MeetingInput
        {
            HeldOn = heldOn,
            KindCodes = kindCodes,
            Topic = form.Topic,
            StartTime = Time(form.StartTime, "StartTime", errors),
            Place = form.Place,
            HostMemberId = Long(form.HostMemberId),
            HostName = form.HostName,
            RecorderMemberId = Long(form.RecorderMemberId),
            RecorderName = form.RecorderName,
            LecturerMemberId = Long(form.LecturerMemberId),
            LecturerName = form.LecturerName,
            LecturerRole = Enum<LecturerRole>(form.LecturerRole),
            Minutes = form.Minutes,
            Attendance = form.Attendance.Select(a => new AttendanceInput(
                Long(a.MemberId), Enum<AttendanceStatus>(a.Status), a.LeaveReason, a.Excluded, a.ExclusionReason)).ToList(),
            Extras = form.Extras.Select(e => new ExtraAttendeeInput(Enum<AttendeeRole>(e.Role), Long(e.MemberId), e.Name)).ToList(),
            AgendaItems = agenda,
            KeySpeakers = form.Speakers.Select(s => new KeySpeakerInput(Long(s.MemberId), s.Name, s.Summary)).ToList(),
        };
    }
}

/// <summary>Colours of the kind badges: the 三会一课 and 主题党日 each have their own, every other kind is grey.</summary>
public static class MeetingBadges
{
    public static string Class(string code) => code switch
    {
        MeetingKindCodes.BranchGeneralMeeting => "text-bg-danger",
        MeetingKindCodes.CommitteeMeeting => "text-bg-dark",
        MeetingKindCodes.GroupMeeting => "text-bg-info",
        MeetingKindCodes.PartyLecture => "text-bg-warning",
        MeetingKindCodes.ThemeDay => "text-bg-success",
        MeetingKindCodes.OrganizationalLifeMeeting or MeetingKindCodes.LeadershipLifeMeeting => "text-bg-light border",
        _ => "text-bg-secondary",
    };

    public static string Rate(decimal? rate) => rate is decimal r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
