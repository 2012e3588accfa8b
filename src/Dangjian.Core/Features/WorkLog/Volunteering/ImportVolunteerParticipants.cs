using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

/// <summary>One data row of a participants sheet: 身份证号, 姓名, 所在支部, 服务时长（小时）.</summary>
public sealed record VolunteerSheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The participants sheet: headers the template carries and the reader expects, in this order.</summary>
public static class VolunteerParticipantSheet
{
    public const string SheetName = "志愿服务参与党员";
    public static readonly IReadOnlyList<string> Headers = ["身份证号", "姓名", "所在支部", "服务时长（小时）"];
    public static readonly IReadOnlyList<double> Widths = [24, 12, 28, 16];
    public const int MaxRows = 2000;
}

public sealed record ImportVolunteerParticipantsCommand(long ActivityId, IReadOnlyList<VolunteerSheetRow> Rows);

public sealed record VolunteerImportResult(int Imported, int Participants, decimal TotalHours);

/// <summary>
/// Adds the members of a sheet to an activity (a member already on it gets the sheet's hours). Validate, then commit: every row
/// is checked first (member found by 身份证号, or by 姓名 + 所在支部, inside the caller's scope; hours 0–24 with two decimals;
/// with the activity's other rules re-checked on the result); one bad row reports its row number and reason and nothing is saved.
/// </summary>
public sealed class ImportVolunteerParticipantsHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<VolunteerImportResult>> HandleAsync(ImportVolunteerParticipantsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await VolunteerActivityRules.LoadAsync(db, command.ActivityId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var activity = loaded.Value;

        var errors = new List<Error>();
        var rows = command.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) return Error.Validation("worklog.import.empty", "表格中没有参与党员数据（第一行为表头，从第二行起每行一名党员）", "file");
        if (rows.Count > VolunteerParticipantSheet.MaxRows)
            return Error.Validation("worklog.import.tooMany", $"一次最多导入{VolunteerParticipantSheet.MaxRows}行，本表有{rows.Count}行", "file");

        // Candidates: members in the caller's Write scope, looked up by the ID numbers and names the sheet gives.
        var ids = rows.Select(r => IdNumber.Normalize(Cell(r, 0))).Where(s => s.Length > 0).Distinct().ToList();
        var names = rows.Select(r => Cell(r, 1)).Where(s => s.Length > 0).Distinct().ToList();
        var candidates = (await (from m in db.Set<Member>().AsNoTracking()
                                 join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                                 where ids.Contains(m.IdNumber) || names.Contains(m.Name)
                                 select new { m.Id, m.Name, m.IdNumber, OrganizationName = o.Name, o.ShortName, o.Path }).ToListAsync(ct))
            .Where(c => scope.Allows(c.Path, Permission.Write)).ToList();

        var resolved = new List<(int Row, long MemberId, decimal Hours)>();
        foreach (var row in rows)
        {
            var prefix = $"第{row.Number}行：";
            var id = IdNumber.Normalize(Cell(row, 0));
            var name = Cell(row, 1);
            var branch = Cell(row, 2);
            long? memberId = null;
            if (id.Length > 0)
            {
                var match = candidates.FirstOrDefault(c => c.IdNumber == id);
                if (match is null) errors.Add(Error.Validation("worklog.import.member", $"{prefix}身份证号为{IdNumber.Mask(id)}的党员不存在或不在您的管理范围内", "file"));
                else if (name.Length > 0 && match.Name != name) errors.Add(Error.Validation("worklog.import.member", $"{prefix}身份证号与姓名“{name}”不一致", "file"));
                else memberId = match.Id;
            }
            else if (name.Length == 0) errors.Add(Error.Validation("worklog.import.member", $"{prefix}请填写身份证号，或填写姓名和所在支部", "file"));
            else
            {
                var matches = candidates.Where(c => c.Name == name && (branch.Length == 0 || c.OrganizationName == branch || c.ShortName == branch)).ToList();
                if (matches.Count == 0) errors.Add(Error.Validation("worklog.import.member", $"{prefix}找不到{(branch.Length > 0 ? $"“{branch}”的" : "")}党员“{name}”，或不在您的管理范围内", "file"));
                else if (matches.Count > 1) errors.Add(Error.Validation("worklog.import.member", $"{prefix}有{matches.Count}名党员叫“{name}”，请填写所在支部或身份证号", "file"));
                else memberId = matches[0].Id;
            }

            var hoursText = Cell(row, 3);
            decimal? hours = null;
            if (hoursText.Length == 0) errors.Add(Error.Validation("worklog.import.hours", $"{prefix}请填写服务时长", "file"));
            else if (!decimal.TryParse(hoursText, NumberStyles.Number, CultureInfo.InvariantCulture, out var h))
                errors.Add(Error.Validation("worklog.import.hours", $"{prefix}服务时长“{hoursText}”不是数字", "file"));
            else
            {
                var v = new WorkLogValidation();
                v.HoursPerDay(h, "file", memberId is null ? "该党员" : name.Length > 0 ? name : "该党员");
                v.Decimals(h, 2, "file", "服务时长");
                errors.AddRange(v.Errors.Select(e => e with { Message = prefix + e.Message }));
                if (v.IsValid) hours = h;
            }

            if (memberId is long mid && resolved.FirstOrDefault(r => r.MemberId == mid) is { Row: > 0 } earlier)
                errors.Add(Error.Validation("worklog.import.duplicate", $"{prefix}与第{earlier.Row}行是同一名党员", "file"));
            else if (memberId is long m2 && hours is decimal hh) resolved.Add((row.Number, m2, hh));
        }

        if (errors.Count > 0) return Result<VolunteerImportResult>.Failure(errors);

        // The activity as it would be after the import, checked by the same rules as the form (24 hours a day across activities).
        var merged = activity.Participants.Where(p => resolved.All(r => r.MemberId != p.MemberId)).Select(p => new ParticipantInput(p.MemberId, p.Hours))
            .Concat(resolved.Select(r => new ParticipantInput(r.MemberId, r.Hours))).ToList();
        var input = new VolunteerActivityInput
        {
            HeldOn = activity.HeldOn, Title = activity.Title, ServiceProject = activity.ServiceProject, ProjectClaimed = activity.ProjectClaimed,
            PublicVolunteers = activity.PublicVolunteers, Note = activity.Note, Participants = merged,
        };
        var valid = await VolunteerActivityRules.ValidateAsync(db, scope, input, activity.Id, clock.Today(), ct);
        if (!valid.IsSuccess) return Result<VolunteerImportResult>.Failure(valid.Errors);
        activity.SetParticipants(valid.Value.Participants);
        await db.SaveChangesAsync(ct);
        return new VolunteerImportResult(resolved.Count, activity.Participants.Count, activity.TotalHours);
    }

    private static string Cell(VolunteerSheetRow row, int index) => index < row.Cells.Count ? (row.Cells[index] ?? "").Trim() : "";
}
