using System.Globalization;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Dues;

/// <summary>Members with valid ID numbers, placed from a chosen day, and profiles set through the real handlers.</summary>
internal static class DuesProfileTestData
{
    private static int _sequence;

    public static string NewId(DateOnly birth)
    {
        var seq = Interlocked.Increment(ref _sequence) % 499 * 2 + 1;
        var first17 = "110101" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static async Task<long> AddMemberAsync(
        this CoreDatabase db, long branchId, string name, DateOnly? admittedOn = null, DateOnly? placedFrom = null,
        MemberCategory category = MemberCategory.Full, EmploymentStatus status = EmploymentStatus.Employed, string? idNumber = null)
    {
        var birth = new DateOnly(1980, 5, 6);
        var admitted = admittedOn ?? new DateOnly(2005, 7, 1);
        var input = new MemberInput
        {
            Name = name, Gender = Gender.Male, BirthDate = birth, IdNumber = idNumber ?? NewId(birth), EmploymentStatus = status,
            ApplicationDate = admitted.AddYears(-2), AdmittedOn = admitted, ConfirmedOn = category == MemberCategory.Full ? admitted.AddYears(1) : null, Category = category,
        };
        var result = await db.Get<CreateMemberHandler>().HandleAsync(new CreateMemberCommand(branchId, null, input, placedFrom), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    public static async Task<AccessScope> ScopeAsync(this CoreDatabase db, long rootId, Role role, string userId = "worker")
    {
        var org = await db.FindAsync(rootId);
        return new AccessScope(userId, false, [new ScopeRoot(org.Id, org.Path, org.Name, role)]);
    }

    public static DuesProfileInput Salaried(long memberId, string @base) => new(memberId, DuesMemberType.Salaried, @base, null, null);

    public static async Task<DuesConfirmation> ConfirmAsync(this CoreDatabase db, long branchId, int year, params DuesProfileInput[] rows)
    {
        var result = await db.Get<ConfirmDuesProfilesHandler>().HandleAsync(new ConfirmDuesProfilesCommand(branchId, year, rows, null), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    public static async Task<List<DuesProfile>> ProfilesAsync(this CoreDatabase db)
    {
        await using var context = await db.OpenAsync();
        return await context.Set<DuesProfile>().AsNoTracking().OrderBy(p => p.Id).ToListAsync(Ct);
    }

    public static CreateDuesReductionCommand Reduction(
        long memberId, string from, string to, string reduced, DateOnly? branchOn, DateOnly? higherOn, string reason = "因病生活困难") =>
        new(memberId, from, to, reduced, reason, branchOn, "支委会研究同意", higherOn, higherOn is null ? null : "上级党委批复");
}
