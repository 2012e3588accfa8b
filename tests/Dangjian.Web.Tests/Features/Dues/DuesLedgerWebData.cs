using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>
/// Dues set-up for the web tests, through the running host's Core as a system administrator. Profiles are written straight
/// into the database (the profile wizard is another part of issue 5); ledgers and payments go through their handlers.
/// </summary>
public static class DuesLedgerWebData
{
    public static DateOnly ThisMonth => DuesMonth.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A member placed long ago, with the same monthly amount in last year's and this year's profile.</summary>
    public static async Task<long> MemberWithProfileAsync(DangjianApp app, long branch, string name, decimal monthly)
    {
        var member = await CommitteeTestData.CreateMemberAsync(app, branch, name, admittedOn: new DateOnly(2010, 1, 1));
        await ProfileAsync(app, member, branch, monthly);
        return member;
    }

    public static async Task ProfileAsync(DangjianApp app, long member, long branch, decimal monthly)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync();
        foreach (var year in new[] { ThisMonth.Year - 1, ThisMonth.Year })
        {
            var profile = DuesProfile.Create(member, branch, year);
            profile.Set(DuesMemberType.Salaried, null, null, null, new DuesAmount(monthly, null, null));
            db.Add(profile);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Generates the ledgers of the <paramref name="months"/> months before this one, and this month's.</summary>
    public static async Task GenerateAsync(DangjianApp app, long organization, int months)
    {
        for (var i = months; i >= 0; i--)
        {
            await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<GenerateDuesLedgerHandler>()
                .HandleAsync(new GenerateDuesLedgerCommand(organization, ThisMonth.AddMonths(-i)), AccessScope.Everything(null), CancellationToken.None));
        }
    }

    public static Task<DuesPaymentRecorded> PayAsync(DangjianApp app, long member, decimal amount) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<RecordDuesPaymentHandler>()
            .HandleAsync(new RecordDuesPaymentCommand(member, amount, ThisMonth, PaymentMethod.Cash), AccessScope.Everything(null), CancellationToken.None));

    public static Task<int> ScanAsync(DangjianApp app, long organization) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<OpenDuesReviewCasesHandler>()
            .HandleAsync(new OpenDuesReviewCasesCommand(organization), AccessScope.Everything(null), CancellationToken.None));

    public static async Task<T> CoreAsync<T>(DangjianApp app, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
