using System.Globalization;
using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dangjian.Core.Data;

/// <summary>
/// Turns the change tracker's pending changes into <see cref="AuditEntry"/> rows. Values are captured before the save
/// (so "before" is the stored value), keys after it (so generated ids are known).
/// </summary>
internal sealed class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(EntityEntry Entry, AuditAction Action, List<FieldChange> Changes, long? OrganizationId)> _pending = [];

    public bool HasChanges => _pending.Count > 0;

    public static AuditRecorder Capture(ChangeTracker tracker)
    {
        var recorder = new AuditRecorder();
        tracker.DetectChanges();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or IUnaudited || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = action == AuditAction.Created ? [] : Changes(entry, action);
            if (action == AuditAction.Updated && changes.Count == 0)
            {
                continue;
            }

            long? organizationId = entry.Entity is IOrganizationOwned owned && action != AuditAction.Created ? owned.OrganizationId : null;
            recorder._pending.Add((entry, action, changes, organizationId));
        }

        return recorder;
    }

    /// <summary>Entities that finish themselves once their key is known (see <see cref="ICompletesAfterInsert"/>).</summary>
    public IEnumerable<ICompletesAfterInsert> Inserted =>
        _pending.Where(p => p.Action == AuditAction.Created).Select(p => p.Entry.Entity).OfType<ICompletesAfterInsert>();

    private static List<FieldChange> Changes(EntityEntry entry, AuditAction action)
    {
            var changes = new List<FieldChange>();
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.IsPrimaryKey() && action != AuditAction.Deleted)
                {
                    continue;
                }

                var before = action == AuditAction.Created ? null : Format(property.OriginalValue);
                var after = action == AuditAction.Deleted ? null : Format(property.CurrentValue);
                if (action == AuditAction.Updated && (!property.IsModified || before == after))
                {
                    continue;
                }

                if (before is null && after is null)
                {
                    continue;
                }

                changes.Add(new FieldChange(property.Metadata.Name, before, after));
            }

            return changes;
    }

    /// <summary>Builds the rows once the save has assigned keys.</summary>
    public IEnumerable<AuditEntry> Entries(DateTime atUtc, ICurrentActor actor, string? reason)
    {
        foreach (var (entry, action, changes, organizationId) in _pending)
        {
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
            var orgId = organizationId ?? (entry.Entity is IOrganizationOwned owned ? owned.OrganizationId : null);
            var recorded = action == AuditAction.Created ? Changes(entry, action) : changes;
            yield return AuditEntry.Create(
                atUtc, actor.UserId, actor.DisplayName, orgId, entry.Metadata.ClrType.Name, key, action,
                JsonSerializer.Serialize(recorded, Json), reason);
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
