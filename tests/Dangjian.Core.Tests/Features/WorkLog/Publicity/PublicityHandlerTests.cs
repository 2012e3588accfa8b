using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.Brand;
using Dangjian.Core.Features.WorkLog.Publicity;
using Dangjian.Core.Tests.Features.Evaluations;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.WorkLog.Publicity;

public sealed class PublicityHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday;
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _other;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _other = await _db.CreateAsync("O", Branch, _root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task<Result<long>> AddAsync(PublicityKind kind, int count, DateOnly on, long? org = null, AccessScope? scope = null) =>
        _db.Get<CreatePublicityHandler>().HandleAsync(new CreatePublicityCommand(new PublicityInput
        {
            OrganizationId = org ?? _branch, Kind = kind, Title = "宣传党的二十届四中全会精神", Count = count, PublishedOn = on,
        }), scope ?? Admin, Ct);

    [Fact]
    public async Task Items_are_summed_by_kind_within_the_period()
    {
        (await AddAsync(PublicityKind.Banner, 12, new(2026, 1, 1))).IsSuccess.ShouldBeTrue();
        (await AddAsync(PublicityKind.Banner, 3, new(2026, 6, 30), _other)).IsSuccess.ShouldBeTrue();
        (await AddAsync(PublicityKind.Board, 4, new(2026, 3, 1))).IsSuccess.ShouldBeTrue();
        (await AddAsync(PublicityKind.Board, 0, new(2026, 3, 1))).IsSuccess.ShouldBeTrue(); // zero is allowed
        (await AddAsync(PublicityKind.WeChatPost, 9, new(2026, 7, 1))).IsSuccess.ShouldBeTrue(); // after the period
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        (await _db.MetricAsync("publicity.items", _root, from, to)).ShouldBe(19m);
        (await _db.MetricAsync("publicity.items", _root, from, to, "kind", "Banner")).ShouldBe(15m);
        (await _db.MetricAsync("publicity.items", _root, from, to, "kind", "Board")).ShouldBe(4m);
        (await _db.MetricAsync("publicity.items", _root, from, to, "kind", "WeChatPost")).ShouldBe(0m);
        (await _db.MetricAsync("publicity.items", _branch, from, to)).ShouldBe(16m);
    }

    [Fact]
    public async Task Negative_count_future_date_and_other_scope_are_refused_and_nothing_is_saved()
    {
        var negative = await AddAsync(PublicityKind.Banner, -1, Today);
        negative.Errors.Single().Message.ShouldBe("数量不能为负数");
        var future = await AddAsync(PublicityKind.Banner, 1, Today.AddDays(1));
        future.Errors.Single().Message.ShouldBe("日期（2026-07-02）不能晚于今天（2026-07-01）");
        var org = await _db.FindAsync(_other);
        var outsider = new AccessScope("u", false, [new ScopeRoot(org.Id, org.Path, org.Name, Role.Worker)]);
        (await AddAsync(PublicityKind.Banner, 1, Today, _branch, outsider)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        var many = await _db.Get<CreatePublicityHandler>().HandleManyAsync(
        [
            (2, new PublicityInput { OrganizationId = _branch, Kind = PublicityKind.Board, Title = "展板", Count = 2, PublishedOn = Today }),
            (3, new PublicityInput { OrganizationId = _branch, Kind = PublicityKind.Board, Title = "展板", Count = -2, PublishedOn = Today }),
        ], Admin, Ct);
        many.Errors.Single().Message.ShouldBe("第 3 行：数量不能为负数");
        await using var db = await _db.OpenAsync();
        (await db.Set<PublicityItem>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Brand_activities_are_counted_and_refused_in_the_future()
    {
        var create = _db.Get<CreateBrandActivityHandler>();
        BrandActivityInput Input(DateOnly on) => new() { OrganizationId = _branch, Brand = "红色先锋", Title = "党员进社区", HeldOn = on };
        (await create.HandleAsync(new CreateBrandActivityCommand(Input(new(2026, 6, 30))), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await create.HandleAsync(new CreateBrandActivityCommand(Input(new(2026, 7, 1))), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await create.HandleAsync(new CreateBrandActivityCommand(Input(Today.AddDays(1))), Admin, Ct)).Errors.Single().Message.ShouldContain("活动日期");
        (await _db.MetricAsync("brand.activities", _root, new(2026, 1, 1), new(2026, 6, 30))).ShouldBe(1m);
        (await _db.MetricAsync("brand.activities", _root, new(2026, 1, 1), new(2026, 7, 31))).ShouldBe(2m);
    }
}
