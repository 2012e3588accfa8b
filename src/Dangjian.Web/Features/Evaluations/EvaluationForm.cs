using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Web.Components.Shared;
using Dangjian.Web.Features.Committees;

namespace Dangjian.Web.Features.Evaluations;

/// <summary>The posted 民主评议 grid: header fields and one row per roster member.</summary>
public sealed class EvaluationForm
{
    public string? Year { get; set; }
    public string? HeldOn { get; set; }
    public string? MeetingId { get; set; }
    public string? Note { get; set; }
    public string? GradeProbationary { get; set; }
    public List<EvaluationRowForm> Rows { get; set; } = [];

    public bool GradesProbationary => GradeProbationary == "true";

    /// <summary>Fills the form from what is recorded (or from a draft: everyone taking part, nobody graded).</summary>
    public static EvaluationForm From(int year, DateOnly heldOn, long? meetingId, string? note, bool gradeProbationary, IEnumerable<EvaluationRow> rows) => new()
    {
        Year = year.ToString(CultureInfo.InvariantCulture),
        HeldOn = Fmt.Date(heldOn),
        MeetingId = meetingId?.ToString(CultureInfo.InvariantCulture),
        Note = note,
        GradeProbationary = gradeProbationary ? "true" : null,
        Rows = rows.Select(r => new EvaluationRowForm
        {
            MemberId = r.MemberId.ToString(CultureInfo.InvariantCulture),
            Participated = r.Participated ? "true" : null,
            Grade = r.Grade?.ToString(),
            Note = r.Note,
            Deadline = r.CaseStatus == DispositionStatus.Open ? Fmt.Date(r.CaseDeadline) : null,
        }).ToList(),
    };

    public EvaluationRowForm? RowFor(long memberId) => Rows.FirstOrDefault(r => r.MemberId == memberId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The handler's input, or the format errors of the fields (under their names) when something cannot be read.</summary>
    public Result<EvaluationInput> ToInput()
    {
        var errors = new List<Error>();
        var year = FormParse.Int(Year, "Year", "评议年度", errors);
        var heldOn = FormParse.Date(HeldOn, "HeldOn", "评议日期", errors);
        var entries = new List<EvaluationEntryInput>();
        foreach (var row in Rows)
        {
            if (FormParse.Long(row.MemberId) is not long memberId) continue;
            EvaluationGrade? grade = Enum.TryParse<EvaluationGrade>(row.Grade, out var g) && Enum.IsDefined(g) ? g : null;
            var deadline = FormParse.Date(row.Deadline, "Entries", "限期改正期限", errors);
            entries.Add(new EvaluationEntryInput(memberId, row.Participated == "true", grade, row.Note, grade == EvaluationGrade.Unqualified ? deadline : null));
        }

        if (errors.Count > 0) return Result<EvaluationInput>.Failure(errors);
        return new EvaluationInput
        {
            Year = year, HeldOn = heldOn, MeetingId = FormParse.Long(MeetingId), Note = Note, GradeProbationary = GradesProbationary, Entries = entries,
        };
    }
}

public sealed class EvaluationRowForm
{
    public string? MemberId { get; set; }
    public string? Participated { get; set; }
    public string? Grade { get; set; }
    public string? Note { get; set; }
    public string? Deadline { get; set; }
}
