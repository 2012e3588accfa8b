using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Dues;

/// <summary>Profiles, reductions and base sheets made through the running host's Core handlers, as a system administrator.</summary>
public static class DuesProfileTestData
{
    public static int ThisYear => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;

    public static Task<DuesConfirmation> ConfirmAsync(DangjianApp app, long branch, int year, params DuesProfileInput[] rows) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<ConfirmDuesProfilesHandler>()
            .HandleAsync(new ConfirmDuesProfilesCommand(branch, year, rows, null), AccessScope.Everything(null), CancellationToken.None));

    public static DuesProfileInput Salaried(long member, string @base) => new(member, DuesMemberType.Salaried, @base, null, null);

    public static Task<long> RetireeReductionAsync(DangjianApp app, long member, int year) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateDuesReductionHandler>().HandleAsync(
            new CreateDuesReductionCommand(member, $"{year}-01", $"{year}-01", "0", "生活困难", new DateOnly(year - 1, 12, 20), "支委会", null, null),
            AccessScope.Everything(null), CancellationToken.None));

    public static Task<EffectiveDuesSettings> SettingsAsync(DangjianApp app, long org, string percent) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<ChangeDuesSettingsHandler>()
            .HandleAsync(new ChangeDuesSettingsCommand(org, percent, true), AccessScope.Everything(null), CancellationToken.None));

    public static Task<Done> LinkUserAsync(DangjianApp app, long member, string userId) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<LinkMemberUserHandler>()
            .HandleAsync(new LinkMemberUserCommand(member, userId), AccessScope.Everything(null), CancellationToken.None));

    public static byte[] Workbook(IEnumerable<string?[]> rows) =>
        XlsxWriter.Write(DuesProfileSheet.SheetName, DuesProfileSheet.Headers, rows.Select(r => (IReadOnlyList<string?>)r).ToList(), DuesProfileSheet.Widths);

    /// <summary>A sheet row: name, last four of the ID, type label, then the base (parts left empty).</summary>
    public static string?[] Row(string name, string last4, string type, string? @base, string? fixedAmount = null) =>
        [name, last4, type, null, null, null, null, null, null, @base, fixedAmount];

    public static async Task<(long Id, string Name, string IdNumber)> MemberAsync(DangjianApp app, long branch, string name)
    {
        var id = await CommitteeTestData.CreateMemberAsync(app, branch, name);
        using var scope = app.Services.CreateScope();
        var details = await scope.ServiceProvider.GetRequiredService<GetMemberDetailsHandler>().HandleAsync(new GetMemberDetailsQuery(id), AccessScope.Everything(null), CancellationToken.None);
        return (id, details.Value.Name, details.Value.IdNumber);
    }
}
