using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Meetings;

/// <summary>
/// What a user enters for a meeting, on the page or through the API. Kinds are given by code (the URL contract uses codes).
/// People are linked by member id where they are members; the name given is then ignored in favour of the record's.
/// </summary>
public sealed record MeetingInput
{
    public DateOnly? HeldOn { get; init; }
    public TimeOnly? StartTime { get; init; }
    public string? Place { get; init; }
    public string? Topic { get; init; }
    public IReadOnlyList<string>? KindCodes { get; init; }
    public long? HostMemberId { get; init; }
    public string? HostName { get; init; }
    public long? RecorderMemberId { get; init; }
    public string? RecorderName { get; init; }

    /// <summary>For a 党课: a member (linked) or an invited lecturer's name, and the lecturer's role.</summary>
    public long? LecturerMemberId { get; init; }

    public string? LecturerName { get; init; }
    public LecturerRole? LecturerRole { get; init; }

    /// <summary>Markdown; stored as entered and rendered with HTML disabled.</summary>
    public string? Minutes { get; init; }

    /// <summary>One row per person on the roster (应到): every one of them exactly once.</summary>
    public IReadOnlyList<AttendanceInput>? Attendance { get; init; }

    /// <summary>列席 and guests.</summary>
    public IReadOnlyList<ExtraAttendeeInput>? Extras { get; init; }

    public IReadOnlyList<AgendaItemInput>? AgendaItems { get; init; }
    public IReadOnlyList<KeySpeakerInput>? KeySpeakers { get; init; }
}

/// <summary>
/// The attendance of one expected member. <paramref name="Excluded"/> marks an approved exclusion from 应到会 (long-term
/// sick, abroad 6 months or more, …), which needs <paramref name="ExclusionReason"/>.
/// </summary>
public sealed record AttendanceInput(long? MemberId, AttendanceStatus? Status, string? LeaveReason = null, bool Excluded = false, string? ExclusionReason = null);

/// <summary>A 列席 (<see cref="AttendeeRole.NonVoting"/>) or a guest, linked to a member or named.</summary>
public sealed record ExtraAttendeeInput(AttendeeRole? Role, long? MemberId, string? Name);

/// <summary>
/// A 议题. A vote is recorded with its three counts and its result (<paramref name="Passed"/>: 通过 or 未通过); an item
/// that was not voted on leaves all four empty.
/// </summary>
public sealed record AgendaItemInput(string? Title, AgendaTopic? Topic, string? Decision = null, int? VotesYes = null, int? VotesNo = null, int? VotesAbstain = null, bool? Passed = null);

public sealed record KeySpeakerInput(long? MemberId, string? Name, string? Summary = null);

/// <summary>A validated meeting, ready to be written: the header, the kinds and the rows, with the snapshots computed here.</summary>
internal sealed record MeetingDraft(
    MeetingDetails Details, IReadOnlyList<long> KindIds, IReadOnlyList<MeetingAttendee> Attendees, IReadOnlyList<AgendaItem> AgendaItems,
    IReadOnlyList<KeySpeaker> KeySpeakers, int? CommitteeSize);

/// <summary>
/// Turns <see cref="MeetingInput"/> into a <see cref="MeetingDraft"/>: validation first (all input errors at once), then the
/// decision rules of <see cref="MeetingRules"/> (conflicts). IsVoter and IsCommitteeMember come from the roster and the
/// committee on the meeting date, never from the input.
/// </summary>
internal static class MeetingDrafts
{
    public static async Task<Result<MeetingDraft>> BuildAsync(
        DangjianDbContext db, Organization organization, MeetingInput input, AccessScope scope, DateOnly today, IReadOnlyCollection<long> keptKindIds, CancellationToken ct)
    {
        var errors = new List<Error>();

        DateOnly? heldOn = input.HeldOn;
        if (heldOn is null) errors.Add(MeetingErrors.HeldOnRequired);
        else if (heldOn > today) errors.Add(MeetingErrors.HeldOnInFuture);

        var codes = (input.KindCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var kinds = await db.Set<MeetingKind>().AsNoTracking().Where(k => codes.Contains(k.Code)).ToListAsync(ct);
        if (codes.Count == 0) errors.Add(MeetingErrors.KindsRequired);
        foreach (var code in codes.Where(c => kinds.All(k => k.Code != c))) errors.Add(MeetingErrors.KindUnknown(code));
        foreach (var kind in kinds.Where(k => k.IsArchived && !keptKindIds.Contains(k.Id))) errors.Add(MeetingErrors.KindArchived(kind.Name));

        var topic = Clean(input.Topic);
        if (topic is null || topic.Length > Meeting.TopicMaxLength) errors.Add(MeetingErrors.TopicRequired);
        var place = Clean(input.Place);
        if (place?.Length > Meeting.PlaceMaxLength) errors.Add(MeetingErrors.PlaceTooLong);
        var minutes = string.IsNullOrWhiteSpace(input.Minutes) ? null : input.Minutes.Replace("\r\n", "\n");
        if (minutes?.Length > Meeting.MinutesMaxLength) errors.Add(MeetingErrors.MinutesTooLong);

        var isLecture = codes.Contains(MeetingKindCodes.PartyLecture);
        if (isLecture)
        {
            if (input.LecturerMemberId is null && Clean(input.LecturerName) is null) errors.Add(MeetingErrors.LecturerRequired);
            if (input.LecturerRole is null) errors.Add(MeetingErrors.LecturerRoleRequired);
        }

        // Everyone linked outside the attendance grid must be a member the caller may see.
        var extras = input.Extras ?? [];
        var speakers = input.KeySpeakers ?? [];
        var linked = new[] { input.HostMemberId, input.RecorderMemberId, isLecture ? input.LecturerMemberId : null }
            .Concat(extras.Select(e => e.MemberId)).Concat(speakers.Select(s => s.MemberId))
            .OfType<long>().Distinct().ToList();
        var visible = scope.Organizations(db.Organizations.AsNoTracking()).Select(o => o.Id);
        var names = linked.Count == 0
            ? []
            : await db.Set<Member>().AsNoTracking().Where(m => linked.Contains(m.Id) && visible.Contains(m.OrganizationId))
                .Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);

        var host = Person(input.HostMemberId, input.HostName, "Host", "主持人", names, errors);
        var recorder = Person(input.RecorderMemberId, input.RecorderName, "Recorder", "记录人", names, errors);
        var lecturer = isLecture ? Person(input.LecturerMemberId, input.LecturerName, "Lecturer", "授课人", names, errors) : (null, null);

        var agenda = new List<AgendaItem>();
        var agendaFacts = new List<AgendaFact>();
        var items = input.AgendaItems ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var title = Clean(item.Title);
            var decision = Clean(item.Decision);
            if (title is null || title.Length > AgendaItem.TitleMaxLength) errors.Add(MeetingErrors.AgendaTitleRequired(i));
            if (item.Topic is null) errors.Add(MeetingErrors.AgendaTopicRequired(i));
            if (decision?.Length > AgendaItem.DecisionMaxLength) errors.Add(MeetingErrors.DecisionTooLong(i));
            var voted = item.VotesYes is not null || item.VotesNo is not null || item.VotesAbstain is not null;
            if (item.VotesYes < 0 || item.VotesNo < 0 || item.VotesAbstain < 0) errors.Add(MeetingErrors.VotesNegative(i));
            if (voted && item.Passed is null) errors.Add(MeetingErrors.VotesWithoutResult(i, title ?? ""));
            if (item.Passed is not null && item.VotesYes is null) errors.Add(MeetingErrors.ResultWithoutVotes(i, title ?? ""));
            int? yes = voted ? item.VotesYes ?? 0 : null;
            agenda.Add(AgendaItem.Create(i + 1, title ?? "", item.Topic ?? AgendaTopic.Other, decision, yes, item.VotesNo, item.VotesAbstain, item.Passed));
            agendaFacts.Add(new AgendaFact(i, title ?? "", decision is not null || voted, yes, voted ? item.VotesNo ?? 0 : null, voted ? item.VotesAbstain ?? 0 : null, item.Passed));
        }

        var keySpeakers = new List<KeySpeaker>();
        for (var i = 0; i < speakers.Count; i++)
        {
            var s = speakers[i];
            var name = s.MemberId is long id ? names.GetValueOrDefault(id) : Clean(s.Name);
            if (s.MemberId is long missing && !names.ContainsKey(missing)) errors.Add(MeetingErrors.PersonNotFound($"Speakers.{i}", "重点发言人", missing));
            else if (name is null || name.Length > Meeting.NameMaxLength) errors.Add(MeetingErrors.SpeakerNameRequired(i));
            var summary = Clean(s.Summary);
            if (summary?.Length > KeySpeaker.SummaryMaxLength) errors.Add(MeetingErrors.SpeakerSummaryTooLong(i));
            keySpeakers.Add(KeySpeaker.Create(s.MemberId, name ?? "", summary));
        }

        if (heldOn is not DateOnly date || codes.Count == 0 || kinds.Count != codes.Count)
        {
            // Without a date and kinds there is no roster to check the attendance against.
            return Result<MeetingDraft>.Failure(errors);
        }

        if (organization.DissolvedOn is DateOnly dissolved && date >= dissolved) errors.Add(MeetingErrors.OrganizationDissolved(organization.Name, dissolved));

        var roster = await MeetingRosters.ForAsync(db, organization, date, codes, ct);
        var attendees = Attendance(roster, input.Attendance ?? [], date, errors);
        for (var i = 0; i < extras.Count; i++)
        {
            var extra = extras[i];
            var name = extra.MemberId is long id ? names.GetValueOrDefault(id) : Clean(extra.Name);
            if (extra.Role is not (AttendeeRole.NonVoting or AttendeeRole.Guest)) errors.Add(MeetingErrors.ExtraRoleRequired(i));
            if (extra.MemberId is long missing && !names.ContainsKey(missing)) errors.Add(MeetingErrors.PersonNotFound($"Extras.{i}", "列席或嘉宾", missing));
            else if (name is null || name.Length > Meeting.NameMaxLength) errors.Add(MeetingErrors.ExtraNameRequired(i));
            else if (extra.MemberId is long onRoster && roster.People.Any(p => p.MemberId == onRoster)) errors.Add(MeetingErrors.ExtraOnRoster(i, name));

            // 列席 and guests are recorded as present: the row exists because they came.
            attendees.Add(MeetingAttendee.Create(extra.MemberId, name ?? "", extra.Role ?? AttendeeRole.Guest, AttendanceStatus.Present, null, false, false, false, null));
        }

        if (errors.Count > 0) return Result<MeetingDraft>.Failure(errors);

        int? committeeSize = roster.CommitteeSize;
        var counts = MeetingRules.Count(attendees.Select(AttendeeFact.Of), committeeSize);
        var conflicts = MeetingRules.CheckDecisions(codes, counts, agendaFacts);
        if (conflicts.Count > 0) return Result<MeetingDraft>.Failure(conflicts);

        var details = new MeetingDetails(
            date, input.StartTime, place, topic!, input.HostMemberId, host.Name, input.RecorderMemberId, recorder.Name,
            isLecture ? input.LecturerMemberId : null, lecturer.Name, isLecture ? input.LecturerRole : null, minutes);
        var kindIds = codes.Select(c => kinds.Single(k => k.Code == c).Id).ToList();
        return new MeetingDraft(details, kindIds, attendees, agenda, keySpeakers, committeeSize);
    }

    /// <summary>Each roster person exactly once, with a status; nobody off the roster counts in 应到.</summary>
    private static List<MeetingAttendee> Attendance(MeetingRoster roster, IReadOnlyList<AttendanceInput> rows, DateOnly date, List<Error> errors)
    {
        var expected = roster.People.ToDictionary(p => p.MemberId);
        var seen = new HashSet<long>();
        var attendees = new List<MeetingAttendee>();
        foreach (var row in rows)
        {
            if (row.MemberId is not long memberId || !expected.TryGetValue(memberId, out var person))
            {
                errors.Add(MeetingErrors.NotOnRoster(row.MemberId ?? 0, date));
                continue;
            }

            if (!seen.Add(memberId))
            {
                errors.Add(MeetingErrors.AttendanceDuplicate(memberId, person.Name));
                continue;
            }

            var leaveReason = Clean(row.LeaveReason);
            var exclusionReason = Clean(row.ExclusionReason);
            if (row.Status is not AttendanceStatus status)
            {
                errors.Add(MeetingErrors.AttendanceStatusRequired(memberId, person.Name));
                continue;
            }

            if (status == AttendanceStatus.Leave && (leaveReason is null || leaveReason.Length > MeetingAttendee.ReasonMaxLength))
            {
                errors.Add(MeetingErrors.LeaveReasonRequired(memberId, person.Name));
            }

            if (row.Excluded && status == AttendanceStatus.Present) errors.Add(MeetingErrors.ExcludedButPresent(memberId, person.Name));
            else if (row.Excluded && (exclusionReason is null || exclusionReason.Length > MeetingAttendee.ReasonMaxLength))
            {
                errors.Add(MeetingErrors.ExclusionReasonRequired(memberId, person.Name));
            }

            attendees.Add(MeetingAttendee.Create(
                memberId, person.Name, AttendeeRole.Member, status, leaveReason, person.IsVoter, person.IsCommitteeMember, row.Excluded, exclusionReason));
        }

        foreach (var person in roster.People.Where(p => !seen.Contains(p.MemberId)))
        {
            errors.Add(MeetingErrors.MissingFromAttendance(person.MemberId, person.Name));
        }

        return attendees;
    }

    private static (long? MemberId, string? Name) Person(long? memberId, string? name, string field, string label, Dictionary<long, string> names, List<Error> errors)
    {
        if (memberId is long id)
        {
            if (names.TryGetValue(id, out var found)) return (id, found);
            errors.Add(MeetingErrors.PersonNotFound(field, label, id));
            return (null, null);
        }

        var cleaned = Clean(name);
        if (cleaned?.Length > Meeting.NameMaxLength) errors.Add(MeetingErrors.NameTooLong(field, label));
        return (null, cleaned);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
