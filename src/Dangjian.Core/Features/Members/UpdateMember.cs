using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>Corrects a member's personal and Party data under the same field rules as registration (<see cref="MemberRules"/>).</summary>
public sealed record UpdateMemberCommand(long MemberId, MemberInput Input);

public sealed class UpdateMemberHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Result<Done>> HandleAsync(UpdateMemberCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Write, ct, tracking: true);
        if (!loaded.IsSuccess) return loaded.FirstError;
        // A caller who sees the ID number and phone masked gets them back masked in the form; unchanged masks keep the stored values.
        var current = loaded.Value.Member;
        var input = command.Input with
        {
            IdNumber = command.Input.IdNumber == IdNumber.Mask(current.IdNumber) ? current.IdNumber : command.Input.IdNumber,
            Phone = current.Phone is not null && command.Input.Phone == IdNumber.MaskPhone(current.Phone) ? current.Phone : command.Input.Phone,
        };
        var validated = MemberRules.Validate(input, clock.Today());
        if (!validated.IsSuccess) return Result<Done>.Failure(validated.Errors);
        var fields = validated.Value;
        if (await db.Set<Member>().AnyAsync(m => m.IdNumber == fields.IdNumber && m.Id != command.MemberId, ct)) return MemberErrors.IdTaken;

        loaded.Value.Member.Apply(fields);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}

/// <summary>Links a member to the log-in that an administrator opened for them (self-service).</summary>
public sealed record LinkMemberUserCommand(long MemberId, string UserId);

public sealed class LinkMemberUserHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Done>> HandleAsync(LinkMemberUserCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await MemberAccess.LoadAsync(db, command.MemberId, scope, Permission.Administer, ct, tracking: true);
        if (!loaded.IsSuccess) return loaded.FirstError;
        if (loaded.Value.Member.UserId is not null) return MemberErrors.AccountExists;
        loaded.Value.Member.LinkUser(command.UserId);
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
