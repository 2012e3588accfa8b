using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Audit;

/// <summary>
/// Audits a change made outside Core's model (user accounts, passwords, tokens live in the Identity store),
/// so that every change still lands in the one audit log.
/// </summary>
public sealed record RecordExternalChangeCommand(string EntityType, string EntityKey, AuditAction Action, IReadOnlyList<FieldChange> Changes, string? Reason = null);

public sealed class RecordExternalChangeHandler(IDbContextFactory<DangjianDbContext> dbFactory, ICurrentActor actor, TimeProvider clock)
{
    public async Task HandleAsync(RecordExternalChangeCommand command, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(AuditEntry.Create(
            clock.UtcNow(), actor.UserId, actor.DisplayName, null, command.EntityType, command.EntityKey, command.Action,
            JsonSerializer.Serialize(command.Changes, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            command.Reason));
        await db.SaveChangesAsync(ct);
    }
}
