using System.Globalization;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Members.Import;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Tests.TestSupport;

namespace Dangjian.Core.Tests.Features.Members.Import;

public sealed class MemberImportValidatorTests : IAsyncLifetime
{
    private static readonly DateOnly Today = CoreDatabase.DefaultChinaToday;
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _otherBranch;
    private long _group;

    public async ValueTask InitializeAsync()
    {
        _db = await CoreDatabase.StartAsync();
        _root = await _db.CreateAsync("ROOT", OrganizationKind.Committee);
        _branch = await _db.CreateAsync("B1", OrganizationKind.Branch, _root);
        _group = await _db.CreateAsync("B1G1", OrganizationKind.Group, _branch);
        _otherBranch = await _db.CreateAsync("B2", OrganizationKind.Branch, _root);
        await _db.CreateAsync("B2G1", OrganizationKind.Group, _otherBranch);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static int _seq;

    private static string Id(DateOnly birth, bool male = true)
    {
        var seq = Interlocked.Increment(ref _seq) * 2 % 1000 + (male ? 1 : 0);
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (seq % 1000).ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private static string[] Cells(string? id = null, string branch = "B1", string group = "", string birth = "1985-03-14", string applied = "2008-03-01")
    {
        id ??= Id(new DateOnly(1985, 3, 14));
        return
        [
            "张三", "男", "汉族", birth, id, "北京", "大学本科", "学士", "党政机关工作人员", "在职", "某局", "科员", "13812345678", "北京",
            applied, "2009-06-30", "2010-06-30", "正式党员", branch, group,
        ];
    }

    private static MemberImportRow Row(int number, string[] cells) => new(number, cells);

    private async Task<MemberImportCheck> CheckAsync(AccessScope scope, params MemberImportRow[] rows)
    {
        await using var db = await _db.OpenAsync();
        return await MemberImportValidator.CheckAsync(db, rows, scope, Today, null, CoreDatabase.Ct);
    }

    private Task<MemberImportCheck> CheckAsync(params MemberImportRow[] rows) => CheckAsync(CoreDatabase.Admin, rows);

    [Fact]
    public async Task ValidRow_NoErrors_PlacedInBranchAndGroup()
    {
        var check = await CheckAsync(Row(2, Cells(group: "B1G1")));

        check.Errors.ShouldBeEmpty();
        var valid = check.Valid.Single();
        (valid.Number, valid.BranchId, valid.GroupId).ShouldBe((2, _branch, (long?)_group));
        valid.Fields.Education.ShouldBe(Education.Undergraduate);
        valid.Fields.Occupation.ShouldBe(Occupation.PartyGovernmentStaff);
        valid.Fields.Category.ShouldBe(MemberCategory.Full);
    }

    [Fact]
    public async Task BadChecksum_NamesRowAndColumn()
    {
        var id = Id(new DateOnly(1985, 3, 14));
        var cells = Cells(id[..17] + (id[17] == '0' ? "1" : "0"));

        var check = await CheckAsync(Row(2, Cells()), Row(7, cells));

        check.Valid.Count.ShouldBe(1);
        check.Errors.ShouldBe([new MemberImportError(7, "身份证号", "身份证号校验位不正确，请核对")]);
    }

    [Fact]
    public async Task UnparsableDate_ReportedOnce_NotAlsoAsMissing()
    {
        var check = await CheckAsync(Row(3, Cells(birth: "1985/13/45")));

        check.Errors.ShouldBe([new MemberImportError(3, "出生日期", "出生日期“1985/13/45”格式不正确，应为 yyyy-MM-dd")]);
    }

    [Fact]
    public async Task UnknownLabel_ListsTheChoices()
    {
        var cells = Cells();
        cells[6] = "博士后";

        var error = (await CheckAsync(Row(2, cells))).Errors.Single();

        error.Column.ShouldBe("学历");
        error.Message.ShouldBe("学历“博士后”无法识别，应为：研究生、大学本科、大学专科、中专、高中、初中及以下");
    }

    [Fact]
    public async Task MissingRequiredFields_EachNamed()
    {
        var cells = Cells();
        cells[0] = "";
        cells[9] = "";
        cells[15] = "";
        cells[16] = "";

        var errors = (await CheckAsync(Row(2, cells))).Errors;

        errors.ShouldContain(new MemberImportError(2, "姓名", "请填写姓名"));
        errors.ShouldContain(new MemberImportError(2, "从业状态", "请选择从业状态"));
        errors.ShouldContain(new MemberImportError(2, "入党日期", "请填写入党日期"));
    }

    [Fact]
    public async Task AgeAtApplication_Exactly18Allowed_OneDayLessRefused()
    {
        var exactly = await CheckAsync(Row(2, Cells(applied: "2003-03-14")));
        var dayLess = await CheckAsync(Row(2, Cells(applied: "2003-03-13")));

        exactly.Errors.ShouldBeEmpty();
        dayLess.Errors.ShouldBe([new MemberImportError(2, "申请入党日期", "申请入党时未满 18 周岁（2003-03-14 起满 18 周岁）")]);
    }

    [Fact]
    public async Task DuplicateInFile_LaterRowPointsToFirst()
    {
        var id = Id(new DateOnly(1985, 3, 14));

        var check = await CheckAsync(Row(2, Cells(id)), Row(3, Cells()), Row(4, Cells(id.ToLowerInvariant())));

        check.Errors.ShouldBe([new MemberImportError(4, "身份证号", "身份证号与第 2 行重复")]);
        check.Valid.Select(v => v.Number).ShouldBe([2, 3]);
    }

    [Fact]
    public async Task DuplicateInDatabase_Refused()
    {
        var id = Id(new DateOnly(1985, 3, 14));
        var existing = (await CheckAsync(Row(2, Cells(id)))).Valid.Single();
        await using (var db = await _db.OpenAsync())
        {
            await MemberBulkInsert.InsertAsync(db, [existing], null, CoreDatabase.Ct);
        }

        (await CheckAsync(Row(2, Cells(id)))).Errors.ShouldBe([new MemberImportError(2, "身份证号", "该身份证号已登记为党员")]);
    }

    [Fact]
    public async Task UnknownCode_OutOfScope_ReadOnly_NotBranch_ForeignGroup_AreEachRefused()
    {
        var otherRoot = await _db.CreateAsync("OTHER", OrganizationKind.Committee);
        var ownBranchScope = new AccessScope("u", false, [new ScopeRoot(_branch, (await _db.FindAsync(_branch)).Path, "B1", Role.Worker)]);
        var readOnly = new AccessScope("u", false, [new ScopeRoot(_root, (await _db.FindAsync(_root)).Path, "ROOT", Role.ReadOnly)]);

        (await CheckAsync(Row(2, Cells(branch: "NOPE")))).Errors.Single().ShouldBe(new MemberImportError(2, "所在党支部编码", "党组织编码“NOPE”不存在或不在您的管理范围内"));
        (await CheckAsync(ownBranchScope, Row(2, Cells(branch: "B2")))).Errors.Single().Message.ShouldBe("党组织编码“B2”不存在或不在您的管理范围内");
        (await CheckAsync(ownBranchScope, Row(2, Cells(branch: "B1")))).Errors.ShouldBeEmpty();
        (await CheckAsync(readOnly, Row(2, Cells(branch: "B1")))).Errors.Single().Message.ShouldStartWith("您没有在");
        (await CheckAsync(Row(2, Cells(branch: "OTHER")))).Errors.Single().Message.ShouldContain("不是党支部");
        var foreignGroup = (await CheckAsync(Row(5, Cells(group: "B2G1")))).Errors.Single();
        foreignGroup.Column.ShouldBe("所在党小组编码");
        foreignGroup.Row.ShouldBe(5);
        otherRoot.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task BirthAndGenderAgainstId_Mismatch_Reported()
    {
        var cells = Cells(Id(new DateOnly(1985, 3, 14), male: false));

        var errors = (await CheckAsync(Row(2, cells))).Errors;

        errors.ShouldBe([new MemberImportError(2, "性别", "性别与身份证号不符（身份证号显示为女）")]);
    }

    [Fact]
    public void HeaderProblem_ExactTemplateAndStarredRequired_Accepted_OtherwiseListsExpected()
    {
        MemberImportValidator.HeaderProblem(MemberSheet.Headers).ShouldBeNull();
        MemberImportValidator.HeaderProblem(MemberSheet.Headers.Select(h => MemberSheet.Required.Contains(h) ? h + "*" : h).ToList()).ShouldBeNull();
        MemberImportValidator.HeaderProblem(["姓名", "性别"])!.ShouldContain("民族");
    }
}
