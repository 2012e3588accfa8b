using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>The demo organization tree (<see cref="DemoCatalog"/>), created through <see cref="CreateOrganizationHandler"/>.</summary>
public sealed class DemoOrganizationsStep(IDbContextFactory<DangjianDbContext> dbFactory, CreateOrganizationHandler create) : IDemoSeedStep
{
    public int Order => 100;

    public string Title => "组织架构";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var catalog = DemoCatalog.Organizations;
        var codes = catalog.Select(o => o.Code).ToList();
        Dictionary<string, (long Id, string Name)> existing;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            existing = await db.Organizations.AsNoTracking()
                .Where(o => codes.Contains(o.Code))
                .ToDictionaryAsync(o => o.Code, o => (o.Id, o.Name), StringComparer.Ordinal, ct);
        }

        var created = 0;
        foreach (var demo in catalog)
        {
            if (existing.TryGetValue(demo.Code, out var found))
            {
                // Same code, different organization: this is someone's real data, and demo records must never be mixed into it.
                if (found.Name != demo.Name)
                {
                    return Error.Conflict("demo.code_taken", $"组织编码“{demo.Code}”已被“{found.Name}”使用，不能写入演示数据");
                }

                context.AddOrganization(demo.Code, found.Id);
                continue;
            }

            var input = new OrganizationInput
            {
                Code = demo.Code,
                Name = demo.Name,
                ShortName = demo.ShortName,
                Kind = demo.Kind,
                HostUnitName = demo.HostUnitName,
                HostUnitCategory = demo.HostUnitCategory,
                FoundedOn = demo.FoundedOn,
                SortOrder = demo.SortOrder,
            };
            long? parentId = demo.ParentCode is null ? null : context.OrganizationId(demo.ParentCode);
            var result = await create.HandleAsync(new CreateOrganizationCommand(parentId, input), context.Scope, ct);
            if (!result.IsSuccess)
            {
                return Result<int>.Failure(result.Errors);
            }

            context.AddOrganization(demo.Code, result.Value);
            created++;
        }

        if (created > 0)
        {
            var counts = catalog.GroupBy(o => o.Kind).Select(g => $"{g.Key.Label()} {g.Count()} 个");
            context.Log.WriteLine($"演示组织：{string.Join("、", counts)}（根组织编码 {DemoCatalog.RootCode}）");
        }

        return created;
    }
}
