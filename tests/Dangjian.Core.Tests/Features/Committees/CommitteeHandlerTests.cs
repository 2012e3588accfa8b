using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Committees;

public sealed class CommitteeHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday;
    private CoreDatabase _db = null!;
    private long _root;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task AddMembersAsync(long branch, int count, MemberCategory category = MemberCategory.Full)
    {
        await using var db = await _db.OpenAsync();
        for (var i = 0; i < count; i++)
        {
            var fields = new MemberFields($"党员{i}", Gender.Male, "汉族", new DateOnly(1980, 1, 1), $"{branch:000000}{i:000000000000}", null, null, null, null,
                EmploymentStatus.Employed, null, null, false, null, null, null, null, new DateOnly(2010, 1, 1), null, category, false, null, null, false, null);
            db.Add(Member.Create(fields, branch, null));
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<Reminder>> RemindersAsync() =>
        (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(_root), Admin, Ct)).Value.Where(r => r.Category == CommitteeReminderSource.Category).ToList();

    private Task StartTermAsync(long org, DateOnly started) =>
        _db.Get<StartTermHandler>().HandleAsync(new StartTermCommand(org, null, started, null), Admin, Ct);

    [Theory]
    [InlineData(60, ReminderSeverity.Warning)]
    [InlineData(61, null)]
    [InlineData(0, ReminderSeverity.Warning)]
    [InlineData(-1, ReminderSeverity.Overdue)]
    public async Task TermReminder_AtTheSixtyDayAndDueDateBoundaries(int daysLeft, ReminderSeverity? severity)
    {
        var branch = await _db.CreateAsync("B", Branch, _root);
        await StartTermAsync(branch, Today.AddDays(daysLeft).AddYears(-3));
        var reminders = await RemindersAsync();
        if (severity is null) reminders.ShouldBeEmpty();
        else reminders.Single().Severity.ShouldBe(severity.Value);
    }

    [Theory]
    [InlineData(6, 0, false)]
    [InlineData(7, 0, true)]
    [InlineData(7, 2, true)]
    [InlineData(7, 3, false)]
    [InlineData(7, 7, false)]
    [InlineData(7, 8, true)]
    public async Task CommitteeReminder_SevenFullMembersNeedThreeToSevenSeats(int fullMembers, int seats, bool warned)
    {
        var branch = await _db.CreateAsync("B", Branch, _root);
        await AddMembersAsync(branch, fullMembers);
        for (var i = 0; i < seats; i++)
        {
            (await _db.Get<AddCommitteeMemberHandler>().HandleAsync(new AddCommitteeMemberCommand(branch, null, $"委员{i}", CommitteePost.Member, Today), Admin, Ct)).IsSuccess.ShouldBeTrue();
        }

        (await RemindersAsync()).Any(r => r.Message.Contains("支部委员会")).ShouldBe(warned);
    }

    [Theory]
    [InlineData(2, 0, true)]
    [InlineData(3, 0, false)]
    [InlineData(2, 5, true)] // probationary members do not count towards the three
    public async Task BranchReminder_FewerThanThreeFullMembers(int full, int probationary, bool warned)
    {
        var branch = await _db.CreateAsync("B", Branch, _root);
        await AddMembersAsync(branch, full);
        if (probationary > 0)
        {
            await using var db = await _db.OpenAsync();
            for (var i = 0; i < probationary; i++)
            {
                var fields = new MemberFields($"预备{i}", Gender.Female, "汉族", new DateOnly(1990, 1, 1), $"P{branch:00000}{i:000000000000}", null, null, null, null,
                    EmploymentStatus.Employed, null, null, false, null, null, null, null, new DateOnly(2026, 1, 1), null, MemberCategory.Probationary, false, null, null, false, null);
                db.Add(Member.Create(fields, branch, null));
            }

            await db.SaveChangesAsync(Ct);
        }

        (await RemindersAsync()).Any(r => r.Message.Contains("不足 3 名")).ShouldBe(warned);
    }

    [Theory]
    [InlineData(50, false)]
    [InlineData(51, true)]
    public async Task BranchReminder_MoreThanFiftyMembers(int members, bool warned)
    {
        var branch = await _db.CreateAsync("B", Branch, _root);
        await AddMembersAsync(branch, members);
        (await RemindersAsync()).Any(r => r.Message.Contains("超过 50 名")).ShouldBe(warned);
    }

    [Fact]
    public async Task TermsExpiringMetric_CountsExpiringAndOverdueOnThePeriodEnd()
    {
        var expiring = await _db.CreateAsync("E", Branch, _root);
        var overdue = await _db.CreateAsync("O", Branch, _root);
        var fine = await _db.CreateAsync("F", Branch, _root);
        await StartTermAsync(expiring, Today.AddDays(60).AddYears(-3));
        await StartTermAsync(overdue, Today.AddDays(-1).AddYears(-3));
        await StartTermAsync(fine, Today.AddDays(61).AddYears(-3));
        await using var db = await _db.OpenAsync();
        var root = (await _db.FindAsync(_root)).Path;
        var metric = MetricCatalogue.Default.Get("committee.termsExpiring");
        var values = await metric.EvaluateAsync(new MetricScope(db, root, Today, Today), "state", Ct);
        values.Single(v => v.Key == "expiring").Value.ShouldBe(1);
        values.Single(v => v.Key == "overdue").Value.ShouldBe(1);
    }

    [Fact]
    public void Catalogue_RegistersTheCommitteeAndMemberMetrics()
    {
        var keys = MetricCatalogue.Default.Definitions.Select(d => d.Key).ToList();
        keys.ShouldContain("members.count");
        keys.ShouldContain("committee.elections");
        keys.ShouldContain("committee.electedMembers");
        keys.ShouldContain("committee.termsExpiring");
        keys.ShouldContain("members.transferredIn");
        keys.ShouldContain("members.transferredOut");
        keys.ShouldContain("members.filesCompleted");
        MetricCatalogue.Default.Get("members.count").Definition.Dimensions.Select(d => d.Key)
            .ShouldBe(["category", "status", "employment", "gender", "ageBand", "education", "occupation", "ethnicGroup", "joinedEra"]);
    }
}
