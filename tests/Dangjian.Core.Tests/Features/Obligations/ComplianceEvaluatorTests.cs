using System.Data.Common;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Committees;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Obligations;
using Dangjian.Core.Features.Organizations;
using Dangjian.Core.Tests.Features.Transfers;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Dangjian.Core.Features.Obligations.ObligationDefaults;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Obligations;

/// <summary>The compliance rules on a real database; today is 2026-07-01 in China, so every 2025 occurrence has ended.</summary>
public sealed class ComplianceEvaluatorTests : IAsyncLifetime
{
    private static readonly DateOnly Jan1 = new(2025, 1, 1);
    private static readonly DateOnly Dec31 = new(2025, 12, 31);

    private CoreDatabase _db = null!;
    private long _root;
    private long _branch;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _root = await _db.CreateAsync("R", Committee);
        _branch = await _db.CreateAsync("B", Branch, _root);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static DateOnly D(int m, int d) => new(2025, m, d);

    [Fact]
    public async Task ThemeDay_HeldOnNovember1_DoesNotCountForOctober_October31Does()
    {
        await _db.AddMeetingAsync(_branch, D(11, 1), MeetingKindCodes.ThemeDay);
        var october = (await _db.EvaluateAsync(_root, D(10, 1), D(10, 31))).Cell(_branch, ThemeDay);
        october.Status.ShouldBe(ComplianceStatus.Overdue);
        (october.Met, october.Applicable).ShouldBe((0, 1));
        october.Occurrences.Single().Count.ShouldBe(0);

        await _db.AddMeetingAsync(_branch, D(10, 31), MeetingKindCodes.ThemeDay);
        october = (await _db.EvaluateAsync(_root, D(10, 1), D(10, 31))).Cell(_branch, ThemeDay);
        october.Status.ShouldBe(ComplianceStatus.Met);
        (october.Met, october.Applicable).ShouldBe((1, 1));
    }

    [Fact]
    public async Task GeneralMeeting_OnTheLastDayOfAQuarter_CountsForThatQuarter()
    {
        await _db.AddMeetingAsync(_branch, D(9, 30), MeetingKindCodes.BranchGeneralMeeting);
        var cell = (await _db.EvaluateAsync(_root, D(7, 1), Dec31)).Cell(_branch, BranchGeneralMeeting);
        cell.Occurrences.Select(o => (o.Label, o.Status)).ShouldBe([("2025年第三季度", ComplianceStatus.Met), ("2025年第四季度", ComplianceStatus.Overdue)]);
        (cell.Met, cell.Applicable).ShouldBe((1, 2));
        cell.Status.ShouldBe(ComplianceStatus.Overdue);
    }

    [Fact]
    public async Task MinCount_IsInclusive_OneShortIsNotMet()
    {
        await _db.OverrideAsync(_branch, ThemeDay, true, minCount: 2);
        await _db.AddMeetingAsync(_branch, D(3, 5), MeetingKindCodes.ThemeDay);
        (await _db.EvaluateAsync(_root, D(3, 1), D(3, 31))).Cell(_branch, ThemeDay).Status.ShouldBe(ComplianceStatus.Overdue);
        await _db.AddMeetingAsync(_branch, D(3, 25), MeetingKindCodes.ThemeDay);
        (await _db.EvaluateAsync(_root, D(3, 1), D(3, 31))).Cell(_branch, ThemeDay).Status.ShouldBe(ComplianceStatus.Met);
    }

    [Fact]
    public async Task MeetingWithTwoKinds_SatisfiesBothObligations()
    {
        await _db.AddMeetingAsync(_branch, D(8, 10), [MeetingKindCodes.ThemeDay, MeetingKindCodes.BranchGeneralMeeting]);
        var result = await _db.EvaluateAsync(_root, D(8, 1), D(8, 31));
        result.Cell(_branch, ThemeDay).Status.ShouldBe(ComplianceStatus.Met);
        result.Cell(_branch, BranchGeneralMeeting).Occurrences.Single().Count.ShouldBe(1);
        result.Cell(_branch, BranchGeneralMeeting).Status.ShouldBe(ComplianceStatus.Met);
        result.Cell(_branch, CommitteeMeeting).Status.ShouldBe(ComplianceStatus.NotApplicable);
    }

    [Fact]
    public async Task CommitteeMeeting_AppliesFromTheMonthWithThreeSeatsOnItsLastDay()
    {
        await _db.AddSeatAsync(_branch, CommitteePost.Secretary, new DateOnly(2024, 1, 1));
        await _db.AddSeatAsync(_branch, CommitteePost.OrganizationMember, new DateOnly(2024, 1, 1));
        var july = (await _db.EvaluateAsync(_root, D(7, 1), D(7, 31))).Cell(_branch, CommitteeMeeting);
        july.Status.ShouldBe(ComplianceStatus.NotApplicable);
        july.Note.ShouldBe("支委 2 人，未设支部委员会");

        await _db.AddSeatAsync(_branch, CommitteePost.PropagandaMember, D(8, 31));
        var cell = (await _db.EvaluateAsync(_root, D(7, 1), D(8, 31))).Cell(_branch, CommitteeMeeting);
        cell.Occurrences.Select(o => o.Status).ShouldBe([ComplianceStatus.NotApplicable, ComplianceStatus.Overdue]);
    }

    [Fact]
    public async Task GroupMeeting_AppliesToGroups_NotToTheBranch()
    {
        var group = await _db.CreateAsync("G", Group, _branch);
        await _db.AddMeetingAsync(group, D(5, 20), MeetingKindCodes.GroupMeeting);
        var result = await _db.EvaluateAsync(_root, D(5, 1), D(5, 31));
        result.Cell(group, GroupMeeting).Status.ShouldBe(ComplianceStatus.Met);
        result.Cell(_branch, GroupMeeting).Status.ShouldBe(ComplianceStatus.NotApplicable);
        result.Cell(group, ThemeDay).Status.ShouldBe(ComplianceStatus.NotApplicable);
        result.Rows.Select(r => r.Organization.Id).ShouldBe([_root, _branch, group]);
        result.Rows.Select(r => r.Organization.Depth).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public async Task MeetingOfAChildOrganization_DoesNotCountForItsParent()
    {
        var group = await _db.CreateAsync("G", Group, _branch);
        await _db.AddMeetingAsync(group, D(5, 20), MeetingKindCodes.ThemeDay);
        (await _db.EvaluateAsync(_root, D(5, 1), D(5, 31))).Cell(_branch, ThemeDay).Status.ShouldBe(ComplianceStatus.Overdue);
    }

    [Fact]
    public async Task SecretaryLecture_ByTheCommitteeSecretaryAnywhereBelow_MeetsIt_AnotherLecturerDoesNot()
    {
        var secretary = await _db.AddMemberAsync(_branch, "王书记");
        var other = await _db.AddMemberAsync(_branch, "李党员");
        var seat = await _db.AddSeatAsync(_root, CommitteePost.Secretary, new DateOnly(2024, 1, 1), secretary);
        await _db.AddMeetingAsync(_branch, D(6, 1), [MeetingKindCodes.PartyLecture], other, LecturerRole.OrdinaryMember);
        var cell = (await _db.EvaluateAsync(_root, Jan1, Dec31)).Cell(_root, SecretaryLecture);
        cell.Status.ShouldBe(ComplianceStatus.Overdue);

        await _db.AddMeetingAsync(_branch, D(7, 1), [MeetingKindCodes.PartyLecture], secretary, LecturerRole.LeadingCadre);
        var result = await _db.EvaluateAsync(_root, Jan1, Dec31);
        result.Cell(_root, SecretaryLecture).Status.ShouldBe(ComplianceStatus.Met);
        result.Cell(_branch, SecretaryLecture).Status.ShouldBe(ComplianceStatus.NotApplicable);
        result.Cell(_branch, BranchLecture).Occurrences.Select(o => o.Count).ShouldBe([0, 1, 1, 0]);

        // The same member after leaving the post: the lecture no longer counts as the secretary's.
        await _db.EndSeatAsync(_root, seat, D(6, 30));
        (await _db.EvaluateAsync(_root, Jan1, Dec31)).Cell(_root, SecretaryLecture).Status.ShouldBe(ComplianceStatus.Overdue);
    }

    [Fact]
    public async Task SecretaryLecture_OfTheCommitteeItself_RecordedWithRoleSecretary_MeetsIt_Once()
    {
        await _db.AddMeetingAsync(_root, D(12, 31), [MeetingKindCodes.PartyLecture], null, LecturerRole.Secretary);
        var cell = (await _db.EvaluateAsync(_root, Jan1, Dec31)).Cell(_root, SecretaryLecture);
        cell.Status.ShouldBe(ComplianceStatus.Met);
        cell.Occurrences.Single().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Evaluation_SessionHeldInTheYear_MeetsIt()
    {
        var other = await _db.CreateAsync("B2", Branch, _root);
        await _db.AddEvaluationAsync(_branch, D(12, 20));
        var result = await _db.EvaluateAsync(_root, Jan1, Dec31);
        result.Cell(_branch, Evaluation).Status.ShouldBe(ComplianceStatus.Met);
        result.Cell(other, Evaluation).Status.ShouldBe(ComplianceStatus.Overdue);
    }

    [Fact]
    public async Task Talks_MetOnlyWhenEveryMemberTookPart_AndEveryCommitteePairTalked()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var b = await _db.AddMemberAsync(_branch, "乙");
        var c = await _db.AddMemberAsync(_branch, "丙");
        await _db.AddSeatAsync(_branch, CommitteePost.Secretary, new DateOnly(2024, 1, 1), a);
        await _db.AddSeatAsync(_branch, CommitteePost.Member, new DateOnly(2024, 1, 1), b);

        await _db.AddTalkAsync(_branch, D(3, 1), a, c);
        var cell = (await _db.EvaluateAsync(_root, Jan1, Dec31)).Cell(_branch, ObligationDefaults.Talks);
        cell.Status.ShouldBe(ComplianceStatus.Overdue);
        cell.Note.ShouldBe("1 名党员未参加谈心谈话，1 对支委之间未谈");

        await _db.AddTalkAsync(_branch, D(9, 1), c, b);
        cell = (await _db.EvaluateAsync(_root, Jan1, Dec31)).Cell(_branch, ObligationDefaults.Talks);
        cell.Note.ShouldBe("1 对支委之间未谈");

        await _db.AddTalkAsync(_branch, D(12, 31), b, a);
        cell = (await _db.EvaluateAsync(_root, Jan1, Dec31)).Cell(_branch, ObligationDefaults.Talks);
        cell.Status.ShouldBe(ComplianceStatus.Met);
        cell.Occurrences.Single().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Talks_InTheNextYear_DoNotCover()
    {
        var a = await _db.AddMemberAsync(_branch, "甲");
        var b = await _db.AddMemberAsync(_branch, "乙");
        await _db.AddTalkAsync(_branch, new DateOnly(2026, 1, 1), a, b);
        (await _db.EvaluateAsync(_root, Jan1, Dec31)).Cell(_branch, ObligationDefaults.Talks).Status.ShouldBe(ComplianceStatus.Overdue);
    }

    [Fact]
    public async Task Override_NearestOnThePathWins()
    {
        var other = await _db.CreateAsync("B2", Branch, _root);
        await _db.OverrideAsync(_root, ThemeDay, enabled: false);
        await _db.OverrideAsync(_branch, ThemeDay, enabled: true, ObligationFrequency.Quarterly, 2);
        await _db.AddMeetingAsync(_branch, D(1, 10), MeetingKindCodes.ThemeDay);
        await _db.AddMeetingAsync(_branch, D(3, 10), MeetingKindCodes.ThemeDay);

        var result = await _db.EvaluateAsync(_root, Jan1, D(6, 30));
        var disabled = result.Cell(other, ThemeDay);
        disabled.Status.ShouldBe(ComplianceStatus.NotApplicable);
        disabled.Rule.OverrideOrganizationId.ShouldBe(_root);
        var own = result.Cell(_branch, ThemeDay);
        own.Rule.Frequency.ShouldBe(ObligationFrequency.Quarterly);
        own.Occurrences.Select(o => o.Status).ShouldBe([ComplianceStatus.Met, ComplianceStatus.Overdue]);
        own.Rule.OverrideOrganizationId.ShouldBe(_branch);
    }

    [Fact]
    public async Task OrganizationFoundedMidMonth_IsNotBlamedForThatMonth_ButCreditedWhenItMetIt()
    {
        var late = await _db.CreateAsync("L", Branch, _root, foundedOn: D(10, 15));
        var cell = (await _db.EvaluateAsync(_root, D(9, 1), D(11, 30))).Cell(late, ThemeDay);
        cell.Occurrences.Select(o => o.Status).ShouldBe([ComplianceStatus.NotApplicable, ComplianceStatus.NotApplicable, ComplianceStatus.Overdue]);
        cell.Occurrences[1].Label.ShouldBe("2025年10月");
        cell.Occurrences[1].Note.ShouldBe("组织未存续整个周期");

        await _db.AddMeetingAsync(late, D(10, 20), MeetingKindCodes.ThemeDay);
        cell = (await _db.EvaluateAsync(_root, D(9, 1), D(11, 30))).Cell(late, ThemeDay);
        cell.Occurrences.Select(o => o.Status).ShouldBe([ComplianceStatus.NotApplicable, ComplianceStatus.Met, ComplianceStatus.Overdue]);
        (cell.Met, cell.Applicable).ShouldBe((1, 2));
    }

    [Fact]
    public async Task RunningMonth_IsPending_ThenDueSoonInItsLastSevenDays()
    {
        var july = new DateOnly(2026, 7, 1);
        (await _db.EvaluateAsync(_root, july, july)).Cell(_branch, ThemeDay).Status.ShouldBe(ComplianceStatus.Pending);
        _db.Clock.UtcNow = new DateTimeOffset(2026, 7, 24, 16, 0, 0, TimeSpan.Zero); // 07-25 00:00 in China: 7 days left
        (await _db.EvaluateAsync(_root, july, july)).Cell(_branch, ThemeDay).Status.ShouldBe(ComplianceStatus.DueSoon);
        _db.Clock.UtcNow = new DateTimeOffset(2026, 7, 24, 15, 59, 0, TimeSpan.Zero); // still 07-24 in China
        (await _db.EvaluateAsync(_root, july, july)).Cell(_branch, ThemeDay).Status.ShouldBe(ComplianceStatus.Pending);
    }

    [Fact]
    public async Task Evaluation_IsSetBased_SameNumberOfQueriesForTwoAndTwelveBranches()
    {
        await SeedBranchesAsync(1);
        var few = await CountQueriesAsync();
        await SeedBranchesAsync(10);
        var many = await CountQueriesAsync();
        many.ShouldBe(few);
        few.ShouldBeLessThan(15);
    }

    private async Task SeedBranchesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var branch = await _db.CreateAsync("S" + Guid.NewGuid().ToString("N")[..6], Branch, _root);
            var a = await _db.AddMemberAsync(branch, "甲");
            var b = await _db.AddMemberAsync(branch, "乙");
            await _db.AddSeatAsync(branch, CommitteePost.Secretary, new DateOnly(2024, 1, 1), a);
            await _db.AddMeetingAsync(branch, D(2, 1), [MeetingKindCodes.ThemeDay, MeetingKindCodes.PartyLecture]);
            await _db.AddTalkAsync(branch, D(4, 1), a, b);
            await _db.AddEvaluationAsync(branch, D(12, 1));
        }
    }

    private async Task<int> CountQueriesAsync()
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<DangjianDbContext>();
        _db.Get<DatabaseSettings>().Configure(options);
        options.AddInterceptors(counter);
        await using var context = new DangjianDbContext(options.Options, new FixedActor(null, "测试"), _db.Clock);
        var path = (await _db.FindAsync(_root)).Path;
        var result = await ComplianceEvaluator.EvaluateAsync(context, context.Organizations.AsNoTracking().InSubtree(path), Jan1, Dec31, _db.Clock.Today(), Ct);
        result.Rows.Count.ShouldBeGreaterThan(1);
        return counter.Count;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
