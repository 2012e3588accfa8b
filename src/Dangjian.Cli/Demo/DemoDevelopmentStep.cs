using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// 发展党员 for the demo branches: 40 people at every stage, through the real handlers (so every step keeps the rules):
/// - 8 入党申请人 (the first handed in the application 40 days ago and nobody has talked to them: a missed talk);
/// - 10 入党积极分子, 8 发展对象;
/// - one whose 支部大会 vote was 4 months ago and whose 上级党委审批 is still missing (overdue);
/// - 7 预备党员, the first of them with a probation that ends next month; 4 already 转正;
/// - one 预备党员 whose probation was extended by 6 months, and one whose 预备党员资格 was cancelled;
/// - this year's plan for the root (8–12) and every branch (1–2).
/// Dates are relative to today and follow <see cref="CompliantSchedule"/>. Idempotent: a person whose 身份证号 is
/// already on the pipeline is left alone.
/// </summary>
public sealed class DemoDevelopmentStep(
    IDbContextFactory<DangjianDbContext> dbFactory,
    CreateCandidateHandler create,
    CompleteStepHandler complete,
    ExtendProbationHandler extend,
    CancelProbationHandler cancel,
    SetDevelopmentPlanHandler plan,
    TimeProvider clock) : IDemoSeedStep
{
    public const int PeopleCount = 40;

    /// <summary>Admitted (上级党委审批) and so members: 7 预备党员, 4 转正, the extended and the cancelled one.</summary>
    public const int AdmittedCount = 13;

    public int Order => 650;

    public string Title => "发展党员";

    private enum Fate
    {
        OnSchedule,
        Extended,
        Cancelled,
    }

    /// <summary>Who the person is on the pipeline: the day of application, the last step to record (steps dated after today wait), and what happened to the probation.</summary>
    private sealed record Person(int Index, DateOnly Applied, int LastStep, Fate Fate = Fate.OnSchedule);

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = clock.Today();
        var branchCodes = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch() && context.Organizations.ContainsKey(o.Code)).Select(o => o.Code).ToList();
        if (branchCodes.Count == 0) return 0;
        var people = Plan(today);
        var created = 0;
        foreach (var person in people)
        {
            var code = branchCodes[person.Index % branchCodes.Count];
            var result = await SeedAsync(context, person, context.OrganizationId(code), DemoCatalog.Organizations.Single(o => o.Code == code), today, ct);
            if (!result.IsSuccess) return result;
            created += result.Value;
        }

        var plans = await PlansAsync(context, branchCodes, today.Year, ct);
        if (!plans.IsSuccess) return Result<int>.Failure(plans.Errors);
        if (created > 0) context.Log.WriteLine($"发展党员：{created} 人（一人上级审批逾期，一人下月预备期满）");
        return created;
    }

    /// <summary>The 40 people, by the day each must have applied for the stage they stand at today.</summary>
    private static List<Person> Plan(DateOnly today)
    {
        var list = new List<Person>();
        // 入党申请人: the first applied 40 days ago and was never talked to.
        list.Add(new Person(0, today.AddDays(-40), 1));
        for (var i = 1; i < 8; i++) list.Add(new Person(i, today.AddDays(-15 - i * 18), 2));
        // 入党积极分子: applied 7 to 17 months ago.
        for (var i = 8; i < 18; i++) list.Add(new Person(i, today.AddMonths(-7 - (i - 8)), 6));
        // 发展对象: chosen a few days to five weeks ago, somewhere between 上级备案 and 入党志愿书.
        for (var i = 18; i < 26; i++) list.Add(new Person(i, today.AddMonths(-18).AddDays(-3 - (i - 18) * 5), 14));
        // Voted in the branch 4 months ago; the upper committee has not approved yet.
        list.Add(new Person(26, CompliantSchedule.AppliedForVoteOn(today.AddMonths(-4)), DevelopmentCatalogue.UpperTalk));
        // 预备党员: the first one's probation ends next month.
        list.Add(new Person(27, CompliantSchedule.AppliedForVoteOn(today.AddMonths(1).AddYears(-1)), DevelopmentCatalogue.ProbationEducation));
        for (var i = 28; i < 34; i++) list.Add(new Person(i, CompliantSchedule.AppliedForVoteOn(today.AddDays(-60 - (i - 28) * 45)), DevelopmentCatalogue.ProbationEducation));
        // 转正 between one and two years after the vote.
        for (var i = 34; i < 38; i++) list.Add(new Person(i, CompliantSchedule.AppliedForVoteOn(today.AddDays(-420 - (i - 34) * 60)), DevelopmentCatalogue.Archived));
        list.Add(new Person(38, CompliantSchedule.AppliedForVoteOn(today.AddMonths(-13)), DevelopmentCatalogue.ProbationEducation, Fate.Extended));
        list.Add(new Person(39, CompliantSchedule.AppliedForVoteOn(today.AddMonths(-10)), DevelopmentCatalogue.ProbationEducation, Fate.Cancelled));
        return list;
    }

    private async Task<Result<int>> SeedAsync(DemoSeedContext context, Person person, long branch, DemoOrganization organization, DateOnly today, CancellationToken ct)
    {
        var input = Identity(person, organization);
        List<long> sponsors;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<Candidate>().AnyAsync(c => c.IdNumber == input.IdNumber, ct)) return 0;
            // 培养联系人 and 入党介绍人: the branch's longest-standing 正式党员 in good standing.
            sponsors = await db.Set<Member>().AsNoTracking()
                .Where(m => m.OrganizationId == branch && m.Category == MemberCategory.Full && m.Status == MembershipStatus.Normal && m.TransferredOutOn == null)
                .OrderBy(m => m.AdmittedOn).ThenBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync(ct);
        }

        if (sponsors.Count < 2) return 0;
        var candidate = await create.HandleAsync(new CreateCandidateCommand(branch, input), context.Scope, ct);
        if (!candidate.IsSuccess) return Fail(input, candidate.Errors);

        for (var step = DevelopmentCatalogue.ApplicationTalk; step <= person.LastStep; step++)
        {
            var on = CompliantSchedule.On(person.Applied, step);
            if (on > today) break;
            var done = await complete.HandleAsync(new CompleteStepCommand(candidate.Value, step, on, Details(step, on, sponsors)), context.Scope, ct);
            if (!done.IsSuccess) return Fail(input, done.Errors, step);
        }

        var decidedOn = CompliantSchedule.On(person.Applied, DevelopmentCatalogue.ConfirmationVote);
        if (decidedOn > today) decidedOn = today;
        var decision = person.Fate switch
        {
            Fate.Extended => await extend.HandleAsync(new ExtendProbationCommand(candidate.Value, decidedOn, 6, "支部大会讨论认为入党动机和群众观念尚需继续考察，延长预备期六个月"), context.Scope, ct),
            Fate.Cancelled => await cancel.HandleAsync(new CancelProbationCommand(candidate.Value, today.AddDays(-7), "预备期内长期不参加组织生活、经教育仍无改正，支部大会决定取消其预备党员资格"), context.Scope, ct),
            _ => Done.Value,
        };
        return decision.IsSuccess ? 1 : Fail(input, decision.Errors);
    }

    private static StepDetails Details(int step, DateOnly on, List<long> sponsors) => step switch
    {
        DevelopmentCatalogue.MentorsNamed => new StepDetails { MemberIds = [sponsors[0]], DocumentsFiled = true },
        DevelopmentCatalogue.SponsorsNamed => new StepDetails { MemberIds = sponsors, DocumentsFiled = true },
        DevelopmentCatalogue.PoliticalReview => new StepDetails { ReviewPassed = true, Person = "支部政审小组", DocumentsFiled = true },
        DevelopmentCatalogue.Training => new StepDetails { TrainingDays = 3, TrainingHours = 24, Person = "党委党校", DocumentsFiled = true },
        DevelopmentCatalogue.CommitteeReview => new StepDetails { NoticeFrom = on.AddDays(-14), NoticeTo = on.AddDays(-1), DocumentsFiled = true },
        DevelopmentCatalogue.AdmissionVote => new StepDetails { Vote = new VoteCount(40, 36, 35, 0, 1, WrittenYes: 2), DocumentsFiled = true },
        DevelopmentCatalogue.ConfirmationVote => new StepDetails { Vote = new VoteCount(40, 35, 35, 0, 0), NoticeFrom = on.AddDays(-14), NoticeTo = on.AddDays(-1), DocumentsFiled = true },
        _ => new StepDetails { Person = DevelopmentCatalogue.Step(step).Needs(StepFields.Person) ? PersonFor(step) : null, DocumentsFiled = true },
    };

    private static string PersonFor(int step) => step switch
    {
        DevelopmentCatalogue.ApplicationTalk => "支部组织委员",
        DevelopmentCatalogue.ActivistReview or DevelopmentCatalogue.ProbationEducation => "培养联系人",
        DevelopmentCatalogue.UpperTalk => "党委组织员",
        _ => "机关党委",
    };

    /// <summary>A seeded identity per person: 18 to 35 at application, ID sequence numbers from 800 so they never meet a demo member's.</summary>
    private static CandidateInput Identity(Person person, DemoOrganization organization)
    {
        var random = new Random(20261203 + person.Index);
        var female = random.Next(100) < 45;
        var birth = person.Applied.AddYears(-random.Next(19, 35)).AddDays(-random.Next(1, 360));
        var area = DemoMembersStep.Areas[person.Index % DemoMembersStep.Areas.Length];
        var first17 = area.Code + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (800 + person.Index * 2 + (female ? 0 : 1)).ToString("000", CultureInfo.InvariantCulture);
        var league = random.Next(100) < 40;
        return new CandidateInput
        {
            Name = DemoMembersStep.Surnames[random.Next(DemoMembersStep.Surnames.Length)]
                + (female ? DemoMembersStep.FemaleGiven[random.Next(DemoMembersStep.FemaleGiven.Length)] : DemoMembersStep.MaleGiven[random.Next(DemoMembersStep.MaleGiven.Length)]),
            Gender = female ? Gender.Female : Gender.Male,
            BirthDate = birth,
            IdNumber = first17 + IdNumber.CheckCharacter(first17),
            NativePlace = area.Place,
            Education = random.Next(100) < 30 ? Education.Postgraduate : Education.Undergraduate,
            Occupation = organization.HostUnitCategory == UnitCategory.PublicInstitution ? Occupation.ProfessionalTechnical : Occupation.PartyGovernmentStaff,
            EmploymentStatus = EmploymentStatus.Employed,
            Employer = organization.HostUnitName,
            Phone = "139" + random.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture),
            IsLeagueMember = league,
            RecommendedByLeague = league && random.Next(2) == 0,
            ApplicationDate = person.Applied,
        };
    }

    /// <summary>This year's plan: 8–12 for the root of the demo tree, 1–2 for each branch (setting the same plan again changes nothing).</summary>
    private async Task<Result<Done>> PlansAsync(DemoSeedContext context, List<string> branchCodes, int year, CancellationToken ct)
    {
        var root = await plan.HandleAsync(new SetDevelopmentPlanCommand(context.OrganizationId(DemoCatalog.RootCode), year, 8, 12, "按照上级党委下达的年度发展计划"), context.Scope, ct);
        if (!root.IsSuccess) return Result<Done>.Failure(root.Errors);
        foreach (var code in branchCodes)
        {
            var set = await plan.HandleAsync(new SetDevelopmentPlanCommand(context.OrganizationId(code), year, 1, 2), context.Scope, ct);
            if (!set.IsSuccess) return Result<Done>.Failure(set.Errors);
        }

        return Done.Value;
    }

    private static Result<int> Fail(CandidateInput input, IReadOnlyList<Error> errors, int? step = null) =>
        Error.Validation("demo.development", $"演示发展对象 {input.Name}{(step is null ? "" : $"（第 {step} 步）")} 不合规则：{string.Join("；", errors.Select(e => e.Message))}");
}
