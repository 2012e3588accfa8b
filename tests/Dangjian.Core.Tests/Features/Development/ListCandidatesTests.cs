using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Development;

/// <summary>The candidate list (today is 2026-07-01 in China): stage as of today, name, overdue, paging and scope.</summary>
public sealed class ListCandidatesTests : IAsyncLifetime
{
    private static int _sequence;
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _other;
    private long _m1;
    private long _m2;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _other = await _db.CreateAsync("O", Branch, _root);
        _m1 = await MemberAsync("联系人甲");
        _m2 = await MemberAsync("介绍人乙");
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private async Task<long> MemberAsync(string name)
    {
        var birth = new DateOnly(1981, 1, 1).AddDays(Interlocked.Increment(ref _sequence));
        var input = new MemberInput
        {
            Name = name, Gender = Gender.Male, BirthDate = birth, IdNumber = CandidateRulesTests.Id(birth), EmploymentStatus = EmploymentStatus.Employed,
            ApplicationDate = new DateOnly(2008, 1, 1), AdmittedOn = new DateOnly(2010, 1, 1), ConfirmedOn = new DateOnly(2011, 1, 1), Category = MemberCategory.Full,
        };
        var result = await _db.Get<CreateMemberHandler>().HandleAsync(new CreateMemberCommand(_branch, null, input), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    private async Task<long> CandidateAsync(string name, DateOnly applied, int lastStep, long? branch = null)
    {
        var birth = new DateOnly(1997, 3, 1).AddDays(Interlocked.Increment(ref _sequence));
        var created = await _db.Get<CreateCandidateHandler>().HandleAsync(new CreateCandidateCommand(branch ?? _branch, CandidateRulesTests.Input(birth, applied) with { Name = name }), Admin, Ct);
        created.IsSuccess.ShouldBeTrue(created.IsSuccess ? null : created.FirstError.Message);
        for (var step = 2; step <= lastStep; step++)
        {
            var on = ScheduledOn(applied, step);
            var done = await _db.Get<CompleteStepHandler>().HandleAsync(new CompleteStepCommand(created.Value, step, on, Details(step, on)), Admin, Ct);
            done.IsSuccess.ShouldBeTrue(done.IsSuccess ? null : $"{name} 步骤 {step}：{done.FirstError.Message}");
        }

        return created.Value;
    }

    private static DateOnly ScheduledOn(DateOnly applied, int step) => CompliantSchedule.On(applied, step);

    private StepDetails Details(int step, DateOnly on) => step switch
    {
        5 => new StepDetails { MemberIds = [_m1] },
        9 => new StepDetails { MemberIds = [_m1, _m2] },
        10 => new StepDetails { ReviewPassed = true, Person = "政审组" },
        11 => new StepDetails { TrainingDays = 3 },
        12 => new StepDetails { NoticeFrom = on.AddDays(-20), NoticeTo = on.AddDays(-1) },
        15 or 23 => new StepDetails { Vote = new VoteCount(10, 8, 7, 1, 0), NoticeFrom = on.AddDays(-20), NoticeTo = on.AddDays(-1) },
        _ => new StepDetails { Person = DevelopmentCatalogue.Step(step).Needs(StepFields.Person) ? "经办人" : null },
    };

    private Task<Result<Page<CandidateListItem>>> ListAsync(ListCandidatesQuery query, AccessScope? scope = null) =>
        _db.Get<ListCandidatesHandler>().HandleAsync(query, scope ?? Admin, Ct);

    private async Task<List<string>> NamesAsync(ListCandidatesQuery query, AccessScope? scope = null)
    {
        var result = await ListAsync(query, scope);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value.Items.Select(i => i.Name).ToList();
    }

    [Fact]
    public async Task Stages_AsOfToday_DefaultIsStillOnThePipeline()
    {
        await CandidateAsync("申请人超期", D(2026, 5, 1), 1);       // talk due 2026-06-01: overdue
        await CandidateAsync("申请人新", D(2026, 6, 20), 1);        // talk due 2026-07-20
        await CandidateAsync("积极分子", D(2025, 1, 10), 6);        // activist since 2025-07-10
        await CandidateAsync("发展对象", D(2024, 3, 10), 11);       // target since 2025-09-10
        await CandidateAsync("预备党员", D(2023, 9, 11), 17);       // admitted 2025-06-09
        var cancelled = await CandidateAsync("取消资格", D(2023, 9, 12), 17);
        (await _db.Get<CancelProbationHandler>().HandleAsync(new CancelProbationCommand(cancelled, D(2026, 6, 1), "不履行党员义务"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        await CandidateAsync("已转正", D(2022, 1, 10), 24);
        await CandidateAsync("外支部", D(2026, 6, 25), 1, _other);

        (await NamesAsync(new ListCandidatesQuery { Under = _branch })).ShouldBe(["申请人新", "申请人超期", "积极分子", "发展对象", "预备党员"]);
        (await NamesAsync(new ListCandidatesQuery { Under = _branch, AllStages = true })).Count.ShouldBe(7);
        (await NamesAsync(new ListCandidatesQuery { Under = _branch, Stage = CandidateStage.Applicant })).ShouldBe(["申请人新", "申请人超期"]);
        (await NamesAsync(new ListCandidatesQuery { Under = _branch, Stage = CandidateStage.Activist })).ShouldBe(["积极分子"]);
        (await NamesAsync(new ListCandidatesQuery { Under = _branch, Stage = CandidateStage.DevelopmentTarget })).ShouldBe(["发展对象"]);
        (await NamesAsync(new ListCandidatesQuery { Under = _branch, Stage = CandidateStage.Probationary })).ShouldBe(["预备党员"]);
        (await NamesAsync(new ListCandidatesQuery { Under = _branch, Stage = CandidateStage.Cancelled })).ShouldBe(["取消资格"]);
        (await NamesAsync(new ListCandidatesQuery { Under = _branch, Stage = CandidateStage.Confirmed })).ShouldBe(["已转正"]);
        (await NamesAsync(new ListCandidatesQuery { Under = _root })).ShouldContain("外支部");
        (await NamesAsync(new ListCandidatesQuery { Under = _root, Name = "申请人" })).ShouldBe(["申请人新", "申请人超期"]);

        var rows = (await ListAsync(new ListCandidatesQuery { Under = _branch })).Value.Items;
        var late = rows.Single(r => r.Name == "申请人超期");
        (late.Stage, late.Overdue, late.Next!.Step, late.Next.DueOn, late.OrganizationName, late.CanWrite).ShouldBe((CandidateStage.Applicant, true, 2, D(2026, 6, 1), "B党支部", true));
        rows.Single(r => r.Name == "申请人新").Overdue.ShouldBeFalse();
        var probationary = rows.Single(r => r.Name == "预备党员");
        (probationary.Stage, probationary.Next!.Step).ShouldBe((CandidateStage.Probationary, 18));
    }

    [Fact]
    public async Task OverdueOnly_KeepsThoseWithAMissedDeadline_AndPages()
    {
        await CandidateAsync("超期一", D(2026, 4, 1), 1);
        await CandidateAsync("超期二", D(2026, 5, 1), 1);
        await CandidateAsync("未超期", D(2026, 6, 20), 1);
        var overdue = await ListAsync(new ListCandidatesQuery { Under = _branch, OverdueOnly = true });
        overdue.Value.Items.Select(i => i.Name).ShouldBe(["超期二", "超期一"]);
        overdue.Value.Items.ShouldAllBe(i => i.Overdue);
        overdue.Value.Total.ShouldBe(2);

        for (var i = 0; i < 20; i++) await CandidateAsync("批量" + i, D(2026, 6, 1).AddDays(i), 1);
        var first = (await ListAsync(new ListCandidatesQuery { Under = _branch, PageSize = 20 })).Value;
        (first.Total, first.Items.Count, first.PageCount).ShouldBe((23, 20, 2));
        var second = (await ListAsync(new ListCandidatesQuery { Under = _branch, PageSize = 20, Page = 2 })).Value;
        second.Items.Select(i => i.Name).ShouldBe(["批量0", "超期二", "超期一"]);
        first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)).ShouldBeEmpty();
        var overduePage = (await ListAsync(new ListCandidatesQuery { Under = _branch, OverdueOnly = true, PageSize = 20, Page = 2 })).Value;
        overduePage.Total.ShouldBe(2);
        overduePage.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scope_AnotherBranchSeesNothing_AndItsSubtreeIsNotFound()
    {
        await CandidateAsync("本支部", D(2026, 6, 1), 1);
        var other = await _db.FindAsync(_other);
        var outsider = new AccessScope("u2", false, [new ScopeRoot(_other, other.Path, other.Name, Role.Worker)]);
        (await NamesAsync(new ListCandidatesQuery(), outsider)).ShouldBeEmpty();
        (await ListAsync(new ListCandidatesQuery { Under = _branch }, outsider)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);

        var branch = await _db.FindAsync(_branch);
        var reader = new AccessScope("u3", false, [new ScopeRoot(_branch, branch.Path, branch.Name, Role.ReadOnly)]);
        var rows = (await ListAsync(new ListCandidatesQuery(), reader)).Value.Items;
        rows.Single().Name.ShouldBe("本支部");
        rows.Single().CanWrite.ShouldBeFalse();
    }

    [Fact]
    public async Task Details_MaskIdentityForReaders_AndAuditUnmaskedViews()
    {
        var id = await CandidateAsync("详情人", D(2025, 1, 10), 5);
        var branch = await _db.FindAsync(_branch);
        var reader = new AccessScope("u3", false, [new ScopeRoot(_branch, branch.Path, branch.Name, Role.Worker)]);
        var handler = _db.Get<GetCandidateDetailsHandler>();
        var masked = (await handler.HandleAsync(new GetCandidateDetailsQuery(id), reader, Ct)).Value;
        masked.IsMasked.ShouldBeTrue();
        masked.IdNumber.ShouldContain("**********");
        masked.People.Single().Name.ShouldBe("联系人甲");
        masked.Progress.Stage.ShouldBe(CandidateStage.Activist);
        (await _db.AuditAsync()).ShouldNotContain(a => a.EntityType == nameof(Candidate) && a.Action == Dangjian.Core.Features.Audit.AuditAction.Viewed);

        // A form page reads the person masked even for an administrator, so opening it is not an audited view.
        (await handler.HandleAsync(new GetCandidateDetailsQuery(id, ForForm: true), Admin, Ct)).Value.IsMasked.ShouldBeTrue();
        (await _db.AuditAsync()).ShouldNotContain(a => a.EntityType == nameof(Candidate) && a.Action == Dangjian.Core.Features.Audit.AuditAction.Viewed);

        var full = (await handler.HandleAsync(new GetCandidateDetailsQuery(id), Admin, Ct)).Value;
        full.IsMasked.ShouldBeFalse();
        full.IdNumber.Length.ShouldBe(18);
        full.IdNumber.ShouldNotContain("*");
        (await _db.AuditAsync()).ShouldContain(a => a.EntityType == nameof(Candidate) && a.Action == Dangjian.Core.Features.Audit.AuditAction.Viewed);

        var other = await _db.FindAsync(_other);
        var outsider = new AccessScope("u2", false, [new ScopeRoot(_other, other.Path, other.Name, Role.OrgAdmin)]);
        (await handler.HandleAsync(new GetCandidateDetailsQuery(id), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<GetCandidateBranchMembersHandler>().HandleAsync(new GetCandidateBranchMembersQuery(id), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<GetCandidateBranchMembersHandler>().HandleAsync(new GetCandidateBranchMembersQuery(id), Admin, Ct)).Value.Select(m => m.Name).ShouldBe(["介绍人乙", "联系人甲"]);
    }
}
