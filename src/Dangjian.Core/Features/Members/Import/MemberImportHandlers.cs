using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members.Import;

public static class MemberImportErrors
{
    public static Error NotFound(long id) => Error.NotFound("import.not_found", $"导入任务（编号 {id}）不存在");
    public static Error NoWritePermission => Error.Forbidden("您没有登记党员的权限");
    public static Error NotAWorkbook => Error.Validation("import.not_xlsx", "文件不是有效的 Excel 工作簿（.xlsx），请使用导入模板", "File");
    public static Error Empty => Error.Validation("import.empty", "文件中没有党员数据，请从第 2 行起填写", "File");
    public static Error TooMany => Error.Validation("import.too_many", $"一次最多导入 {MemberSheet.MaxRows} 行，请分批导入", "File");

    public static Error WrongHeader(IReadOnlyList<string> missing) =>
        Error.Validation("import.header", $"表头与导入模板不一致（应有列：{string.Join("、", missing)}），请下载模板后填写", "File");

    public static Error NotReady(ImportJobStatus status) => Error.Conflict("import.not_ready", $"导入任务当前状态为“{status.Label()}”，不能确认导入");
    public static Error HasErrors(int count) => Error.Conflict("import.has_errors", $"文件中有 {count} 处错误，请修改后重新上传；有错误时不能导入");
}

/// <summary>Uploaded rows: the first is the header, the rest are data, each with its Excel row number.</summary>
public sealed record StartMemberImportCommand(string FileName, IReadOnlyList<MemberImportRow> Rows);

/// <summary>Opens an import job for the caller; the background worker then checks every row.</summary>
public sealed class StartMemberImportHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public async Task<Result<long>> HandleAsync(StartMemberImportCommand command, AccessScope scope, CancellationToken ct)
    {
        if (scope.UserId is null || !scope.AllowsAnywhere(Permission.Write)) return MemberImportErrors.NoWritePermission;
        if (command.Rows.Count == 0) return MemberImportErrors.Empty;
        var missing = MemberImportValidator.HeaderProblem(command.Rows[0].Cells);
        if (missing is not null) return MemberImportErrors.WrongHeader(missing);
        var data = command.Rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (data.Count == 0) return MemberImportErrors.Empty;
        if (data.Count > MemberSheet.MaxRows) return MemberImportErrors.TooMany;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = ImportJob.Start(scope.UserId, actor.DisplayName, command.FileName, data, clock.UtcNow());
        db.Add(job);
        await db.SaveChangesAsync(ct);
        return job.Id;
    }
}

public sealed record MemberImportJobView(
    long Id, string FileName, ImportJobStatus Status, string StatusLabel, int Total, int Processed, int ErrorCount, int Imported,
    string? Message, IReadOnlyList<MemberImportError> Errors, DateTime CreatedAtUtc, DateTime? FinishedAtUtc)
{
    public bool CanCommit => Status == ImportJobStatus.AwaitingConfirmation && ErrorCount == 0;
    public bool IsRunning => Status.IsRunning();
    public int Percent => Total == 0 ? 100 : (int)(100L * Processed / Total);
}

public sealed record GetMemberImportJobQuery(long Id);

/// <summary>A job's progress and errors; only its uploader sees it.</summary>
public sealed class GetMemberImportJobHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<MemberImportJobView>> HandleAsync(GetMemberImportJobQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Set<ImportJob>().AsNoTracking()
            .Where(j => j.Id == query.Id && j.UserId == scope.UserId && scope.UserId != null)
            .Select(j => new { j.Id, j.FileName, j.Status, j.Total, j.Processed, j.ErrorCount, j.Imported, j.Message, j.ErrorsJson, j.CreatedAtUtc, j.FinishedAtUtc })
            .SingleOrDefaultAsync(ct);
        if (job is null) return MemberImportErrors.NotFound(query.Id);
        var errors = System.Text.Json.JsonSerializer.Deserialize<List<MemberImportError>>(job.ErrorsJson) ?? [];
        return new MemberImportJobView(
            job.Id, job.FileName, job.Status, job.Status.Label(), job.Total, job.Processed, job.ErrorCount, job.Imported, job.Message, errors,
            job.CreatedAtUtc, job.FinishedAtUtc);
    }
}

public sealed record ConfirmMemberImportCommand(long Id);

/// <summary>The user confirms a checked file with zero errors; the background worker then imports it.</summary>
public sealed class ConfirmMemberImportHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(ConfirmMemberImportCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Set<ImportJob>().SingleOrDefaultAsync(j => j.Id == command.Id && j.UserId == scope.UserId && scope.UserId != null, ct);
        if (job is null) return MemberImportErrors.NotFound(command.Id);
        if (job.Status != ImportJobStatus.AwaitingConfirmation) return MemberImportErrors.NotReady(job.Status);
        if (job.ErrorCount > 0) return MemberImportErrors.HasErrors(job.ErrorCount);
        job.BeginImport();
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

public sealed record RunMemberImportJobCommand(long Id);

/// <summary>
/// The background step of a job, run with the uploader's scope: a job 校验中 gets every row checked; a job 导入中 is
/// checked again (the database may have changed) and, only with zero errors, inserted in ONE transaction: all members,
/// their placements and their audit rows, or nothing.
/// </summary>
public sealed class RunMemberImportJobHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(RunMemberImportJobCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Set<ImportJob>().SingleOrDefaultAsync(j => j.Id == command.Id && j.UserId == scope.UserId && scope.UserId != null, ct);
        if (job is null) return MemberImportErrors.NotFound(command.Id);
        if (!job.Status.IsRunning()) return Done.Value;

        var rows = job.Rows();
        if (job.Status == ImportJobStatus.Validating)
        {
            var check = await MemberImportValidator.CheckAsync(db, rows, scope, clock.Today(), async n => await ReportAsync(job, n, ct), ct);
            job.Checked(check.Errors);
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }

        var recheck = await MemberImportValidator.CheckAsync(db, rows, scope, clock.Today(), null, ct);
        if (recheck.Errors.Count > 0)
        {
            job.Fail("导入前复核发现错误，未导入任何党员", recheck.Errors, clock.UtcNow());
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }

        await MemberBulkInsert.InsertAsync(db, recheck.Valid, () => job.Complete(recheck.Valid.Count, clock.UtcNow()), ct);
        return Done.Value;
    }

    // Progress goes out through its own context, so the poll sees it while the check still runs.
    private async Task ReportAsync(ImportJob job, int processed, CancellationToken ct)
    {
        job.Progress(processed);
        await using var progressDb = await dbFactory.CreateDbContextAsync(ct);
        await progressDb.Set<ImportJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Processed, job.Processed), ct);
    }
}

/// <summary>Inserts checked rows set-based: one AddRange and save for the members, one for their placements, one transaction.</summary>
public static class MemberBulkInsert
{
    public static async Task<int> InsertAsync(DangjianDbContext db, IReadOnlyList<ValidMemberRow> rows, Action? beforeFinalSave, CancellationToken ct)
    {
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var members = rows.Select(r => Member.Create(r.Fields, r.BranchId, r.GroupId)).ToList();
            db.AddRange(members);
            await db.SaveChangesAsync(ct);
            db.AddRange(members.Select((m, i) => MemberPlacement.Open(m.Id, rows[i].BranchId, rows[i].GroupId, rows[i].Fields.AdmittedOn)));
            beforeFinalSave?.Invoke();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return members.Count;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }
    }
}
