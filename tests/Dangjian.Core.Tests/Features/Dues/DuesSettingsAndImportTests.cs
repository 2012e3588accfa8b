using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

public sealed class DuesSettingsTests : IAsyncLifetime
{
    private CoreDatabase _db = null!;
    private long _root;
    private long _general;
    private long _branch;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _general = await _db.CreateAsync("G", GeneralBranch, _root);
        _branch = await _db.CreateAsync("B1", Branch, _general);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<EffectiveDuesSettings> EffectiveAsync(long id) =>
        (await _db.Get<GetDuesSettingsHandler>().HandleAsync(new GetDuesSettingsQuery(id), Admin, Ct)).Value.Effective;

    private Task<Result<EffectiveDuesSettings>> SetAsync(long id, string percent, bool quarterly, AccessScope? scope = null) =>
        _db.Get<ChangeDuesSettingsHandler>().HandleAsync(new ChangeDuesSettingsCommand(id, percent, quarterly), scope ?? Admin, Ct);

    [Fact]
    public async Task NearestOnThePathWins_ResetFallsBackToTheAncestor_ThenTheDefaults()
    {
        var none = await EffectiveAsync(_branch);
        none.IsDefault.ShouldBeTrue();
        none.HeldSharePercent.ShouldBe(0m);
        none.AllowsQuarterly.ShouldBeFalse();

        (await SetAsync(_root, "10", false)).IsSuccess.ShouldBeTrue();
        var fromRoot = await EffectiveAsync(_branch);
        fromRoot.HeldSharePercent.ShouldBe(10m);
        fromRoot.SourceOrganizationId.ShouldBe(_root);

        (await SetAsync(_general, "25.5", true)).IsSuccess.ShouldBeTrue();
        var fromGeneral = await EffectiveAsync(_branch);
        fromGeneral.HeldSharePercent.ShouldBe(25.5m);
        fromGeneral.AllowsQuarterly.ShouldBeTrue();
        fromGeneral.SourceOrganizationId.ShouldBe(_general);
        (await EffectiveAsync(_root)).HeldSharePercent.ShouldBe(10m);

        var view = (await _db.Get<GetDuesSettingsHandler>().HandleAsync(new GetDuesSettingsQuery(_root), Admin, Ct)).Value;
        view.Below.Single().OrganizationId.ShouldBe(_general);

        (await _db.Get<ResetDuesSettingsHandler>().HandleAsync(new ResetDuesSettingsCommand(_general), Admin, Ct)).Value.SourceOrganizationId.ShouldBe(_root);
        (await EffectiveAsync(_branch)).HeldSharePercent.ShouldBe(10m);

        await using var db = await _db.OpenAsync();
        (await DuesSettingsLookup.EffectiveAsync(db, _branch, Ct))!.HeldSharePercent.ShouldBe(10m);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("100", true)]
    [InlineData("100.01", false)]
    [InlineData("-1", false)]
    [InlineData("33.333", false)]
    [InlineData("abc", false)]
    public async Task HeldShare_IsAPercentageToTheHundredth(string percent, bool allowed)
    {
        var result = await SetAsync(_branch, percent, false);
        result.IsSuccess.ShouldBe(allowed);
        if (!allowed) result.FirstError.Field.ShouldBe("HeldSharePercent");
    }

    [Fact]
    public async Task OnlyAdministratorsChange_OutsidersSeeNothing()
    {
        var worker = await _db.ScopeAsync(_branch, Role.Worker);
        (await SetAsync(_branch, "5", false, worker)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        (await SetAsync(_branch, "5", false, await _db.ScopeAsync(_branch, Role.OrgAdmin))).IsSuccess.ShouldBeTrue();
        var other = await _db.CreateAsync("B2", Branch, _general);
        var outsider = await _db.ScopeAsync(other, Role.OrgAdmin);
        (await _db.Get<GetDuesSettingsHandler>().HandleAsync(new GetDuesSettingsQuery(_branch), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await SetAsync(_branch, "5", false, outsider)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }
}

public sealed class DuesProfileImportTests : IAsyncLifetime
{
    private static readonly string[] Header = [.. DuesProfileSheet.Headers];
    private CoreDatabase _db = null!;
    private long _branch;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        var root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B1", Branch, root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static DuesSheetRow Row(int number, params string[] cells) => new(number, cells);

    private Task<Result<DuesImportStarted>> ImportAsync(AccessScope scope, params DuesSheetRow[] rows) =>
        _db.Get<StartDuesProfileImportHandler>().HandleAsync(new StartDuesProfileImportCommand(_branch, 2026, "基数.xlsx", rows), scope, Ct);

    [Fact]
    public async Task Import_MatchesByNameAndLast4_OrFullId_ReadsTypesAndKeepsAmountsAsTyped()
    {
        var idA = DuesProfileTestData.NewId(new DateOnly(1980, 5, 6));
        var idB = DuesProfileTestData.NewId(new DateOnly(1980, 5, 6));
        var a = await _db.AddMemberAsync(_branch, "张三", idNumber: idA);
        var b = await _db.AddMemberAsync(_branch, "张三", idNumber: idB);
        var c = await _db.AddMemberAsync(_branch, "李四", status: EmploymentStatus.Retired);
        await _db.AddMemberAsync(_branch, "赵六");

        var started = (await ImportAsync(Admin,
            Row(1, Header),
            Row(2, "张三", idA[^4..], "在职", "9000", "300", "1000", "1500", "400", "900"),
            Row(3, "张三", idB[^4..], "年薪制", "", "", "", "", "", "", "12000"),
            Row(4, "李四", "", "退休", "", "", "", "", "", "", "4000"),
            Row(5, "王五", "1234", "在职", "", "", "", "", "", "", "3000"),
            Row(6, "张三", "", "在职"),
            Row(7, "赵六", "", "干部", "", "", "", "", "", "", "4000"),
            Row(8),
            Row(9, "李四", "", "离退休", "", "", "", "", "", "", "4100"))).Value;

        started.Problems.Select(p => p.Row).ShouldBe([5, 6, 7, 9]);
        started.Problems[0].Message.ShouldBe("本支部 2026 年的党员中没有“王五”（身份证号 …1234）");
        started.Problems[1].Message.ShouldBe("本支部有多名党员叫“张三”，请填写身份证号后4位以区分");
        started.Problems[2].Message.ShouldStartWith("人员类别“干部”无法识别");
        started.Problems[3].Message.ShouldBe("“李四”与第 4 行是同一名党员");

        var draft = (await _db.Get<GetDuesProfileImportHandler>().HandleAsync(new GetDuesProfileImportQuery(started.DraftId), Admin, Ct)).Value;
        draft.Rows.Select(r => (r.MemberId, r.MemberType, r.Row)).ShouldBe([(a, DuesMemberType.Salaried, 2), (b, DuesMemberType.AnnualSalary, 3), (c, DuesMemberType.Retired, 4)]);
        draft.Rows[0].Parts!.GrossRegularPay.ShouldBe("9000");
        draft.Rows[1].Base.ShouldBe("12000");

        // The draft feeds the same preview as typed input.
        var preview = (await _db.Get<PreviewDuesProfilesHandler>().HandleAsync(new PreviewDuesProfilesCommand(_branch, 2026, draft.Rows), Admin, Ct)).Value;
        preview.Rows.Select(r => (r.Row, r.Monthly)).ShouldBe([(2, (decimal?)49.00m), (3, 240.00m), (4, 20.00m)]);

        var byFullId = (await ImportAsync(Admin, Row(1, "姓名", "身份证号", "人员类别", "基数"), Row(2, "", idB, "在职", "5100"))).Value;
        byFullId.Problems.ShouldBeEmpty();
        (await _db.Get<GetDuesProfileImportHandler>().HandleAsync(new GetDuesProfileImportQuery(byFullId.DraftId), Admin, Ct)).Value.Rows.Single().MemberId.ShouldBe(b);
    }

    [Fact]
    public async Task Import_WrongHeaderOrEmpty_IsRefused_AndADraftIsTheUploadersOnly()
    {
        await _db.AddMemberAsync(_branch, "张三");
        (await ImportAsync(Admin, Row(1, "名字", "基数"), Row(2, "张三", "3000"))).FirstError.Code.ShouldBe("dues.import.header");
        (await ImportAsync(Admin, Row(1, Header))).FirstError.Code.ShouldBe("dues.import.empty");

        var started = (await ImportAsync(Admin, Row(1, Header), Row(2, "张三", "", "在职", "", "", "", "", "", "", "3000"))).Value;
        var someoneElse = await _db.ScopeAsync(_branch, Role.OrgAdmin, "someone-else");
        (await _db.Get<GetDuesProfileImportHandler>().HandleAsync(new GetDuesProfileImportQuery(started.DraftId), someoneElse, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        var reader = await _db.ScopeAsync(_branch, Role.ReadOnly);
        (await ImportAsync(reader, Row(1, Header), Row(2, "张三", "", "在职"))).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task Template_CarriesLast4Only_AndReimportsTheStoredProfiles()
    {
        var id = DuesProfileTestData.NewId(new DateOnly(1980, 5, 6));
        var a = await _db.AddMemberAsync(_branch, "张三", idNumber: id);
        var b = await _db.AddMemberAsync(_branch, "李四", status: EmploymentStatus.Retired);
        await _db.ConfirmAsync(_branch, 2026, new DuesProfileInput(a, DuesMemberType.Salaried, null, new DuesBasePartsInput("9000", "300", "1000", "1500", "400", "900"), null));

        var rows = (await _db.Get<GetDuesProfileTemplateHandler>().HandleAsync(new GetDuesProfileTemplateQuery(_branch, 2026), Admin, Ct)).Value;
        rows.Count.ShouldBe(2);
        var zhang = rows.Single(r => r[0] == "张三");
        zhang[1].ShouldBe(id[^4..]);
        zhang.ShouldNotContain(id);
        zhang[2].ShouldBe("在职");
        zhang[3].ShouldBe("9000.00");
        zhang[9].ShouldBeNull(); // the base comes from its parts
        rows.Single(r => r[0] == "李四")[2].ShouldBe("离退休");

        var sheet = new List<DuesSheetRow> { Row(1, Header) };
        sheet.AddRange(rows.Select((r, i) => new DuesSheetRow(i + 2, r.Select(c => c ?? "").ToList())));
        var started = (await ImportAsync(Admin, [.. sheet])).Value;
        started.Problems.ShouldBeEmpty();
        var draft = (await _db.Get<GetDuesProfileImportHandler>().HandleAsync(new GetDuesProfileImportQuery(started.DraftId), Admin, Ct)).Value;
        var preview = (await _db.Get<PreviewDuesProfilesHandler>().HandleAsync(new PreviewDuesProfilesCommand(_branch, 2026, draft.Rows), Admin, Ct)).Value;
        preview.Rows.Single(r => r.MemberId == a).Change.ShouldBe(DuesProfileChange.Unchanged);
        preview.Rows.Single(r => r.MemberId == b).Errors.Single().Code.ShouldBe("dues.base_required");
    }

    [Fact]
    public async Task MyDues_ShowsTheLinkedMembersOwnYear()
    {
        var a = await _db.AddMemberAsync(_branch, "张三");
        await _db.ConfirmAsync(_branch, 2026, DuesProfileTestData.Salaried(a, "5100"));
        await using (var db = await _db.OpenAsync())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Members\" SET \"UserId\" = {"member-user"} WHERE \"Id\" = {a}", Ct);
            db.Add(DuesLedgerLine.Create(a, _branch, new DateOnly(2026, 1, 1), 76.50m));
            var paid = DuesLedgerLine.Create(a, _branch, new DateOnly(2026, 2, 1), 76.50m);
            paid.AddPaid(76.50m);
            db.Add(paid);
            db.Add(DuesPayment.Create(a, _branch, new DateOnly(2026, 2, 10), 76.50m, PaymentMethod.Cash, DuesPaymentKind.Regular, "收款人", "R-001", null, null, null, null));
            await db.SaveChangesAsync(Ct);
        }

        var mine = (await _db.Get<GetMyDuesHandler>().HandleAsync(new GetMyDuesQuery(null), new AccessScope("member-user", false, []), Ct)).Value;
        mine.MemberId.ShouldBe(a);
        mine.Profile!.Monthly.ShouldBe(76.50m);
        mine.Months.Count.ShouldBe(12);
        mine.Months[0].Outstanding.ShouldBe(76.50m);
        mine.Months[1].Outstanding.ShouldBe(0m);
        mine.Months[2].LedgerDue.ShouldBeNull();
        mine.Months[2].Due.ShouldBe(76.50m);
        mine.Payments.Single().ReceiptNumber.ShouldBe("R-001");
        mine.Arrears.Single().Month.ShouldBe(new DateOnly(2026, 1, 1));
        mine.ArrearsTotal.ShouldBe(76.50m);

        (await _db.Get<GetMyDuesHandler>().HandleAsync(new GetMyDuesQuery(null), new AccessScope("nobody", false, []), Ct)).FirstError.Code.ShouldBe("member.not_linked");
    }
}
