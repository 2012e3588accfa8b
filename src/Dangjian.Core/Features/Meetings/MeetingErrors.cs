using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// Every rule a meeting record or a meeting kind can break, with the sentence the user sees. Row errors name their field
/// as "Attendance.{memberId}", "Extras.{index}", "Agenda.{index}" or "Speakers.{index}" so a form can show them on the row.
/// </summary>
public static class MeetingErrors
{
    public static Error NotFound(long id) => Error.NotFound("meeting.not_found", $"会议记录（编号 {id}）不存在或不在您的管理范围内");
    public static Error OrganizationNotFound(long id) => Error.NotFound("meeting.organization_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error OrganizationRequired => Error.Validation("meeting.organization_required", "请选择召开会议的组织", "OrganizationId");

    public static Error OrganizationDissolved(string name, DateOnly on) =>
        Error.Conflict("meeting.organization_dissolved", $"“{name}”已于 {on:yyyy-MM-dd} 撤销，不能登记此后召开的会议", "HeldOn");

    public static Error HeldOnRequired => Error.Validation("meeting.held_on_required", "请填写会议日期", "HeldOn");
    public static Error HeldOnInFuture => Error.Validation("meeting.held_on_future", "会议日期不能晚于今天：会议记录登记已经召开的会议", "HeldOn");
    public static Error KindsRequired => Error.Validation("meeting.kinds_required", "请至少选择一种会议类型", "Kinds");
    public static Error KindUnknown(string code) => Error.Validation("meeting.kind_unknown", $"会议类型“{code}”不存在", "Kinds");
    public static Error KindArchived(string name) => Error.Validation("meeting.kind_archived", $"会议类型“{name}”已停用，不能用于新的会议记录", "Kinds");
    public static Error TopicRequired => Error.Validation("meeting.topic_required", $"请填写会议主题（不超过 {Meeting.TopicMaxLength} 个字）", "Topic");
    public static Error PlaceTooLong => Error.Validation("meeting.place_too_long", $"会议地点不能超过 {Meeting.PlaceMaxLength} 个字", "Place");
    public static Error MinutesTooLong => Error.Validation("meeting.minutes_too_long", $"会议记录正文不能超过 {Meeting.MinutesMaxLength} 个字", "Minutes");
    public static Error NameTooLong(string field, string label) => Error.Validation("meeting.name_too_long", $"{label}姓名不能超过 {Meeting.NameMaxLength} 个字", field);
    public static Error PersonNotFound(string field, string label, long memberId) => Error.Validation("meeting.person_not_found", $"{label}：党员（编号 {memberId}）不存在或不在您的管理范围内", field);

    /// <summary>党课 records who lectured (metrics.md lectures.count{lecturerRole}; the 书记讲党课 obligation).</summary>
    public static Error LecturerRequired => Error.Validation("meeting.lecturer_required", "党课请填写授课人（选择党员或填写特邀人员姓名）", "Lecturer");

    public static Error LecturerRoleRequired => Error.Validation("meeting.lecturer_role_required", "党课请选择授课人身份（书记、领导干部、普通党员、特邀）", "LecturerRole");

    public static Error AttendanceStatusRequired(long memberId, string name) =>
        Error.Validation("meeting.attendance_status", $"请登记“{name}”的出席情况（出席、请假或缺席）", $"Attendance.{memberId}");

    public static Error LeaveReasonRequired(long memberId, string name) =>
        Error.Validation("meeting.leave_reason", $"“{name}”请假，请填写请假原因（不超过 {MeetingAttendee.ReasonMaxLength} 个字）", $"Attendance.{memberId}");

    public static Error ExclusionReasonRequired(long memberId, string name) =>
        Error.Validation("meeting.exclusion_reason", $"“{name}”不计入应到会，请填写经批准的原因（如长期生病、出国半年以上；不超过 {MeetingAttendee.ReasonMaxLength} 个字）", $"Attendance.{memberId}");

    public static Error ExcludedButPresent(long memberId, string name) =>
        Error.Validation("meeting.excluded_present", $"“{name}”出席了会议，不能同时不计入应到会", $"Attendance.{memberId}");

    public static Error MissingFromAttendance(long memberId, string name) =>
        Error.Validation("meeting.attendance_missing", $"应到人员“{name}”未登记出席情况", $"Attendance.{memberId}");

    public static Error NotOnRoster(long memberId, DateOnly on) =>
        Error.Validation("meeting.not_on_roster", $"党员（编号 {memberId}）在 {on:yyyy-MM-dd} 不在本组织名单中，不能计入应到；如其到会，请登记为列席", $"Attendance.{memberId}");

    public static Error AttendanceDuplicate(long memberId, string name) =>
        Error.Validation("meeting.attendance_duplicate", $"“{name}”的出席情况登记了不止一次", $"Attendance.{memberId}");

    public static Error ExtraNameRequired(int index) => Error.Validation("meeting.extra_name", $"第 {index + 1} 位列席或嘉宾请填写姓名或选择党员（不超过 {Meeting.NameMaxLength} 个字）", $"Extras.{index}");
    public static Error ExtraRoleRequired(int index) => Error.Validation("meeting.extra_role", $"第 {index + 1} 位请选择列席或嘉宾", $"Extras.{index}");
    public static Error ExtraOnRoster(int index, string name) => Error.Validation("meeting.extra_on_roster", $"“{name}”在应到名单中，请在出席情况中登记，不要重复登记为列席或嘉宾", $"Extras.{index}");
    public static Error AgendaTitleRequired(int index) => Error.Validation("meeting.agenda_title", $"第 {index + 1} 项议题请填写议题名称（不超过 {AgendaItem.TitleMaxLength} 个字）", $"Agenda.{index}");
    public static Error AgendaTopicRequired(int index) => Error.Validation("meeting.agenda_topic", $"第 {index + 1} 项议题请选择议题类别", $"Agenda.{index}");
    public static Error DecisionTooLong(int index) => Error.Validation("meeting.agenda_decision", $"第 {index + 1} 项议题的决定不能超过 {AgendaItem.DecisionMaxLength} 个字", $"Agenda.{index}");
    public static Error VotesNegative(int index) => Error.Validation("meeting.votes_negative", $"第 {index + 1} 项议题的票数不能为负数", $"Agenda.{index}");
    public static Error VotesWithoutResult(int index, string title) => Error.Validation("meeting.votes_without_result", $"议题“{title}”填写了表决票数，请选择表决结果（通过或未通过）", $"Agenda.{index}");
    public static Error ResultWithoutVotes(int index, string title) => Error.Validation("meeting.result_without_votes", $"议题“{title}”选择了表决结果，请填写赞成、反对、弃权票数", $"Agenda.{index}");
    public static Error SpeakerNameRequired(int index) => Error.Validation("meeting.speaker_name", $"第 {index + 1} 位重点发言人请填写姓名或选择党员（不超过 {Meeting.NameMaxLength} 个字）", $"Speakers.{index}");
    public static Error SpeakerSummaryTooLong(int index) => Error.Validation("meeting.speaker_summary", $"第 {index + 1} 位重点发言的摘要不能超过 {KeySpeaker.SummaryMaxLength} 个字", $"Speakers.{index}");

    /// <summary>《支部工作条例》第十四条: 有表决权的党员到会人数超过半数方可作出决定.</summary>
    public static Error GeneralMeetingNotQuorate(int expectedVoters, int presentVoters) => Error.Conflict("meeting.general_not_quorate",
        $"支部党员大会应到会有表决权党员 {expectedVoters} 人，实到 {presentVoters} 人，未超过半数，不能作出决定");

    public static Error NoVotersExpected => Error.Conflict("meeting.no_voters",
        "会议日期本组织没有应到会的有表决权党员（正式党员），支部党员大会不能作出决定");

    /// <summary>《支部工作条例》: 支委会须有半数以上委员到会.</summary>
    public static Error CommitteeNotQuorate(int seats, int present) => Error.Conflict("meeting.committee_not_quorate",
        $"应到会委员 {seats} 人，实到 {present} 人，未超过半数，不能作出决定");

    public static Error NoCommittee => Error.Conflict("meeting.no_committee",
        "会议日期本组织没有在任的委员会成员，支委会不能作出决定（请先在“班子与换届”中登记班子成员）");

    public static Error TooManyVotes(int index, string title, int cast, Electorate electorate) => Error.Conflict("meeting.too_many_votes",
        $"议题“{title}”赞成、反对、弃权合计 {cast} 票，多于实到会{electorate.Noun} {electorate.Present} 人", $"Agenda.{index}");

    /// <summary>《支部工作条例》第十四条: 赞成人数超过应到会有表决权的党员的半数，才能通过.</summary>
    public static Error PassedWithoutMajority(int index, string title, int yes, Electorate electorate) => Error.Conflict("meeting.passed_without_majority",
        $"议题“{title}”赞成 {yes} 票，未超过应到会{electorate.Noun} {electorate.Expected} 人的半数，不能记为通过", $"Agenda.{index}");

    public static Error FailedDespiteMajority(int index, string title, int yes, Electorate electorate) => Error.Conflict("meeting.failed_despite_majority",
        $"议题“{title}”赞成 {yes} 票，已超过应到会{electorate.Noun} {electorate.Expected} 人的半数，应记为通过", $"Agenda.{index}");

    public static Error HasDependents(int attachments, int findings) => Error.Conflict("meeting.has_dependents",
        $"该会议还有附件 {attachments} 个、问题清单 {findings} 条，请先删除附件并移交或删除问题清单，再删除会议");

    public static Error KindNotFound(long id) => Error.NotFound("meeting_kind.not_found", $"会议类型（编号 {id}）不存在");
    public static Error KindNameRequired => Error.Validation("meeting_kind.name_required", $"请填写会议类型名称（不超过 {MeetingKind.NameMaxLength} 个字）", "Name");
    public static Error KindNameTaken(string name) => Error.Conflict("meeting_kind.name_taken", $"已有名为“{name}”的会议类型", "Name");
    public static Error KindSortOrderRange => Error.Validation("meeting_kind.sort_order", "排序号应在 0 到 99999 之间", "SortOrder");
    public static Error BuiltInKindFixed => Error.Conflict("meeting_kind.built_in", "内置会议类型的名称取自党内法规，并被组织生活的各项要求引用，不能改名或停用");

    public static Error KindsForbidden => Error.Forbidden("会议类型全系统通用，只有系统管理员或最上级党组织的管理员可以维护");
}
