using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Committees;

/// <summary>Members and committee records created through the Core handlers of the running host, as a system administrator.</summary>
public static class CommitteeTestData
{
    private static int _counter;

    public static async Task<long> CreateMemberAsync(
        DangjianApp app, long branchId, string name, MemberCategory category = MemberCategory.Full, DateOnly? admittedOn = null,
        Gender gender = Gender.Male, DateOnly? placedFrom = null, string ethnicity = "汉族")
    {
        var n = Interlocked.Increment(ref _counter);
        var admitted = admittedOn ?? new DateOnly(1995, 1, 1).AddDays(Random.Shared.Next(0, 9000));
        var birth = admitted.AddYears(-25).AddDays(-Random.Shared.Next(0, 9000));
        var seq = Random.Shared.Next(0, 499) * 2 + (gender == Gender.Male ? 1 : 0);
        var first17 = $"110101{birth:yyyyMMdd}{seq:000}";
        var idNumber = first17 + IdNumber.CheckCharacter(first17);
        var input = new MemberInput
        {
            Name = name + n, Gender = gender, Ethnicity = ethnicity, BirthDate = birth, IdNumber = idNumber, Education = Education.Undergraduate,
            Occupation = Occupation.ProfessionalTechnical, EmploymentStatus = EmploymentStatus.Employed, ApplicationDate = admitted.AddYears(-2),
            AdmittedOn = admitted, ConfirmedOn = category == MemberCategory.Full ? admitted.AddYears(1) : null, Category = category,
        };
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateMemberHandler>()
            .HandleAsync(new CreateMemberCommand(branchId, null, input, placedFrom), AccessScope.Everything(null), CancellationToken.None);
        if (!result.IsSuccess) throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    /// <summary>Moves a member's relationship to another branch on <paramref name="on"/> (the transfer feature is another module's; tests write the rows).</summary>
    public static async Task MoveMemberAsync(DangjianApp app, long memberId, long toBranchId, DateOnly on)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"MemberPlacements\" SET \"To\" = {on} WHERE \"MemberId\" = {memberId} AND \"To\" IS NULL");
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO \"MemberPlacements\" (\"MemberId\", \"OrganizationId\", \"From\") VALUES ({memberId}, {toBranchId}, {on})");
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Members\" SET \"OrganizationId\" = {toBranchId} WHERE \"Id\" = {memberId}");
    }

    public static async Task<T> RunAsync<T>(DangjianApp app, Func<IServiceProvider, Task<Result<T>>> action)
    {
        using var scope = app.Services.CreateScope();
        var result = await action(scope.ServiceProvider);
        if (!result.IsSuccess) throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    public static Task<long> AddSeatAsync(DangjianApp app, long organizationId, string name, CommitteePost post, DateOnly from) =>
        RunAsync(app, sp => sp.GetRequiredService<AddCommitteeMemberHandler>()
            .HandleAsync(new AddCommitteeMemberCommand(organizationId, null, name, post, from), AccessScope.Everything(null), CancellationToken.None));
}
