using Dangjian.Core.Common;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Infrastructure;

namespace Dangjian.Web.Features.Development.Candidates;

/// <summary>A candidate as an API call submits it; <see cref="Reason"/> is needed when an update changes the application date.</summary>
public sealed record CandidateRequest(
    long? OrganizationId, string? Name, Gender? Gender, string? Ethnicity, DateOnly? BirthDate, string? IdNumber, string? NativePlace, Education? Education,
    Occupation? Occupation, EmploymentStatus? EmploymentStatus, string? Employer, string? Phone, bool? IsLeagueMember, bool? RecommendedByLeague,
    DateOnly? ApplicationDate, string? Reason = null)
{
    public CandidateInput Input => new()
    {
        Name = Name, Gender = Gender, Ethnicity = Ethnicity, BirthDate = BirthDate, IdNumber = IdNumber, NativePlace = NativePlace, Education = Education,
        Occupation = Occupation, EmploymentStatus = EmploymentStatus, Employer = Employer, Phone = Phone, IsLeagueMember = IsLeagueMember ?? false,
        RecommendedByLeague = RecommendedByLeague ?? false, ApplicationDate = ApplicationDate,
    };
}

/// <summary>应到会, 实到会, the votes and the written opinions of absent voters.</summary>
public sealed record VoteRequest(int? ExpectedVoters, int? PresentVoters, int? Yes, int? No, int? Abstain, int? WrittenYes, int? WrittenNo)
{
    public VoteCount Count => new(ExpectedVoters ?? 0, PresentVoters ?? 0, Yes ?? 0, No ?? 0, Abstain ?? 0, WrittenYes ?? 0, WrittenNo ?? 0);
}

/// <summary>One completed step. <see cref="MemberIds"/> names the 培养联系人 (step 5) or 入党介绍人 (step 9).</summary>
public sealed record StepRequest(
    int? Step, DateOnly? CompletedOn, string? Person, string? Note, bool? DocumentsFiled, IReadOnlyList<long>? MemberIds, bool? ReviewPassed, int? TrainingDays,
    int? TrainingHours, DateOnly? NoticeFrom, DateOnly? NoticeTo, DateOnly? LeavesUnitOn, VoteRequest? Vote)
{
    public Result<CompleteStepCommand> ToCommand(long candidateId)
    {
        var errors = new List<Error>();
        if (Step is null) errors.Add(Error.Validation("development.step_required", "请选择步骤", "Step"));
        if (CompletedOn is null) errors.Add(CandidateForms.StepDateRequired);
        if (errors.Count > 0) return Result<CompleteStepCommand>.Failure(errors);
        var details = new StepDetails
        {
            Person = Person, Note = Note, DocumentsFiled = DocumentsFiled ?? false, MemberIds = MemberIds ?? [], ReviewPassed = ReviewPassed,
            TrainingDays = TrainingDays, TrainingHours = TrainingHours, NoticeFrom = NoticeFrom, NoticeTo = NoticeTo, LeavesUnitOn = LeavesUnitOn, Vote = Vote?.Count,
        };
        return new CompleteStepCommand(candidateId, Step!.Value, CompletedOn!.Value, details);
    }
}

public sealed record StepDateRequest(DateOnly? CompletedOn, string? Reason);

public sealed record StepFiledRequest(bool Filed);

public sealed record ExtensionRequest(DateOnly? On, int? Months, string? Reason);

public sealed record CancellationRequest(DateOnly? On, string? Reason);

public static class CandidateEndpoints
{
    public static RouteGroupBuilder MapDevelopmentCandidateEndpoints(this RouteGroupBuilder api)
    {
        var candidates = api.MapGroup("/development/candidates").WithTags("发展党员");

        candidates.MapGet("/", async (long? under, CandidateStage? stage, bool? all, string? name, bool? overdue, int? page, int? pageSize,
                ListCandidatesHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new ListCandidatesQuery
            {
                Under = under, Stage = stage, AllStages = all ?? false, Name = name, OverdueOnly = overdue ?? false, Page = page, PageSize = pageSize,
            }, await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("发展党员名单（under=组织编号；stage=Applicant/Activist/DevelopmentTarget/Probationary/Confirmed/Cancelled，缺省为尚在发展程序中的人员；all=true 含已转正和已取消；name=姓名包含；overdue=true 只列有超期事项的人员）");

        candidates.MapGet("/{id:long}", async (long id, GetCandidateDetailsHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new GetCandidateDetailsQuery(id), await access.ScopeAsync(ct), ct)).ToHttp(Results.Ok))
            .WithSummary("一名入党申请人的发展进度：当前阶段、下一步骤及期限、提醒和已完成的步骤（身份证号和电话按权限脱敏，未脱敏的查看记入审计）");

        candidates.MapPost("/", async (CandidateRequest request, CreateCandidateHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new CreateCandidateCommand(request.OrganizationId ?? 0, request.Input), await access.ScopeAsync(ct), ct))
                .ToHttp(id => Results.Created($"/api/v1/development/candidates/{id}", new { id })))
            .WithSummary("登记入党申请人（年满 18 周岁；同时记录第 1 步“递交入党申请书”）");

        candidates.MapPut("/{id:long}", async (long id, CandidateRequest request, UpdateCandidateHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new UpdateCandidateCommand(id, request.Input, request.Reason), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("修改入党申请人信息（更改申请日期须填写原因 reason）");

        candidates.MapPost("/{id:long}/steps", async (long id, StepRequest request, CompleteStepHandler handler, RequestAccess access, CancellationToken ct) =>
        {
            var command = request.ToCommand(id);
            if (!command.IsSuccess) return command.ToHttp(_ => Results.NoContent());
            return (await handler.HandleAsync(command.Value, await access.ScopeAsync(ct), ct))
                .ToHttp(stepId => Results.Created($"/api/v1/development/candidates/{id}/steps/{stepId}", new { id = stepId }));
        })
            .WithSummary("完成一个步骤（按《中国共产党发展党员工作细则》检查顺序和硬性规定；第 17 步审批后自动登记为预备党员，第 24 步审批后转为正式党员）");

        candidates.MapPut("/{id:long}/steps/{stepId:long}/date", async (long id, long stepId, StepDateRequest request, CorrectStepDateHandler handler, RequestAccess access, CancellationToken ct) =>
        {
            if (request.CompletedOn is not DateOnly on) return Result<Done>.Failure(CandidateForms.StepDateRequired).ToHttp(_ => Results.NoContent());
            return (await handler.HandleAsync(new CorrectStepDateCommand(id, stepId, on, request.Reason), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent());
        })
            .WithSummary("更正步骤日期（须填写原因，更正记入审计）");

        candidates.MapPut("/{id:long}/steps/{stepId:long}/filed", async (long id, long stepId, StepFiledRequest request, MarkStepFiledHandler handler, RequestAccess access, CancellationToken ct) =>
            (await handler.HandleAsync(new MarkStepFiledCommand(id, stepId, request.Filed), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent()))
            .WithSummary("标记步骤材料已归档（或取消标记）");

        candidates.MapPost("/{id:long}/extension", async (long id, ExtensionRequest request, ExtendProbationHandler handler, RequestAccess access, CancellationToken ct) =>
        {
            var errors = CandidateForms.DecisionFields(request.On, request.Months, needsMonths: true);
            if (errors.Count > 0) return Result<Done>.Failure(errors).ToHttp(_ => Results.NoContent());
            return (await handler.HandleAsync(new ExtendProbationCommand(id, request.On!.Value, request.Months!.Value, request.Reason), await access.ScopeAsync(ct), ct))
                .ToHttp(_ => Results.NoContent());
        })
            .WithSummary("延长预备期（只能一次，6 至 12 个月，须填写原因）");

        candidates.MapPost("/{id:long}/cancellation", async (long id, CancellationRequest request, CancelProbationHandler handler, RequestAccess access, CancellationToken ct) =>
        {
            var errors = CandidateForms.DecisionFields(request.On, null, needsMonths: false);
            if (errors.Count > 0) return Result<Done>.Failure(errors).ToHttp(_ => Results.NoContent());
            return (await handler.HandleAsync(new CancelProbationCommand(id, request.On!.Value, request.Reason), await access.ScopeAsync(ct), ct)).ToHttp(_ => Results.NoContent());
        })
            .WithSummary("取消预备党员资格（党员档案同时记为出党，须填写原因）");

        return api;
    }
}
