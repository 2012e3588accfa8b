using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Audit;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

public sealed class DuesProfileWizardTests : IAsyncLifetime
{
    private const int Year = 2026; // DefaultChinaToday is 2026-07-01
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B1", Branch, _root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<DuesPreview>> PreviewAsync(AccessScope scope, params DuesProfileInput[] rows) =>
        _db.Get<PreviewDuesProfilesHandler>().HandleAsync(new PreviewDuesProfilesCommand(_branch, Year, rows), scope, Ct);

    private Task<Result<DuesConfirmation>> ConfirmAsync(string? reason, params DuesProfileInput[] rows) =>
        _db.Get<ConfirmDuesProfilesHandler>().HandleAsync(new ConfirmDuesProfilesCommand(_branch, Year, rows, reason), Admin, Ct);

    [Fact]
    public async Task Preview_ComputesEveryRowWithTheCalculator_AndSavesNothing()
    {
        var salaried = await _db.AddMemberAsync(_branch, "张工资");
        var parts = await _db.AddMemberAsync(_branch, "李构成");
        var retired = await _db.AddMemberAsync(_branch, "王退休", status: EmploymentStatus.Retired);
        var farmer = await _db.AddMemberAsync(_branch, "赵农民", status: EmploymentStatus.Farmer);
        var student = await _db.AddMemberAsync(_branch, "钱学生", status: EmploymentStatus.Student);
        var rich = await _db.AddMemberAsync(_branch, "孙高薪");
        var bad = await _db.AddMemberAsync(_branch, "周错误");

        var preview = (await PreviewAsync(Admin,
            DuesProfileTestData.Salaried(salaried, "5100"),
            new DuesProfileInput(parts, DuesMemberType.Salaried, null, new DuesBasePartsInput("9000", "300", "1000", "1500", "400", "900"), null),
            new DuesProfileInput(retired, DuesMemberType.Retired, "5000.01", null, null),
            new DuesProfileInput(farmer, DuesMemberType.Farmer, null, null, "0.5"),
            new DuesProfileInput(student, DuesMemberType.Student, "8000", null, null),
            DuesProfileTestData.Salaried(rich, "60000"),
            DuesProfileTestData.Salaried(bad, "abc"))).Value;

        preview.Rows.Select(r => r.Monthly).ShouldBe([76.50m, 49.00m, 50.00m, 0.50m, 0.20m, 1200.00m, null]);
        preview.Rows[1].Base.ShouldBe(4900m); // 9000 − 300 − 1000 − 1500 − 400 − 900
        preview.Rows[4].Base.ShouldBeNull(); // a student's typed base is not kept
        preview.Rows[5].Warning.ShouldNotBeNull().ShouldContain("1000");
        preview.Rows[6].Errors.Single().Message.ShouldContain("不是有效的金额");
        preview.AllErrors.Single().Message.ShouldStartWith("第 7 行（周错误");
        preview.Warnings.ShouldBe(1);
        preview.CanConfirm.ShouldBeFalse();
        preview.TotalMonthly.ShouldBe(76.50m + 49.00m + 50.00m + 0.50m + 0.20m + 1200.00m);
        (await _db.ProfilesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Confirm_OneBadRow_SavesNothingAndNamesTheRow()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var b = await _db.AddMemberAsync(_branch, "乙");
        var c = await _db.AddMemberAsync(_branch, "丙", status: EmploymentStatus.Farmer);

        var failed = await ConfirmAsync(null, DuesProfileTestData.Salaried(a, "4900"), DuesProfileTestData.Salaried(b, "3000"),
            new DuesProfileInput(c, DuesMemberType.Farmer, null, null, "1.5"));

        failed.IsSuccess.ShouldBeFalse();
        failed.Errors.Single().Message.ShouldBe("第 3 行（丙）：农民党员每月交纳 0.2 元至 1 元，精确到分");
        (await _db.ProfilesAsync()).ShouldBeEmpty();
        (await _db.AuditAsync()).ShouldNotContain(e => e.EntityType == nameof(DuesProfile));

        var saved = await ConfirmAsync(null, DuesProfileTestData.Salaried(a, "4900"), DuesProfileTestData.Salaried(b, "3000"),
            new DuesProfileInput(c, DuesMemberType.Farmer, null, null, "1"));
        saved.IsSuccess.ShouldBeTrue();
        saved.Value.Created.ShouldBe(3);
        (await _db.ProfilesAsync()).Select(p => p.Monthly).ShouldBe([49.00m, 15.00m, 1.00m]);
    }

    [Fact]
    public async Task Confirm_BlankRowsAreSkipped_AndAllBlankIsRefused()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var blank = new DuesProfileInput(a, null, " ", new DuesBasePartsInput(null, null, null, null, null, null), "");
        (await ConfirmAsync(null, blank)).FirstError.Code.ShouldBe("dues.no_rows");

        var typeMissing = await ConfirmAsync(null, new DuesProfileInput(a, null, "3000", null, null));
        typeMissing.FirstError.Message.ShouldBe("第 1 行（甲）：请选择人员类别");
    }

    [Fact]
    public async Task Confirm_ChangingAConfirmedBase_NeedsAReason_WhichTheAuditLogKeeps()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var b = await _db.AddMemberAsync(_branch, "乙");
        await _db.ConfirmAsync(_branch, Year, DuesProfileTestData.Salaried(a, "5100"), DuesProfileTestData.Salaried(b, "4000"));

        var refused = await ConfirmAsync(null, DuesProfileTestData.Salaried(a, "6000"), DuesProfileTestData.Salaried(b, "4000"));
        refused.FirstError.Code.ShouldBe("dues.change_reason_required");
        refused.FirstError.Field.ShouldBe("Reason");
        (await _db.ProfilesAsync()).First(p => p.MemberId == a).Base.ShouldBe(5100m);

        var changed = (await ConfirmAsync("工资调整补正", DuesProfileTestData.Salaried(a, "6000"), DuesProfileTestData.Salaried(b, "4000"))).Value;
        changed.Changed.ShouldBe(1);
        changed.Unchanged.ShouldBe(1);
        var profile = (await _db.ProfilesAsync()).First(p => p.MemberId == a);
        profile.Base.ShouldBe(6000m);
        profile.ComputedMonthly.ShouldBe(90.00m);
        var update = (await _db.AuditAsync()).Single(e => e.EntityType == nameof(DuesProfile) && e.Action == AuditAction.Updated);
        update.Reason.ShouldBe("工资调整补正");
        update.Changes.ShouldContain("5100");
    }

    [Fact]
    public async Task Confirm_SameValuesAgain_ChangesNothing_AndNeedsNoReason()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var parts = new DuesBasePartsInput("9000", "300", "1000", "1500", "400", "900");
        await _db.ConfirmAsync(_branch, Year, new DuesProfileInput(a, DuesMemberType.Salaried, null, parts, null));
        var auditCount = (await _db.AuditAsync()).Count;

        var again = (await ConfirmAsync(null, new DuesProfileInput(a, DuesMemberType.Salaried, "4900.00", parts, null))).Value;

        again.Unchanged.ShouldBe(1);
        (await _db.AuditAsync()).Count.ShouldBe(auditCount);
    }

    [Fact]
    public async Task Preview_BaseAndPartsDisagree_IsARowError()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var preview = (await PreviewAsync(Admin, new DuesProfileInput(a, DuesMemberType.Salaried, "5000", new DuesBasePartsInput("9000", "300", "1000", "1500", "400", "900"), null))).Value;
        preview.Rows.Single().Errors.Single().Code.ShouldBe("dues.base_mismatch");

        var noGross = (await PreviewAsync(Admin, new DuesProfileInput(a, DuesMemberType.Salaried, null, new DuesBasePartsInput(null, "300", null, null, null, null), null))).Value;
        noGross.Rows.Single().Errors.Single().Code.ShouldBe("dues.gross_required");
    }

    [Fact]
    public async Task Preview_MemberOfAnotherBranch_OrTwice_IsARowError()
    {
        var other = await _db.CreateAsync("B2", Branch, _root);
        var stranger = await _db.AddMemberAsync(other, "外支部");
        var a = await _db.AddMemberAsync(_branch, "甲");

        var preview = (await PreviewAsync(Admin, DuesProfileTestData.Salaried(stranger, "3000"), DuesProfileTestData.Salaried(a, "3000"), DuesProfileTestData.Salaried(a, "3000"))).Value;

        preview.Rows[0].Errors.Single().Code.ShouldBe("dues.not_on_roster");
        preview.Rows[1].IsValid.ShouldBeTrue();
        preview.Rows[2].Errors.Single().Code.ShouldBe("dues.duplicate_member");
    }

    [Fact]
    public async Task Wizard_ListsTheYearsMembers_FromJanuaryToToday()
    {
        var other = await _db.CreateAsync("B2", Branch, _root);
        var always = await _db.AddMemberAsync(_branch, "老党员");
        var joinedMay = await _db.AddMemberAsync(_branch, "五月转入", placedFrom: new DateOnly(2026, 5, 15));
        var admittedMarch = await _db.AddMemberAsync(_branch, "三月入党", admittedOn: new DateOnly(2026, 3, 20), category: MemberCategory.Probationary);
        var leftInApril = await _db.AddMemberAsync(_branch, "四月转出");
        (await _db.Get<MoveMemberHandler>().HandleAsync(new MoveMemberCommand(leftInApril, other, null, new DateOnly(2026, 4, 10)), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var movedLastYear = await _db.AddMemberAsync(_branch, "去年转出");
        (await _db.Get<MoveMemberHandler>().HandleAsync(new MoveMemberCommand(movedLastYear, other, null, new DateOnly(2026, 1, 1)), Admin, Ct)).IsSuccess.ShouldBeTrue();

        var wizard = (await _db.Get<GetDuesProfilesHandler>().HandleAsync(new GetDuesProfilesQuery(_branch, Year), Admin, Ct)).Value;

        wizard.Members.Select(m => m.MemberId).ShouldBe([always, joinedMay, admittedMarch, leftInApril], ignoreOrder: true);
        wizard.Members.Single(m => m.MemberId == joinedMay).InBranchFrom.ShouldBe(new DateOnly(2026, 5, 15));
        wizard.Members.Single(m => m.MemberId == always).InBranchFrom.ShouldBe(new DateOnly(2026, 1, 1));
        wizard.Members.Single(m => m.MemberId == leftInApril).InBranchUntil.ShouldBe(new DateOnly(2026, 4, 10));
        wizard.Members.Single(m => m.MemberId == always).SuggestedType.ShouldBe(DuesMemberType.Salaried);

        // Next year's wizard lists the branch as it stands: the member who left is not there.
        var next = (await _db.Get<GetDuesProfilesHandler>().HandleAsync(new GetDuesProfilesQuery(_branch, Year + 1), Admin, Ct)).Value;
        next.Members.Select(m => m.MemberId).ShouldBe([always, joinedMay, admittedMarch], ignoreOrder: true);
    }

    [Fact]
    public async Task Wizard_MasksIdNumbers_ForWorkers_AndAuditsAdministratorsUnmaskedView()
    {
        var id = DuesProfileTestData.NewId(new DateOnly(1980, 5, 6));
        await _db.AddMemberAsync(_branch, "甲", idNumber: id);
        var worker = await _db.ScopeAsync(_branch, Role.Worker);
        var admin = await _db.ScopeAsync(_branch, Role.OrgAdmin, "orgadmin");

        var masked = (await _db.Get<GetDuesProfilesHandler>().HandleAsync(new GetDuesProfilesQuery(_branch, Year), worker, Ct)).Value.Members.Single();
        masked.IdNumber.ShouldBe(IdNumber.Mask(id));
        masked.IdMasked.ShouldBeTrue();
        (await _db.AuditAsync()).ShouldNotContain(e => e.Action == AuditAction.Viewed);

        var unmasked = (await _db.Get<GetDuesProfilesHandler>().HandleAsync(new GetDuesProfilesQuery(_branch, Year), admin, Ct)).Value.Members.Single();
        unmasked.IdNumber.ShouldBe(id);
        (await _db.AuditAsync()).ShouldContain(e => e.Action == AuditAction.Viewed && e.EntityType == nameof(Member));
    }

    [Fact]
    public async Task Scope_OtherSubtreeGetsNotFound_ReadOnlyMayLookButNotPreview()
    {
        var other = await _db.CreateAsync("B2", Branch, _root);
        var a = await _db.AddMemberAsync(_branch, "甲");
        var outsider = await _db.ScopeAsync(other, Role.OrgAdmin);
        var reader = await _db.ScopeAsync(_branch, Role.ReadOnly);

        (await _db.Get<GetDuesProfilesHandler>().HandleAsync(new GetDuesProfilesQuery(_branch, Year), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await PreviewAsync(outsider, DuesProfileTestData.Salaried(a, "3000"))).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<GetDuesProfilesHandler>().HandleAsync(new GetDuesProfilesQuery(_branch, Year), reader, Ct)).Value.CanWrite.ShouldBeFalse();
        (await PreviewAsync(reader, DuesProfileTestData.Salaried(a, "3000"))).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        (await _db.Get<GetDuesProfilesHandler>().HandleAsync(new GetDuesProfilesQuery(_root, Year), Admin, Ct)).FirstError.Code.ShouldBe("dues.not_a_branch");
    }

    [Fact]
    public async Task Override_NeedsAReason_ReplacesTheMonthlyAmount_AndCanBeCleared()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        await _db.ConfirmAsync(_branch, Year, DuesProfileTestData.Salaried(a, "5100"));
        var profileId = (await _db.ProfilesAsync()).Single().Id;
        var handler = _db.Get<OverrideDuesProfileHandler>();

        (await handler.HandleAsync(new OverrideDuesProfileCommand(profileId, "80", " "), Admin, Ct)).FirstError.Code.ShouldBe("dues.override_reason_required");
        (await handler.HandleAsync(new OverrideDuesProfileCommand(profileId, "-1", "x"), Admin, Ct)).FirstError.Field.ShouldBe("Monthly");

        var set = (await handler.HandleAsync(new OverrideDuesProfileCommand(profileId, "80.00", "年薪制按实发调整"), Admin, Ct)).Value;
        set.Monthly.ShouldBe(80.00m);
        set.ComputedMonthly.ShouldBe(76.50m);
        set.OverrideReason.ShouldBe("年薪制按实发调整");
        (await _db.AuditAsync()).Last(e => e.EntityType == nameof(DuesProfile)).Reason.ShouldBe("年薪制按实发调整");

        var cleared = (await handler.HandleAsync(new OverrideDuesProfileCommand(profileId, null, "调整有误，恢复按基数计算"), Admin, Ct)).Value;
        cleared.Monthly.ShouldBe(76.50m);
        cleared.OverrideReason.ShouldBeNull();
    }

    [Fact]
    public async Task Override_TransferredMember_NewBranchMayCorrect_OtherSubtreeMayNot()
    {
        var newBranch = await _db.CreateAsync("B2", Branch, _root);
        var stranger = await _db.CreateAsync("B3", Branch, _root);
        var a = await _db.AddMemberAsync(_branch, "甲");
        await _db.ConfirmAsync(_branch, Year, DuesProfileTestData.Salaried(a, "5100"));
        (await _db.Get<MoveMemberHandler>().HandleAsync(new MoveMemberCommand(a, newBranch, null, new DateOnly(2026, 6, 1)), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var profileId = (await _db.ProfilesAsync()).Single().Id;

        var byNewBranch = await _db.Get<OverrideDuesProfileHandler>().HandleAsync(
            new OverrideDuesProfileCommand(profileId, "60", "转入后核实"), await _db.ScopeAsync(newBranch, Role.Worker), Ct);
        byNewBranch.IsSuccess.ShouldBeTrue();
        var byStranger = await _db.Get<OverrideDuesProfileHandler>().HandleAsync(
            new OverrideDuesProfileCommand(profileId, "1", "越权"), await _db.ScopeAsync(stranger, Role.OrgAdmin), Ct);
        byStranger.FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }
}
