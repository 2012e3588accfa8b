using Dangjian.Core.Common;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Talks;
using Dangjian.Core.Tests.Features.Evaluations;
using Dangjian.Core.Tests.Features.Transfers;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Talks;

public sealed class TalkHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday;
    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;
    private long _a;
    private long _b;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
        _a = await _db.AddFullMemberAsync(_branch, "甲");
        _b = await _db.AddFullMemberAsync(_branch, "乙");
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static TalkInput Input(long? initiator, long? partner, DateOnly? heldOn = null, string? topic = "思想交流") =>
        new() { HeldOn = heldOn ?? Today, InitiatorMemberId = initiator, PartnerMemberId = partner, Topic = topic };

    private Task<Result<long>> CreateAsync(TalkInput input, long? organization = null) =>
        _db.Get<CreateTalkHandler>().HandleAsync(new CreateTalkCommand(organization ?? _branch, input), Admin, Ct);

    [Fact]
    public async Task Create_TwoMembersOfTheBranch_IsSavedAndCounted()
    {
        var id = await CreateAsync(Input(_a, _b));
        id.IsSuccess.ShouldBeTrue(id.IsSuccess ? null : id.FirstError.Message);
        var talk = (await _db.Get<GetTalkHandler>().HandleAsync(new GetTalkQuery(id.Value), Admin, Ct)).Value;
        (talk.InitiatorName, talk.PartnerName, talk.Topic).ShouldBe(("甲", "乙", "思想交流"));
        (await _db.MetricAsync("talks.count", _root, Today.AddDays(-1), Today)).ShouldBe(1m);
        (await _db.MetricAsync("talks.count", _root, Today.AddDays(1), Today.AddDays(30))).ShouldBe(0m);
    }

    [Fact]
    public async Task Create_SamePerson_Future_NoTopic_AreRefusedTogether()
    {
        var result = await CreateAsync(Input(_a, _a, Today.AddDays(1), " "));
        result.Errors.Select(e => e.Code).ShouldBe(["talk.held_on_future", "talk.same_person", "talk.topic_required"], ignoreOrder: true);
        (await CreateAsync(Input(_a, _b, Today))).IsSuccess.ShouldBeTrue(); // today itself is allowed
    }

    [Fact]
    public async Task Create_MemberOfAnotherBranch_IsRefused_ACommitteeMemberIsAllowed()
    {
        var other = await _db.CreateAsync("O", Branch, _root);
        var stranger = await _db.AddFullMemberAsync(other, "丙");
        var refused = await CreateAsync(Input(_a, stranger));
        refused.FirstError.Code.ShouldBe("talk.not_in_organization");
        refused.FirstError.Field.ShouldBe("PartnerMemberId");


        // A 党委 has no roster of its own: its talks are among its committee members, whose relationships sit in its branches.
        foreach (var member in new[] { _a, stranger })
        {
            (await _db.Get<AddCommitteeMemberHandler>().HandleAsync(new AddCommitteeMemberCommand(_root, member, null, CommitteePost.Member, Today.AddMonths(-1)), Admin, Ct))
                .IsSuccess.ShouldBeTrue();
        }

        (await CreateAsync(Input(stranger, _a), _root)).IsSuccess.ShouldBeTrue();
        (await CreateAsync(Input(stranger, _a, Today.AddMonths(-2)), _root)).FirstError.Code.ShouldBe("talk.not_in_organization"); // before the seats
        (await CreateAsync(Input(stranger, _b), _root)).FirstError.Field.ShouldBe("PartnerMemberId"); // 乙 is not on the 党委
    }

    [Fact]
    public async Task Create_MemberWhoJoinedAfterTheTalkDate_IsNotOnThatRoster()
    {
        var late = await _db.AddFullMemberAsync(_branch, "后到", placedFrom: Today.AddDays(-5));
        (await CreateAsync(Input(_a, late, Today.AddDays(-6)))).FirstError.Code.ShouldBe("talk.not_in_organization");
        (await CreateAsync(Input(_a, late, Today.AddDays(-5)))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task UpdateAndDelete_InScope_OutsiderGetsNotFound()
    {
        var id = (await CreateAsync(Input(_a, _b))).Value;
        (await _db.Get<UpdateTalkHandler>().HandleAsync(new UpdateTalkCommand(id, Input(_b, _a, topic: "工作交流")), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<GetTalkHandler>().HandleAsync(new GetTalkQuery(id), Admin, Ct)).Value.Topic.ShouldBe("工作交流");

        var other = await _db.CreateAsync("O", Branch, _root);
        var outsider = await _db.ScopeAsync(other);
        (await _db.Get<DeleteTalkHandler>().HandleAsync(new DeleteTalkCommand(id), outsider, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await _db.Get<ListTalksHandler>().HandleAsync(new ListTalksQuery(), outsider, Ct)).Value.Total.ShouldBe(0);
        (await _db.Get<DeleteTalkHandler>().HandleAsync(new DeleteTalkCommand(id), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<GetTalkHandler>().HandleAsync(new GetTalkQuery(id), Admin, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task List_FiltersByDateAndMember()
    {
        var c = await _db.AddFullMemberAsync(_branch, "丁");
        await CreateAsync(Input(_a, _b, Today.AddDays(-40)));
        await CreateAsync(Input(_a, c, Today.AddDays(-5)));
        var list = _db.Get<ListTalksHandler>();
        (await list.HandleAsync(new ListTalksQuery { From = Today.AddDays(-10) }, Admin, Ct)).Value.Items.Single().PartnerName.ShouldBe("丁");
        (await list.HandleAsync(new ListTalksQuery { MemberId = _b }, Admin, Ct)).Value.Total.ShouldBe(1);
        (await list.HandleAsync(new ListTalksQuery { MemberId = _a, Under = _root }, Admin, Ct)).Value.Total.ShouldBe(2);
    }
}
