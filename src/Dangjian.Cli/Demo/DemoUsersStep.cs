using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Cli.Demo;

/// <summary>
/// Two demo log-ins that show what scoped roles look like: a 党务工作者 on one branch and a read-only viewer of the whole tree.
/// No administrator: that is made deliberately with <c>dangjian admin create</c>, never with a published password.
/// </summary>
public sealed class DemoUsersStep(UserManager<AppUser> users, UserAdministration administration) : IDemoSeedStep
{
    public const string Password = "Demo2026pass";

    private sealed record DemoUser(string UserName, string DisplayName, Role Role, string OrganizationCode);

    private static readonly DemoUser[] DemoUsers =
    [
        new("secretary1", "李晓红", Role.Worker, DemoCatalog.FirstBranchCode),
        new("viewer", "王建国", Role.ReadOnly, DemoCatalog.RootCode),
    ];

    public int Order => 200;

    public string Title => "演示账号";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var created = 0;
        foreach (var demo in DemoUsers)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var organizationId = context.OrganizationId(demo.OrganizationCode);
            var result = await administration.CreateUserAsync(
                new NewUser(demo.UserName, demo.DisplayName, Password), organizationId, demo.Role, context.Scope, ct);
            if (!result.IsSuccess)
            {
                return Result<int>.Failure(result.Errors);
            }

            var organization = DemoCatalog.Organizations.Single(o => o.Code == demo.OrganizationCode);
            context.Log.WriteLine($"演示账号：{demo.UserName}（{demo.DisplayName}），角色 {demo.Role.Label()}，范围 {organization.ShortName}，密码 {Password}");
            created++;
        }

        return created;
    }
}
