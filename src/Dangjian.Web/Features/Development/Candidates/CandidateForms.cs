using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Features.Members;

namespace Dangjian.Web.Features.Development.Candidates;

/// <summary>The texts and parsing shared by the candidate pages and API: every field is posted as text, so a bad value becomes a Chinese message under it.</summary>
public static class CandidateForms
{
    public static Error StepDateRequired => Error.Validation("development.step_date_required", "请填写步骤完成日期", "CompletedOn");

    public static string StageLabel(CandidateStage stage) => stage switch
    {
        CandidateStage.Applicant => "入党申请人",
        CandidateStage.Activist => "入党积极分子",
        CandidateStage.DevelopmentTarget => "发展对象",
        CandidateStage.Probationary => "预备党员",
        CandidateStage.Confirmed => "已转正",
        _ => "已取消预备党员资格",
    };

    public static string Standing(CandidateBranchMember m) =>
        m.Status == MembershipStatus.OnProbationPunishment ? "留党察看" : m.Status == MembershipStatus.Normal ? m.Category.Label() : m.Status.Label();

    /// <summary>The date and months of an extension or cancellation, before the handler sees them.</summary>
    public static List<Error> DecisionFields(DateOnly? on, int? months, bool needsMonths)
    {
        var errors = new List<Error>();
        if (on is null) errors.Add(Error.Validation("development.decision_date", "请填写决定日期", "On"));
        if (needsMonths && months is null) errors.Add(Error.Validation("development.extension_months_required", "请填写延长的月数", "Months"));
        return errors;
    }

    internal static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    internal static int? Int(string? text, string field, string label, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(Error.Validation("form.integer", $"{label}应为不小于 0 的整数", field));
        return null;
    }

    internal static long? Long(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>The 入党申请人 form: the members' identity fields, the application date, 工作单位 and 团员 / 推优.</summary>
public sealed class CandidateForm
{
    public string? OrganizationId { get; set; }
    public string? Name { get; set; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? BirthDate { get; set; }
    public string? IdNumber { get; set; }
    public string? NativePlace { get; set; }
    public string? Education { get; set; }
    public string? Occupation { get; set; }
    public string? EmploymentStatus { get; set; }
    public string? Employer { get; set; }
    public string? Phone { get; set; }
    public bool IsLeagueMember { get; set; }
    public bool RecommendedByLeague { get; set; }
    public string? ApplicationDate { get; set; }

    /// <summary>Why the application date changed (edit only): a correction of step 1, audited.</summary>
    public string? Reason { get; set; }

    public static CandidateForm From(CandidateDetails d) => new()
    {
        Name = d.Name, Gender = d.Gender.ToString(), Ethnicity = d.Ethnicity, BirthDate = CandidateForms.Text(d.BirthDate), IdNumber = d.IdNumber,
        NativePlace = d.NativePlace, Education = d.Education?.ToString(), Occupation = d.Occupation?.ToString(), EmploymentStatus = d.EmploymentStatus.ToString(),
        Employer = d.Employer, Phone = d.Phone, IsLeagueMember = d.IsLeagueMember, RecommendedByLeague = d.RecommendedByLeague,
        ApplicationDate = CandidateForms.Text(d.ApplicationDate),
    };

    public Result<CandidateInput> ToInput()
    {
        var errors = new List<Error>();
        var input = new CandidateInput
        {
            Name = Name, Ethnicity = Ethnicity, IdNumber = IdNumber, NativePlace = NativePlace, Employer = Employer, Phone = Phone,
            IsLeagueMember = IsLeagueMember, RecommendedByLeague = RecommendedByLeague,
            Gender = MemberForm.Choice<Gender>(Gender, "Gender", "性别", errors),
            Education = MemberForm.Choice<Education>(Education, "Education", "学历", errors),
            Occupation = MemberForm.Choice<Occupation>(Occupation, "Occupation", "职业", errors),
            EmploymentStatus = MemberForm.Choice<EmploymentStatus>(EmploymentStatus, "EmploymentStatus", "从业状态", errors),
            BirthDate = MemberForm.Date(BirthDate, "BirthDate", "出生日期", errors),
            ApplicationDate = MemberForm.Date(ApplicationDate, "ApplicationDate", "递交入党申请书日期", errors),
        };
        return errors.Count > 0 ? Result<CandidateInput>.Failure(errors) : input;
    }
}

/// <summary>A completed step as posted; which fields show depends on the step's <see cref="StepFields"/>.</summary>
public sealed class StepForm
{
    public string? CompletedOn { get; set; }
    public string? Person { get; set; }
    public string? Note { get; set; }
    public bool DocumentsFiled { get; set; }
    public string? FirstMemberId { get; set; }
    public string? SecondMemberId { get; set; }

    /// <summary>"true" (通过), "false" (未通过) or empty (未作结论).</summary>
    public string? ReviewPassed { get; set; }

    public string? TrainingDays { get; set; }
    public string? TrainingHours { get; set; }
    public string? NoticeFrom { get; set; }
    public string? NoticeTo { get; set; }
    public string? LeavesUnitOn { get; set; }
    public string? ExpectedVoters { get; set; }
    public string? PresentVoters { get; set; }
    public string? Yes { get; set; }
    public string? No { get; set; }
    public string? Abstain { get; set; }
    public string? WrittenYes { get; set; }
    public string? WrittenNo { get; set; }

    public Result<CompleteStepCommand> ToCommand(long candidateId, DevelopmentStepDefinition step)
    {
        var errors = new List<Error>();
        var on = MemberForm.Date(CompletedOn, "CompletedOn", "完成日期", errors);
        if (on is null && errors.Count == 0) errors.Add(CandidateForms.StepDateRequired);
        var members = new[] { CandidateForms.Long(FirstMemberId), CandidateForms.Long(SecondMemberId) }.OfType<long>().ToList();
        VoteCount? vote = null;
        if (step.Needs(StepFields.Vote))
        {
            var expected = CandidateForms.Int(ExpectedVoters, "Vote", "应到会人数", errors);
            var present = CandidateForms.Int(PresentVoters, "Vote", "实到会人数", errors);
            var yes = CandidateForms.Int(Yes, "Vote", "赞成票", errors);
            var no = CandidateForms.Int(No, "Vote", "反对票", errors);
            var abstain = CandidateForms.Int(Abstain, "Vote", "弃权票", errors);
            var writtenYes = CandidateForms.Int(WrittenYes, "Vote", "书面赞成意见", errors);
            var writtenNo = CandidateForms.Int(WrittenNo, "Vote", "书面反对意见", errors);
            if (expected is not null) vote = new VoteCount(expected.Value, present ?? 0, yes ?? 0, no ?? 0, abstain ?? 0, writtenYes ?? 0, writtenNo ?? 0);
        }

        var details = new StepDetails
        {
            Person = step.Needs(StepFields.Person) ? Person : null,
            Note = Note,
            DocumentsFiled = DocumentsFiled,
            MemberIds = step.Needs(StepFields.Mentors) || step.Needs(StepFields.Sponsors) ? members : [],
            ReviewPassed = step.Needs(StepFields.ReviewConclusion) ? ReviewPassed switch { "true" => true, "false" => false, _ => null } : null,
            TrainingDays = step.Needs(StepFields.Training) ? CandidateForms.Int(TrainingDays, "TrainingDays", "培训天数", errors) : null,
            TrainingHours = step.Needs(StepFields.Training) ? CandidateForms.Int(TrainingHours, "TrainingDays", "培训学时", errors) : null,
            NoticeFrom = step.Needs(StepFields.PublicNotice) ? MemberForm.Date(NoticeFrom, "NoticeFrom", "公示开始日期", errors) : null,
            NoticeTo = step.Needs(StepFields.PublicNotice) ? MemberForm.Date(NoticeTo, "NoticeTo", "公示结束日期", errors) : null,
            LeavesUnitOn = step.Needs(StepFields.LeavingUnit) ? MemberForm.Date(LeavesUnitOn, "LeavesUnitOn", "离开单位日期", errors) : null,
            Vote = vote,
        };
        if (errors.Count > 0) return Result<CompleteStepCommand>.Failure(errors);
        return new CompleteStepCommand(candidateId, step.Number, on!.Value, details);
    }
}

/// <summary>更正日期: the new date and the reason, which the audit log keeps.</summary>
public sealed class StepDateForm
{
    public string? CompletedOn { get; set; }
    public string? Reason { get; set; }
}

/// <summary>延长预备期 or 取消预备党员资格: the decision date, the months (extension only) and the reason.</summary>
public sealed class ProbationDecisionForm
{
    public string? On { get; set; }
    public string? Months { get; set; }
    public string? Reason { get; set; }
}
