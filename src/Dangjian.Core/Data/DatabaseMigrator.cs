using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Data;

/// <summary>Applies the hand-written migrations; SQLite is switched to WAL so readers never block the writer.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(DbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await db.Database.MigrateAsync(ct);
    }
}
