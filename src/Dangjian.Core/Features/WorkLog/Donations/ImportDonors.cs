using System.Globalization;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.WorkLog.Donations;

/// <summary>One row of a donor list: 身份证号码, 姓名 (checked against the member when given), 捐款金额（元）.</summary>
public sealed record DonorImportRow(int Number, string? IdNumber, string? Name, string? Amount);

/// <summary>
/// Adds a list of member donors (e.g. 200 rows from the finance office) to a drive. Validate, then commit: every row is checked
/// first (ID number known, member inside the caller's scope and on the organization's roster on the drive's date, amount a
/// non-negative number with at most 2 decimals, not listed twice, not already a donor); one bad row reports its row number and
/// reason and nothing is saved.
/// </summary>
public sealed record ImportDonorsCommand(long DriveId, IReadOnlyList<DonorImportRow> Rows);

public sealed record DonorImportResult(int Added, decimal Amount);

public sealed class ImportDonorsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public const int MaxRows = 5000;

    public static readonly IReadOnlyList<string> Headers = ["身份证号码", "姓名", "捐款金额（元）"];

    public async Task<Result<DonorImportResult>> HandleAsync(ImportDonorsCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await DonationAccess.LoadAsync(db, command.DriveId, scope, Permission.Write, ct);
        if (!loaded.IsSuccess) return loaded.FirstError;
        var (drive, organization) = loaded.Value;
        if (command.Rows.Count == 0) return Error.Validation("import.empty", "文件中没有捐款名单，请从第 2 行起填写", "File");
        if (command.Rows.Count > MaxRows) return Error.Validation("import.too_many", $"一次最多导入 {MaxRows} 行，请分批导入", "File");

        var ids = command.Rows.Select(r => IdNumber.Normalize(r.IdNumber)).Where(s => s.Length > 0).Distinct().ToList();
        var members = new List<(long Id, string Name, string IdNumber, string Path)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await (from m in db.Set<Member>().AsNoTracking()
                               join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                               where chunk.Contains(m.IdNumber)
                               select new { m.Id, m.Name, m.IdNumber, o.Path }).ToListAsync(ct);
            members.AddRange(found.Select(f => (f.Id, f.Name, f.IdNumber, f.Path)));
        }

        var byId = members.GroupBy(m => m.IdNumber).ToDictionary(g => g.Key, g => g.First());
        var candidateIds = members.Select(m => m.Id).ToList();
        var onRoster = new HashSet<long>();
        foreach (var chunk in candidateIds.Chunk(500))
        {
            var keys = chunk.ToList();
            onRoster.UnionWith(await DonationRoster.MemberIdsOn(db, organization.Path, drive.HeldOn).Where(id => keys.Contains(id)).ToListAsync(ct));
        }

        var already = drive.Donors.Select(d => d.MemberId).ToHashSet();
        var seen = new Dictionary<long, int>();
        var errors = new List<Error>();
        var accepted = new List<(long MemberId, decimal Amount)>();
        foreach (var row in command.Rows)
        {
            void Bad(string reason) => errors.Add(Error.Validation("import.row", $"第 {row.Number} 行：{reason}", "File"));

            var idNumber = IdNumber.Normalize(row.IdNumber);
            decimal amount = 0;
            var amountText = row.Amount?.Trim();
            if (string.IsNullOrEmpty(amountText)) Bad("请填写捐款金额");
            else if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out amount)) Bad($"捐款金额“{amountText}”不是数字");
            else if (amount < 0) Bad($"捐款金额（{amount}）不能为负数");
            else if (WorkLogValidation.DecimalPlaces(amount) > 2) Bad($"捐款金额（{amount}）最多保留2位小数");

            if (idNumber.Length == 0)
            {
                Bad("请填写身份证号码");
                continue;
            }

            // Members outside the caller's scope read as unknown: the list must not reveal who exists elsewhere.
            if (!byId.TryGetValue(idNumber, out var member) || !scope.Allows(member.Path, Permission.Write))
            {
                Bad($"身份证号码 {IdNumber.Mask(idNumber)} 不是您管理范围内的党员");
                continue;
            }

            var name = row.Name?.Trim();
            if (!string.IsNullOrEmpty(name) && name != member.Name) Bad($"姓名“{name}”与身份证号码对应的党员姓名不一致");
            if (!onRoster.Contains(member.Id)) Bad($"{member.Name}在捐款日期（{drive.HeldOn:yyyy-MM-dd}）不是{organization.Name}（含下级）的党员");
            if (seen.TryGetValue(member.Id, out var first)) Bad($"{member.Name}与第 {first} 行重复");
            else seen[member.Id] = row.Number;
            if (already.Contains(member.Id)) Bad($"{member.Name}已登记为本次活动的捐款人");
            accepted.Add((member.Id, amount));
        }

        if (errors.Count > 0) return Result<DonorImportResult>.Failure(errors);
        drive.AddDonors(accepted);
        await db.SaveChangesAsync(ct);
        return new DonorImportResult(accepted.Count, accepted.Sum(a => a.Amount));
    }
}
