using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Members;

/// <summary>The roster: members in the caller's scope, filtered and paged, with personal data masked as the caller's rights require.</summary>
public sealed record ListMembersQuery
{
    public long? UnderId { get; init; }
    public MemberCategory? Category { get; init; }
    public MembershipStatus? Status { get; init; }
    public Gender? Gender { get; init; }
    public AgeBand? AgeBand { get; init; }
    public Education? Education { get; init; }
    public Occupation? Occupation { get; init; }
    public string? Ethnicity { get; init; }

    /// <summary>A name fragment, the last digits of an ID number, or a phone number.</summary>
    public string? Search { get; init; }

    public bool IncludeLeft { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record MemberListItem(
    long Id, string Name, Gender Gender, string Ethnicity, DateOnly BirthDate, string IdNumber, string? Phone, Education? Education,
    Occupation? Occupation, MemberCategory Category, MembershipStatus Status, DateOnly AdmittedOn, long OrganizationId, string OrganizationName,
    long? GroupId, bool IsMasked);

/// <summary>Age bands of the 党内统计 (domain.md §8): ≤30, 31–35, …, 56–60, ≥61.</summary>
public enum AgeBand
{
    UpTo30,
    From31To35,
    From36To40,
    From41To45,
    From46To50,
    From51To55,
    From56To60,
    From61,
}

public static class AgeBands
{
    public static string Label(this AgeBand band) => band switch
    {
        AgeBand.UpTo30 => "30岁及以下",
        AgeBand.From31To35 => "31至35岁",
        AgeBand.From36To40 => "36至40岁",
        AgeBand.From41To45 => "41至45岁",
        AgeBand.From46To50 => "46至50岁",
        AgeBand.From51To55 => "51至55岁",
        AgeBand.From56To60 => "56至60岁",
        _ => "61岁及以上",
    };

    public static AgeBand Of(int age) => age switch
    {
        <= 30 => AgeBand.UpTo30,
        <= 35 => AgeBand.From31To35,
        <= 40 => AgeBand.From36To40,
        <= 45 => AgeBand.From41To45,
        <= 50 => AgeBand.From46To50,
        <= 55 => AgeBand.From51To55,
        <= 60 => AgeBand.From56To60,
        _ => AgeBand.From61,
    };

    /// <summary>Birth dates of people whose age on <paramref name="on"/> falls in the band: (bornAfter, bornOnOrBefore].</summary>
    public static (DateOnly? BornAfter, DateOnly? BornOnOrBefore) BirthRange(this AgeBand band, DateOnly on)
    {
        (int? min, int? max) = band switch
        {
            AgeBand.UpTo30 => ((int?)null, (int?)30),
            AgeBand.From31To35 => (31, 35),
            AgeBand.From36To40 => (36, 40),
            AgeBand.From41To45 => (41, 45),
            AgeBand.From46To50 => (46, 50),
            AgeBand.From51To55 => (51, 55),
            AgeBand.From56To60 => (56, 60),
            _ => (61, null),
        };

        // Age ≥ min ⇔ born on or before on − min years; age ≤ max ⇔ born after on − (max + 1) years.
        return (max is int hi ? on.AddYears(-(hi + 1)) : null, min is int lo ? on.AddYears(-lo) : null);
    }
}

public sealed class ListMembersHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>The roster's filters over the caller's scope; the export uses the same, so it follows the current filter.</summary>
    internal static async Task<Result<IQueryable<RosterRow>>> FilterAsync(DangjianDbContext db, ListMembersQuery query, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var inScope = await db.InScopeUnderAsync(scope, query.UnderId, ct);
        if (!inScope.IsSuccess) return inScope.FirstError;
        var organizations = inScope.Value;

        var members =
            from m in db.Set<Member>().AsNoTracking()
            join o in organizations on m.OrganizationId equals o.Id
            select new RosterRow { Member = m, Path = o.Path, OrganizationName = o.Name, OrganizationCode = o.Code };
        if (!query.IncludeLeft) members = members.Where(x => x.Member.Status != MembershipStatus.Left && x.Member.TransferredOutOn == null);
        if (query.Category is MemberCategory category) members = members.Where(x => x.Member.Category == category);
        if (query.Status is MembershipStatus status) members = members.Where(x => x.Member.Status == status);
        if (query.Gender is Gender gender) members = members.Where(x => x.Member.Gender == gender);
        if (query.Education is Education education) members = members.Where(x => x.Member.Education == education);
        if (query.Occupation is Occupation occupation) members = members.Where(x => x.Member.Occupation == occupation);
        if (!string.IsNullOrWhiteSpace(query.Ethnicity)) members = members.Where(x => x.Member.Ethnicity == query.Ethnicity.Trim());
        if (query.AgeBand is AgeBand band)
        {
            var (after, onOrBefore) = band.BirthRange(today);
            if (after is DateOnly a) members = members.Where(x => x.Member.BirthDate > a);
            if (onOrBefore is DateOnly b) members = members.Where(x => x.Member.BirthDate <= b);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            // Digits search the ID tail and the phone; anything else searches names. Searching an ID by its tail
            // does not reveal it: the match is shown masked to those who may not see it.
            members = term.All(c => char.IsAsciiDigit(c) || c == 'X')
                ? members.Where(x => x.Member.IdNumber.EndsWith(term) || (x.Member.Phone != null && x.Member.Phone.Contains(term)))
                : members.Where(x => x.Member.Name.Contains(term));
        }

        return Result<IQueryable<RosterRow>>.Success(members);
    }

    public async Task<Result<Page<MemberListItem>>> HandleAsync(ListMembersQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = await FilterAsync(db, query, scope, clock.Today(), ct);
        if (!filtered.IsSuccess) return Result<Page<MemberListItem>>.Failure(filtered.Errors);
        var members = filtered.Value;

        var size = Page<MemberListItem>.NormalizeSize(query.PageSize);
        var number = Page<MemberListItem>.NormalizeNumber(query.Page);
        var total = await members.CountAsync(ct);
        var rows = await members
            .OrderBy(x => x.Path).ThenBy(x => x.Member.Name).ThenBy(x => x.Member.Id)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(ct);
        var items = rows.Select(x =>
        {
            var unmasked = MemberPrivacy.MaySeeUnmasked(scope, x.Path);
            var m = x.Member;
            return new MemberListItem(
                m.Id, m.Name, m.Gender, m.Ethnicity, m.BirthDate, MemberPrivacy.IdNumberFor(unmasked, m.IdNumber), MemberPrivacy.PhoneFor(unmasked, m.Phone),
                m.Education, m.Occupation, m.Category, m.Status, m.AdmittedOn, m.OrganizationId, x.OrganizationName, m.GroupId, !unmasked);
        }).ToList();
        await MemberPrivacy.RecordUnmaskedViewsAsync(db, actor, items.Where(i => !i.IsMasked && (i.IdNumber.Length > 0 || i.Phone is not null)).Select(i => (i.Id, i.OrganizationId)), ct);
        return new Page<MemberListItem>(items, total, number, size);
    }
}

/// <summary>A member with the organization that holds their relationship, as the roster filters see it.</summary>
internal sealed class RosterRow
{
    public Member Member { get; init; } = null!;
    public string Path { get; init; } = "";
    public string OrganizationName { get; init; } = "";
    public string OrganizationCode { get; init; } = "";
}
