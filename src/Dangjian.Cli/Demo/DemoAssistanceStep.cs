using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Features.WorkLog.Assistance;
using Dangjian.Core.Features.WorkLog.Brand;
using Dangjian.Core.Features.WorkLog.Publicity;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Cli.Demo;

/// <summary>
/// The last few months of 帮扶 and 宣传 for the first three demo branches, through the real handlers: two 帮扶户 each, visited
/// monthly, with problems in every state (resolved, being resolved, pending); a monthly batch of banners, boards and
/// 公众号 posts; and a 党建品牌 activity each month. Idempotent: a branch that already has a 帮扶户 is left alone.
/// </summary>
public sealed class DemoAssistanceStep(
    IDbContextFactory<DangjianDbContext> dbFactory,
    CreateAssistanceHouseholdHandler household,
    AddAssistanceVisitHandler visit,
    AddAssistanceProblemHandler problem,
    CreatePublicityHandler publicity,
    CreateBrandActivityHandler brand,
    TimeProvider clock) : IDemoSeedStep
{
    private static readonly string[] Households = ["张德顺", "李秀英", "王有福", "刘桂兰", "陈长林", "杨春花"];
    private static readonly string[] Brands = ["红色先锋", "党员连心桥", "一支部一特色·书香支部"];

    public int Order => 630;

    public string Title => "帮扶、宣传与党建品牌";

    public async Task<Result<int>> RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var today = clock.Today();
        var branches = DemoCatalog.Organizations.Where(o => o.Kind.IsBranch() && context.Organizations.ContainsKey(o.Code)).Take(3).Select(o => context.OrganizationId(o.Code)).ToList();
        var created = 0;
        for (var b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await db.Set<AssistanceHousehold>().AnyAsync(h => h.OrganizationId == branch, ct)) continue;
            }

            for (var h = 0; h < 2; h++)
            {
                var id = await household.HandleAsync(new CreateAssistanceHouseholdCommand(branch, new AssistanceHouseholdInput
                {
                    Name = Households[b * 2 + h], Address = $"挂包村{b + 1}组", Note = "因病致贫，一户一策",
                }), context.Scope, ct);
                if (!id.IsSuccess) return Result<int>.Failure(id.Errors);
                created++;
                for (var m = 5; m >= 0; m--)
                {
                    var on = today.AddMonths(-m).AddDays(-(h + b));
                    if (on > today) continue;
                    var v = await visit.HandleAsync(new AddAssistanceVisitCommand(id.Value, new AssistanceVisitInput { VisitedOn = on, Visitors = "支部书记、驻村干部", Note = "入户走访，了解生产生活情况" }), context.Scope, ct);
                    if (!v.IsSuccess) return Result<int>.Failure(v.Errors);
                    created++;
                }

                var collected = today.AddMonths(-5);
                foreach (var input in new[]
                         {
                             new AssistanceProblemInput { Description = "住房屋顶漏雨", CollectedOn = collected, StartedOn = collected.AddDays(7), ResolvedOn = collected.AddMonths(1) },
                             new AssistanceProblemInput { Description = "子女上学交通不便", CollectedOn = collected.AddMonths(1), StartedOn = collected.AddMonths(2) },
                             new AssistanceProblemInput { Description = "缺少农技指导", CollectedOn = today.AddDays(-10) },
                         })
                {
                    var p = await problem.HandleAsync(new AddAssistanceProblemCommand(id.Value, input), context.Scope, ct);
                    if (!p.IsSuccess) return Result<int>.Failure(p.Errors);
                    created++;
                }
            }

            for (var m = 5; m >= 0; m--)
            {
                var on = today.AddMonths(-m).AddDays(-b);
                foreach (var (kind, title, count) in new[] { (PublicityKind.Banner, "学习宣传党的创新理论", 2 + b), (PublicityKind.Board, "廉政文化进支部", 1), (PublicityKind.WeChatPost, "支部工作动态", 3) })
                {
                    var p = await publicity.HandleAsync(new CreatePublicityCommand(new PublicityInput { OrganizationId = branch, Kind = kind, Title = title, Count = count, PublishedOn = on }), context.Scope, ct);
                    if (!p.IsSuccess) return Result<int>.Failure(p.Errors);
                    created++;
                }

                var a = await brand.HandleAsync(new CreateBrandActivityCommand(new BrandActivityInput
                {
                    OrganizationId = branch, Brand = Brands[b], Title = $"{on.Month}月主题活动", HeldOn = on, Note = "党员志愿服务与学习交流",
                }), context.Scope, ct);
                if (!a.IsSuccess) return Result<int>.Failure(a.Errors);
                created++;
            }
        }

        context.Log.WriteLine($"  帮扶、宣传与党建品牌：{branches.Count} 个支部，新增 {created} 条记录");
        return created;
    }
}
