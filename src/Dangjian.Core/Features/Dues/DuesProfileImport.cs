using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Dues;

/// <summary>One row of an uploaded sheet with its Excel row number (Core does not read xlsx; the host hands it the cells).</summary>
public sealed record DuesSheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// The columns of the base template and import: one definition, so a downloaded template re-imports as it is. Members
/// are matched by full 身份证号, or by 姓名 with 身份证号后4位 (what the template carries: it never holds a full ID number).
/// </summary>
public static class DuesProfileSheet
{
    public const string SheetName = "党费基数";
    public const int MaxRows = 2000;

    public const string Name = "姓名";
    public const string IdLast4 = "身份证号后4位";
    public const string IdNumber = "身份证号";
    public const string MemberType = "人员类别";
    public const string GrossRegularPay = "应发工资";
    public const string IncomeTax = "个人所得税";
    public const string SocialInsuranceIndividual = "五险一金个人";
    public const string SocialInsuranceEmployer = "五险一金单位";
    public const string Annuity = "年金";
    public const string ExcludedAllowances = "不计入津贴";
    public const string Base = "基数";
    public const string FixedAmount = "固定金额";

    public static readonly IReadOnlyList<string> Headers =
        [Name, IdLast4, MemberType, GrossRegularPay, IncomeTax, SocialInsuranceIndividual, SocialInsuranceEmployer, Annuity, ExcludedAllowances, Base, FixedAmount];

    public static readonly IReadOnlyList<double> Widths = [10, 14, 10, 12, 12, 14, 14, 10, 12, 12, 10];

    /// <summary>The values 人员类别 takes, as the template says them; a few common variants are accepted too.</summary>
    public static readonly IReadOnlyList<string> TypeLabels = Enum.GetValues<DuesMemberType>().Select(t => t.Label()).ToList();

    public static DuesMemberType? ParseType(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        foreach (var type in Enum.GetValues<DuesMemberType>())
        {
            if (t == type.Label() || string.Equals(t, type.ToString(), StringComparison.OrdinalIgnoreCase)) return type;
        }

        return t switch
        {
            "离休" or "退休" or "离退休人员" => DuesMemberType.Retired,
            "在职人员" or "在岗" => DuesMemberType.Salaried,
            "农民党员" => DuesMemberType.Farmer,
            "下岗" or "失业" => DuesMemberType.Unemployed,
            "低保" or "救济" or "享受低保" => DuesMemberType.Relief,
            "个体户" or "个体经营" => DuesMemberType.SelfEmployed,
            "年薪" => DuesMemberType.AnnualSalary,
            _ => null,
        };
    }

    /// <summary>A header cell as its column name: trimmed, with a required-marker "*" removed.</summary>
    public static string HeaderName(string cell) => cell.Trim().TrimStart('*').TrimEnd('*').Trim();

    public static string Last4(string idNumber) => idNumber.Length >= 4 ? idNumber[^4..] : idNumber;
}

public sealed record DuesImportProblem(int Row, string Message);

/// <summary>
/// An uploaded base sheet, matched to the branch's members and waiting for the user to preview and confirm it in the
/// wizard. It belongs to its uploader. Not audited (<see cref="IUnaudited"/>): the profiles confirmed from it are.
/// </summary>
public sealed class DuesImportDraft : IUnaudited
{
    public const int FileNameMaxLength = 200;
    internal static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private DuesImportDraft()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public long OrganizationId { get; private set; }
    public int Year { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>JSON array of <see cref="DuesProfileInput"/>, numbered with their Excel rows.</summary>
    public string RowsJson { get; private set; } = "[]";

    /// <summary>JSON array of <see cref="DuesImportProblem"/>: rows that could not be matched or read.</summary>
    public string ProblemsJson { get; private set; } = "[]";

    public DateTime CreatedAtUtc { get; private set; }

    internal static DuesImportDraft Create(string userId, long organizationId, int year, string fileName, IReadOnlyList<DuesProfileInput> rows,
        IReadOnlyList<DuesImportProblem> problems, DateTime nowUtc) => new()
        {
            UserId = userId,
            OrganizationId = organizationId,
            Year = year,
            FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName,
            RowsJson = JsonSerializer.Serialize(rows, Json),
            ProblemsJson = JsonSerializer.Serialize(problems, Json),
            CreatedAtUtc = nowUtc,
        };

    public IReadOnlyList<DuesProfileInput> Rows() => JsonSerializer.Deserialize<List<DuesProfileInput>>(RowsJson, Json) ?? [];

    public IReadOnlyList<DuesImportProblem> Problems() => JsonSerializer.Deserialize<List<DuesImportProblem>>(ProblemsJson, Json) ?? [];
}

public sealed class DuesImportDraftConfiguration : IEntityTypeConfiguration<DuesImportDraft>
{
    public void Configure(EntityTypeBuilder<DuesImportDraft> builder)
    {
        builder.ToTable("DuesImportDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserId).HasMaxLength(64).IsRequired();
        builder.Property(d => d.FileName).HasMaxLength(DuesImportDraft.FileNameMaxLength).IsRequired();
        builder.Property(d => d.RowsJson).IsRequired();
        builder.Property(d => d.ProblemsJson).IsRequired();
        builder.HasIndex(d => d.UserId);
    }
}

public static class DuesImportErrors
{
    public static Error NoUser => Error.Forbidden("请先登录");
    public static Error NotAWorkbook => Error.Validation("dues.import.not_xlsx", "文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板", "File");
    public static Error NoFile => Error.Validation("dues.import.no_file", "请选择要上传的 Excel 文件", "File");
    public static Error TooLarge => Error.Validation("dues.import.too_large", "文件不能超过 10 MB", "File");
    public static Error Empty => Error.Validation("dues.import.empty", "文件中没有数据，请从第 2 行起每行填写一名党员", "File");
    public static Error TooMany => Error.Validation("dues.import.too_many", $"一次最多导入 {DuesProfileSheet.MaxRows} 行", "File");
    public static Error DraftNotFound(long id) => Error.NotFound("dues.import.not_found", $"导入记录（编号 {id}）不存在或已过期，请重新上传");

    public static Error WrongHeader => Error.Validation("dues.import.header",
        $"表头与模板不一致：应有“{DuesProfileSheet.Name}”“{DuesProfileSheet.IdLast4}”（或“{DuesProfileSheet.IdNumber}”）和“{DuesProfileSheet.MemberType}”列，请下载模板后填写", "File");

    public static string UnknownType(string text) => $"人员类别“{text}”无法识别，可填：{string.Join("、", DuesProfileSheet.TypeLabels)}";
    public static string NoSuchMember(string name, string id, int year) => $"本支部 {year} 年的党员中没有“{name}”{(id.Length > 0 ? $"（身份证号 …{DuesProfileSheet.Last4(id)}）" : "")}";
    public static string AmbiguousMember(string name) => $"本支部有多名党员叫“{name}”，请填写身份证号后4位以区分";
    public static string DuplicateMember(string name, int firstRow) => $"“{name}”与第 {firstRow} 行是同一名党员";
    public const string NameRequired = "请填写姓名";
}

public sealed record StartDuesProfileImportCommand(long OrganizationId, int Year, string FileName, IReadOnlyList<DuesSheetRow> Rows);

public sealed record DuesImportStarted(long DraftId, int Rows, IReadOnlyList<DuesImportProblem> Problems);

/// <summary>
/// Reads an uploaded base sheet into wizard rows: finds each member, reads the type, keeps the amounts as typed (the
/// preview checks them, exactly as it checks typed input). Rows it cannot match are listed with their Excel row number.
/// Drafts older than a day are removed as new ones come in.
/// </summary>
public sealed class StartDuesProfileImportHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(1);

    public async Task<Result<DuesImportStarted>> HandleAsync(StartDuesProfileImportCommand command, AccessScope scope, CancellationToken ct)
    {
        if (scope.UserId is null) return DuesImportErrors.NoUser;
        if (!DuesBranch.IsValidYear(command.Year)) return DuesProfileErrors.YearOutOfRange;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DuesBranch.LoadAsync(db, command.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        if (command.Rows.Count == 0) return DuesImportErrors.Empty;
        var columns = Columns(command.Rows[0].Cells);
        if (columns is null) return DuesImportErrors.WrongHeader;
        var data = command.Rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (data.Count == 0) return DuesImportErrors.Empty;
        if (data.Count > DuesProfileSheet.MaxRows) return DuesImportErrors.TooMany;

        var roster = await DuesBranch.MembersAsync(db, command.OrganizationId, command.Year, clock.Today(), ct);
        var (rows, problems) = Match(data, columns, roster, command.Year);

        var now = clock.UtcNow();
        var stale = now - DraftLifetime;
        await db.Set<DuesImportDraft>().Where(d => d.CreatedAtUtc < stale).ExecuteDeleteAsync(ct);
        var draft = DuesImportDraft.Create(scope.UserId, command.OrganizationId, command.Year, command.FileName, rows, problems, now);
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        return new DuesImportStarted(draft.Id, rows.Count, problems);
    }

    /// <summary>Column positions by header name; null when a required column is missing.</summary>
    internal static Dictionary<string, int>? Columns(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = DuesProfileSheet.HeaderName(header[i]);
            if (name.Length > 0) columns.TryAdd(name, i);
        }

        var identifies = columns.ContainsKey(DuesProfileSheet.IdLast4) || columns.ContainsKey(DuesProfileSheet.IdNumber);
        return columns.ContainsKey(DuesProfileSheet.Name) && identifies && columns.ContainsKey(DuesProfileSheet.MemberType) ? columns : null;
    }

    internal static (List<DuesProfileInput> Rows, List<DuesImportProblem> Problems) Match(
        IReadOnlyList<DuesSheetRow> data, Dictionary<string, int> columns, IReadOnlyList<DuesRosterMember> roster, int year)
    {
        var byId = roster.GroupBy(m => Members.IdNumber.Normalize(m.IdNumber)).ToDictionary(g => g.Key, g => g.First());
        var byName = roster.ToLookup(m => m.Name);
        var rows = new List<DuesProfileInput>();
        var problems = new List<DuesImportProblem>();
        var firstRowOf = new Dictionary<long, int>();
        foreach (var row in data)
        {
            string Cell(string column) => columns.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i].Trim() : "";
            var name = Cell(DuesProfileSheet.Name);
            var fullId = Members.IdNumber.Normalize(Cell(DuesProfileSheet.IdNumber));
            var last4 = Members.IdNumber.Normalize(Cell(DuesProfileSheet.IdLast4));
            if (last4.Length == 0 && fullId.Length > 0) last4 = DuesProfileSheet.Last4(fullId);

            DuesRosterMember? member = null;
            if (fullId.Length > 0)
            {
                member = byId.GetValueOrDefault(fullId);
            }
            else if (name.Length == 0)
            {
                problems.Add(new DuesImportProblem(row.Number, DuesImportErrors.NameRequired));
                continue;
            }
            else
            {
                var candidates = byName[name].Where(m => last4.Length == 0 || Members.IdNumber.Normalize(m.IdNumber).EndsWith(last4, StringComparison.Ordinal)).ToList();
                if (candidates.Count > 1)
                {
                    problems.Add(new DuesImportProblem(row.Number, DuesImportErrors.AmbiguousMember(name)));
                    continue;
                }

                member = candidates.SingleOrDefault();
            }

            if (member is null)
            {
                problems.Add(new DuesImportProblem(row.Number, DuesImportErrors.NoSuchMember(name, fullId.Length > 0 ? fullId : last4, year)));
                continue;
            }

            if (firstRowOf.TryGetValue(member.MemberId, out var firstRow))
            {
                problems.Add(new DuesImportProblem(row.Number, DuesImportErrors.DuplicateMember(member.Name, firstRow)));
                continue;
            }

            firstRowOf[member.MemberId] = row.Number;
            var typeText = Cell(DuesProfileSheet.MemberType);
            var type = DuesProfileSheet.ParseType(typeText);
            if (type is null && typeText.Length > 0)
            {
                problems.Add(new DuesImportProblem(row.Number, DuesImportErrors.UnknownType(typeText)));
                continue;
            }

            var parts = new DuesBasePartsInput(
                Cell(DuesProfileSheet.GrossRegularPay), Cell(DuesProfileSheet.IncomeTax), Cell(DuesProfileSheet.SocialInsuranceIndividual),
                Cell(DuesProfileSheet.SocialInsuranceEmployer), Cell(DuesProfileSheet.Annuity), Cell(DuesProfileSheet.ExcludedAllowances));
            rows.Add(new DuesProfileInput(member.MemberId, type, Blank(Cell(DuesProfileSheet.Base)), parts.IsEmpty ? null : parts,
                Blank(Cell(DuesProfileSheet.FixedAmount)), row.Number));
        }

        return (rows, problems);
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}

public sealed record GetDuesProfileImportQuery(long DraftId);

public sealed record DuesImportDraftView(
    long Id, long OrganizationId, int Year, string FileName, IReadOnlyList<DuesProfileInput> Rows, IReadOnlyList<DuesImportProblem> Problems, DateTime CreatedAtUtc);

/// <summary>An uploaded draft, for its uploader only; still checked against the caller's scope on the branch.</summary>
public sealed class GetDuesProfileImportHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<DuesImportDraftView>> HandleAsync(GetDuesProfileImportQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await db.Set<DuesImportDraft>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == query.DraftId && scope.UserId != null && d.UserId == scope.UserId, ct);
        if (draft is null) return DuesImportErrors.DraftNotFound(query.DraftId);
        var loaded = await DuesBranch.LoadAsync(db, draft.OrganizationId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return DuesImportErrors.DraftNotFound(query.DraftId);
        return new DuesImportDraftView(draft.Id, draft.OrganizationId, draft.Year, draft.FileName, draft.Rows(), draft.Problems(), draft.CreatedAtUtc);
    }
}

public sealed record GetDuesProfileTemplateQuery(long OrganizationId, int Year);

/// <summary>
/// The template, pre-filled with the branch's members (name and the last four digits of the ID number, so the file carries
/// no full ID number) and whatever is already set for the year, so that it re-imports unchanged.
/// </summary>
public sealed class GetDuesProfileTemplateHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<string?[]>>> HandleAsync(GetDuesProfileTemplateQuery query, AccessScope scope, CancellationToken ct)
    {
        if (!DuesBranch.IsValidYear(query.Year)) return DuesProfileErrors.YearOutOfRange;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DuesBranch.LoadAsync(db, query.OrganizationId, scope, Permission.Read, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var members = await DuesBranch.MembersAsync(db, query.OrganizationId, query.Year, clock.Today(), ct);
        var profiles = await GetDuesProfilesHandler.ProfilesAsync(db, members.Select(m => m.MemberId).ToList(), [query.Year], ct);
        var rows = new List<string?[]>(members.Count);
        foreach (var m in members)
        {
            var p = profiles.GetValueOrDefault((m.MemberId, query.Year));
            var type = p?.MemberType ?? DuesBranch.SuggestType(m.EmploymentStatus, m.Occupation);
            var parts = p?.Parts;
            rows.Add(
            [
                m.Name, DuesProfileSheet.Last4(m.IdNumber), type?.Label(),
                Amount(parts?.GrossRegularPay), Amount(parts?.IncomeTax), Amount(parts?.SocialInsuranceIndividual), Amount(parts?.SocialInsuranceEmployer),
                Amount(parts?.Annuity), Amount(parts?.ExcludedAllowances), parts is null ? Amount(p?.Base) : null, Amount(p?.FixedAmount),
            ]);
        }

        return rows;
    }

    private static string? Amount(decimal? value) => value is { } v ? DuesBasePartsInput.Text(v) : null;
}
