using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members.Import;

/// <summary>A data row of an uploaded sheet: its row number as Excel shows it, and its cells in <see cref="MemberSheet.Headers"/> order.</summary>
public sealed record MemberImportRow(int Number, IReadOnlyList<string> Cells);

/// <summary>One problem in an uploaded sheet: the row as Excel numbers it, the column header, and the reason in Chinese.</summary>
public sealed record MemberImportError(int Row, string Column, string Message);

/// <summary>A row that passed every check, ready to insert.</summary>
public sealed record ValidMemberRow(int Number, MemberFields Fields, long BranchId, long? GroupId);

public sealed record MemberImportCheck(IReadOnlyList<ValidMemberRow> Valid, IReadOnlyList<MemberImportError> Errors);

/// <summary>
/// Checks every row of a member sheet: each cell parsed (enums by their Chinese labels), <see cref="MemberRules"/>
/// (GB 11643 checksum, birth date and sex against the ID, age ≥ 18 on the application day, birth &lt; application &lt;
/// 入党 &lt; 转正), the branch code known, in the caller's scope with write permission and really a branch, the 党小组
/// code a group of that branch, and the ID number neither repeated in the file nor already registered.
/// Set-based: organizations and registered IDs are looked up once per file, not per row.
/// </summary>
public static class MemberImportValidator
{
    private const int ProgressEvery = 500;
    private const int IdLookupChunk = 500;

    public static IReadOnlyList<string>? HeaderProblem(IReadOnlyList<string> header)
    {
        var cleaned = header.Select(h => h.Trim().TrimStart('*').TrimEnd('*').Trim()).ToList();
        while (cleaned.Count > 0 && cleaned[^1].Length == 0) cleaned.RemoveAt(cleaned.Count - 1);
        var missing = MemberSheet.Headers.Where((h, i) => i >= cleaned.Count || cleaned[i] != h).ToList();
        return missing.Count == 0 ? null : missing;
    }

    public static async Task<MemberImportCheck> CheckAsync(
        DangjianDbContext db, IReadOnlyList<MemberImportRow> rows, AccessScope scope, DateOnly today,
        Func<int, Task>? progress, CancellationToken ct)
    {
        var errors = new List<MemberImportError>();
        var parsed = new List<(MemberImportRow Row, MemberInput Input, string BranchCode, string GroupCode)>(rows.Count);
        var rowErrorCount = new Dictionary<int, int>();

        var codes = rows.SelectMany(r => new[] { Cell(r, 18), Cell(r, 19) }).Where(c => c.Length > 0).Distinct().ToList();
        var organizations = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(IdLookupChunk))
        {
            foreach (var o in await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Code)).ToListAsync(ct))
            {
                organizations[o.Code] = o;
            }
        }

        var ids = rows.Select(r => IdNumber.Normalize(Cell(r, 4))).Where(i => i.Length == 18).Distinct().ToList();
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(IdLookupChunk))
        {
            registered.UnionWith(await db.Set<Member>().Where(m => chunk.Contains(m.IdNumber)).Select(m => m.IdNumber).ToListAsync(ct));
        }

        var firstRowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = new List<ValidMemberRow>(rows.Count);
        var done = 0;
        foreach (var row in rows)
        {
            var rowErrors = new List<MemberImportError>();
            void Add(string column, string message) => rowErrors.Add(new MemberImportError(row.Number, column, message));

            var input = Parse(row, Add, out var unparsable);
            var checkedRules = MemberRules.Validate(input, today);
            if (!checkedRules.IsSuccess)
            {
                foreach (var e in checkedRules.Errors)
                {
                    var column = MemberSheet.ColumnOf(e.Field);
                    if (!unparsable.Contains(column)) Add(column, e.Message);
                }
            }

            var (branchId, groupId) = CheckPlacement(Cell(row, 18), Cell(row, 19), organizations, scope, Add);

            var id = IdNumber.Normalize(Cell(row, 4));
            if (id.Length > 0)
            {
                if (firstRowOfId.TryGetValue(id, out var first)) Add(MemberSheet.IdNumber, $"身份证号与第 {first} 行重复");
                else firstRowOfId[id] = row.Number;
                if (registered.Contains(id)) Add(MemberSheet.IdNumber, MemberErrors.IdTaken.Message);
            }

            if (rowErrors.Count == 0 && checkedRules.IsSuccess && branchId is long b)
            {
                valid.Add(new ValidMemberRow(row.Number, checkedRules.Value, b, groupId));
            }
            else
            {
                errors.AddRange(rowErrors);
            }

            done++;
            if (progress is not null && done % ProgressEvery == 0) await progress(done);
        }

        if (progress is not null) await progress(done);
        return new MemberImportCheck(valid, errors);
    }

    private static (long? BranchId, long? GroupId) CheckPlacement(
        string branchCode, string groupCode, Dictionary<string, Organization> organizations, AccessScope scope, Action<string, string> add)
    {
        if (branchCode.Length == 0)
        {
            add(MemberSheet.BranchCode, "请填写所在党支部编码");
            return (null, null);
        }

        if (!organizations.TryGetValue(branchCode, out var branch) || !scope.Allows(branch.Path, Permission.Read))
        {
            add(MemberSheet.BranchCode, $"党组织编码“{branchCode}”不存在或不在您的管理范围内");
            return (null, null);
        }

        if (!scope.Allows(branch.Path, Permission.Write))
        {
            add(MemberSheet.BranchCode, $"您没有在“{branch.Name}”登记党员的权限");
            return (null, null);
        }

        if (!branch.Kind.IsBranch())
        {
            add(MemberSheet.BranchCode, MemberErrors.NotABranch(branch.Name).Message);
            return (null, null);
        }

        if (branch.IsDissolved)
        {
            add(MemberSheet.BranchCode, MemberErrors.OrganizationDissolved(branch.Name).Message);
            return (null, null);
        }

        if (groupCode.Length == 0) return (branch.Id, null);
        if (!organizations.TryGetValue(groupCode, out var group) || group.Kind != OrganizationKind.Group || group.ParentId != branch.Id || group.IsDissolved)
        {
            add(MemberSheet.GroupCode, $"党小组编码“{groupCode}”不是“{branch.Name}”的党小组");
            return (branch.Id, null);
        }

        return (branch.Id, group.Id);
    }

    private static MemberInput Parse(MemberImportRow row, Action<string, string> add, out HashSet<string> unparsable)
    {
        var bad = new HashSet<string>();
        DateOnly? Date(int index, string column)
        {
            var text = Cell(row, index);
            if (text.Length == 0) return null;
            if (MemberSheet.TryParseDate(text, out var d)) return d;
            add(column, $"{column}“{text}”格式不正确，应为 yyyy-MM-dd");
            bad.Add(column);
            return null;
        }

        T? Label<T>(int index, string column, Func<T, string> label, string choices)
            where T : struct, Enum
        {
            var text = Cell(row, index);
            if (text.Length == 0) return null;
            if (MemberLabels.TryParseLabel(text, label, out var value)) return value;
            add(column, $"{column}“{text}”无法识别，应为：{choices}");
            bad.Add(column);
            return null;
        }

        static string Choices<T>(Func<T, string> label)
            where T : struct, Enum => string.Join("、", Enum.GetValues<T>().Select(label));

        var categoryText = Cell(row, 17);
        MemberCategory? category = categoryText switch
        {
            "正式" => MemberCategory.Full,
            "预备" => MemberCategory.Probationary,
            _ => Label<MemberCategory>(17, MemberSheet.Category, MemberLabels.Label, Choices<MemberCategory>(MemberLabels.Label)),
        };

        var input = new MemberInput
        {
            Name = Cell(row, 0),
            Gender = Label<Gender>(1, MemberSheet.Gender, MemberLabels.Label, "男、女"),
            Ethnicity = NullIfEmpty(Cell(row, 2)),
            BirthDate = Date(3, MemberSheet.BirthDate),
            IdNumber = Cell(row, 4),
            NativePlace = NullIfEmpty(Cell(row, 5)),
            Education = Label<Education>(6, MemberSheet.Education, MemberLabels.Label, Choices<Education>(MemberLabels.Label)),
            Degree = NullIfEmpty(Cell(row, 7)),
            Occupation = Label<Occupation>(8, MemberSheet.Occupation, MemberLabels.Label, Choices<Occupation>(MemberLabels.Label)),
            EmploymentStatus = Label<EmploymentStatus>(9, MemberSheet.EmploymentStatus, MemberLabels.Label, Choices<EmploymentStatus>(MemberLabels.Label)),
            Employer = NullIfEmpty(Cell(row, 10)),
            JobTitle = NullIfEmpty(Cell(row, 11)),
            Phone = NullIfEmpty(Cell(row, 12)),
            Address = NullIfEmpty(Cell(row, 13)),
            ApplicationDate = Date(14, MemberSheet.ApplicationDate),
            AdmittedOn = Date(15, MemberSheet.AdmittedOn),
            ConfirmedOn = Date(16, MemberSheet.ConfirmedOn),
            Category = category,
        };
        unparsable = bad;
        return input;
    }

    private static string Cell(MemberImportRow row, int index) => index < row.Cells.Count ? row.Cells[index]?.Trim() ?? "" : "";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
