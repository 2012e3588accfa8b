using System.Text.Json;
using Dangjian.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Members.Import;

public enum ImportJobStatus
{
    Validating,
    AwaitingConfirmation,
    Importing,
    Completed,
    Failed,
}

public static class ImportJobStatusLabels
{
    public static string Label(this ImportJobStatus status) => status switch
    {
        ImportJobStatus.Validating => "校验中",
        ImportJobStatus.AwaitingConfirmation => "待确认",
        ImportJobStatus.Importing => "导入中",
        ImportJobStatus.Completed => "已完成",
        _ => "失败",
    };

    public static bool IsRunning(this ImportJobStatus status) => status is ImportJobStatus.Validating or ImportJobStatus.Importing;
}

/// <summary>
/// A member import in progress: the uploaded rows (kept so that committing needs no second upload), the progress of the
/// background worker, and every error found. It belongs to the user who uploaded it, and runs with that user's scope.
/// Not audited itself (<see cref="IUnaudited"/>): each member it creates is.
/// </summary>
public sealed class ImportJob : IUnaudited
{
    public const int FileNameMaxLength = 200;
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ImportJob()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>The uploader's name, for the audit rows the background worker writes on their behalf.</summary>
    public string UserName { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public ImportJobStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public int ErrorCount { get; private set; }
    public int Imported { get; private set; }

    /// <summary>JSON array of <see cref="MemberImportRow"/>.</summary>
    public string RowsJson { get; private set; } = "[]";

    /// <summary>JSON array of <see cref="MemberImportError"/>.</summary>
    public string ErrorsJson { get; private set; } = "[]";

    public string? Message { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }

    internal static ImportJob Start(string userId, string userName, string fileName, IReadOnlyList<MemberImportRow> rows, DateTime nowUtc) => new()
    {
        UserId = userId,
        UserName = userName.Length > 100 ? userName[..100] : userName,
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName,
        Status = ImportJobStatus.Validating,
        Total = rows.Count,
        RowsJson = JsonSerializer.Serialize(rows, Json),
        CreatedAtUtc = nowUtc,
    };

    public IReadOnlyList<MemberImportRow> Rows() => JsonSerializer.Deserialize<List<MemberImportRow>>(RowsJson, Json) ?? [];

    public IReadOnlyList<MemberImportError> Errors() => JsonSerializer.Deserialize<List<MemberImportError>>(ErrorsJson, Json) ?? [];

    internal void Progress(int processed) => Processed = Math.Min(processed, Total);

    internal void Checked(IReadOnlyList<MemberImportError> errors)
    {
        ErrorsJson = JsonSerializer.Serialize(errors, Json);
        ErrorCount = errors.Count;
        Processed = Total;
        Status = ImportJobStatus.AwaitingConfirmation;
    }

    internal void BeginImport()
    {
        Status = ImportJobStatus.Importing;
        Processed = 0;
    }

    internal void Complete(int imported, DateTime nowUtc)
    {
        Imported = imported;
        Processed = Total;
        Status = ImportJobStatus.Completed;
        FinishedAtUtc = nowUtc;
        RowsJson = "[]";
    }

    /// <summary>Committing found new errors (someone registered an ID meanwhile): nothing was imported, the errors are shown.</summary>
    internal void Fail(string message, IReadOnlyList<MemberImportError> errors, DateTime nowUtc)
    {
        Message = message;
        ErrorsJson = JsonSerializer.Serialize(errors, Json);
        ErrorCount = errors.Count;
        Status = ImportJobStatus.Failed;
        FinishedAtUtc = nowUtc;
    }
}

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("ImportJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.UserId).HasMaxLength(64).IsRequired();
        builder.Property(j => j.UserName).HasMaxLength(100).IsRequired();
        builder.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameMaxLength).IsRequired();
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(j => j.RowsJson).IsRequired();
        builder.Property(j => j.ErrorsJson).IsRequired();
        builder.Property(j => j.Message).HasMaxLength(500);
        builder.HasIndex(j => j.UserId);
    }
}
