using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Reminders;
using Dangjian.Core.Features.Transfers;
using Dangjian.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Core.Features.Organizations.OrganizationKind;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Transfers;

public sealed class TransferHandlerTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DefaultChinaToday; // 2026-07-01
    private CoreDatabase _db = null!;

    // R1 ─ A (branch) ─ GA (group)          R2 ─ C (branch)        R3 ─ D (branch)
    //    └ B (branch)
    private long _r1, _a, _ga, _b, _r2, _c, _r3, _d;

    public async ValueTask InitializeAsync()
    {
        _db = await StartAsync();
        _r1 = await _db.CreateAsync("R1", Committee);
        _a = await _db.CreateAsync("A", Branch, _r1);
        _ga = await _db.CreateAsync("GA", Group, _a);
        _b = await _db.CreateAsync("B", Branch, _r1);
        _r2 = await _db.CreateAsync("R2", Committee);
        _c = await _db.CreateAsync("C", Branch, _r2);
        _r3 = await _db.CreateAsync("R3", Committee);
        _d = await _db.CreateAsync("D", Branch, _r3);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static TransferLetterInput Letter(DateOnly issued, int? days = null) => new() { IssuedOn = issued, ValidDays = days, LetterNumber = "转字2026-01", DuesPaidUpTo = "2026-06" };

    private async Task<List<MemberPlacement>> Placements(long memberId)
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<MemberPlacement>().AsNoTracking().Where(p => p.MemberId == memberId).OrderBy(p => p.Id).ToListAsync(Ct);
    }

    private async Task<Member> MemberAsync(long id)
    {
        await using var db = await _db.OpenAsync();
        return await db.Set<Member>().AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    private async Task<List<long>> RosterOn(long branchId, DateOnly date)
    {
        await using var db = await _db.OpenAsync();
        return await MemberPlacements.MembersOn(db, branchId, date).ToListAsync(Ct);
    }

    [Fact]
    public async Task Move_BetweenBranches_KeepsHistoryForPastRoster()
    {
        var m = await _db.AddMemberAsync(_a, "张伟", _ga);
        var result = await _db.Get<MoveMemberHandler>().HandleAsync(new MoveMemberCommand(m, _b, null, new DateOnly(2026, 3, 1)), await _db.ScopeAsync(_r1), Ct);
        result.IsSuccess.ShouldBeTrue();

        var placements = await Placements(m);
        placements.Count.ShouldBe(2);
        placements[0].OrganizationId.ShouldBe(_a);
        placements[0].To.ShouldBe(new DateOnly(2026, 3, 1));
        placements[1].OrganizationId.ShouldBe(_b);
        placements[1].To.ShouldBeNull();
        (await RosterOn(_a, new DateOnly(2026, 2, 28))).ShouldContain(m);
        (await RosterOn(_b, new DateOnly(2026, 2, 28))).ShouldNotContain(m);
        (await RosterOn(_a, new DateOnly(2026, 3, 1))).ShouldNotContain(m);
        (await RosterOn(_b, new DateOnly(2026, 3, 1))).ShouldContain(m);
        var member = await MemberAsync(m);
        member.OrganizationId.ShouldBe(_b);
        member.GroupId.ShouldBeNull();
        (await _db.AuditAsync()).Count(a => a.EntityType.Contains("MemberPlacement", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Move_TargetOutsideCallerScope_RefusedAndNothingChanges()
    {
        var m = await _db.AddMemberAsync(_a, "李娜");
        var result = await _db.Get<MoveMemberHandler>().HandleAsync(new MoveMemberCommand(m, _c, null, null), await _db.ScopeAsync(_r1), Ct);
        result.IsSuccess.ShouldBeFalse();
        (await Placements(m)).Count.ShouldBe(1);
        (await MemberAsync(m)).OrganizationId.ShouldBe(_a);
    }

    [Fact]
    public async Task Move_ReadOnlyCaller_Forbidden()
    {
        var m = await _db.AddMemberAsync(_a, "王芳");
        var result = await _db.Get<MoveMemberHandler>().HandleAsync(new MoveMemberCommand(m, _b, null, null), await _db.ScopeAsync(_r1, Role.ReadOnly), Ct);
        result.FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task InternalTransfer_PendingThenAcceptedByReceiver_MovesMember()
    {
        var m = await _db.AddMemberAsync(_a, "刘洋");
        var sender = await _db.ScopeAsync(_r1);
        var receiver = await _db.ScopeAsync(_r2);
        var third = await _db.ScopeAsync(_r3);
        var created = await _db.Get<CreateInternalTransferHandler>().HandleAsync(new CreateInternalTransferCommand(m, _c, Letter(new DateOnly(2026, 6, 20))), sender, Ct);
        created.IsSuccess.ShouldBeTrue(created.IsSuccess ? null : created.FirstError.Message);

        // Until the receiver accepts, the sender holds the member.
        (await MemberAsync(m)).OrganizationId.ShouldBe(_a);
        var list = _db.Get<ListTransfersHandler>();
        (await list.HandleAsync(new ListTransfersQuery(), sender, Ct)).Value.Items.Single().CanDecide.ShouldBeFalse();
        var seen = (await list.HandleAsync(new ListTransfersQuery { Direction = TransferDirection.In }, receiver, Ct)).Value.Items.Single();
        seen.Status.ShouldBe(TransferStatus.Pending);
        seen.CanDecide.ShouldBeTrue();
        (await list.HandleAsync(new ListTransfersQuery(), third, Ct)).Value.Total.ShouldBe(0);

        var decide = _db.Get<DecideTransferHandler>();
        (await decide.HandleAsync(new DecideTransferCommand(created.Value, TransferDecision.Accept), sender, Ct)).FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        (await decide.HandleAsync(new DecideTransferCommand(created.Value, TransferDecision.Accept), third, Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        (await MemberAsync(m)).OrganizationId.ShouldBe(_a);

        var accepted = await decide.HandleAsync(new DecideTransferCommand(created.Value, TransferDecision.Accept, new DateOnly(2026, 6, 25)), receiver, Ct);
        accepted.IsSuccess.ShouldBeTrue(accepted.IsSuccess ? null : accepted.FirstError.Message);
        (await MemberAsync(m)).OrganizationId.ShouldBe(_c);
        (await RosterOn(_a, new DateOnly(2026, 6, 24))).ShouldContain(m);
        (await RosterOn(_c, new DateOnly(2026, 6, 25))).ShouldContain(m);
        (await list.HandleAsync(new ListTransfersQuery(), sender, Ct)).Value.Items.Single().Status.ShouldBe(TransferStatus.Accepted);
        (await decide.HandleAsync(new DecideTransferCommand(created.Value, TransferDecision.Accept), receiver, Ct)).FirstError.Code.ShouldBe("transfer.not_pending");
    }

    [Fact]
    public async Task InternalTransfer_Rejected_MemberStaysAndReasonRequired()
    {
        var m = await _db.AddMemberAsync(_a, "陈静");
        var id = (await _db.Get<CreateInternalTransferHandler>().HandleAsync(new CreateInternalTransferCommand(m, _c, Letter(Today)), await _db.ScopeAsync(_r1), Ct)).Value;
        var decide = _db.Get<DecideTransferHandler>();
        var receiver = await _db.ScopeAsync(_r2);
        (await decide.HandleAsync(new DecideTransferCommand(id, TransferDecision.Reject), receiver, Ct)).FirstError.Field.ShouldBe("Note");
        (await decide.HandleAsync(new DecideTransferCommand(id, TransferDecision.Reject, Note: "单位信息不符"), receiver, Ct)).IsSuccess.ShouldBeTrue();
        (await MemberAsync(m)).OrganizationId.ShouldBe(_a);
        (await Placements(m)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task InternalTransfer_SecondPending_Refused()
    {
        var m = await _db.AddMemberAsync(_a, "杨磊");
        var create = _db.Get<CreateInternalTransferHandler>();
        (await create.HandleAsync(new CreateInternalTransferCommand(m, _c, Letter(Today)), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await create.HandleAsync(new CreateInternalTransferCommand(m, _d, Letter(Today)), Admin, Ct)).FirstError.Code.ShouldBe("transfer.pending");
    }

    [Fact]
    public async Task InternalTransfer_NinetyOneDays_RefusedAndNothingSaved()
    {
        var m = await _db.AddMemberAsync(_a, "赵敏");
        var result = await _db.Get<CreateInternalTransferHandler>().HandleAsync(new CreateInternalTransferCommand(m, _c, Letter(Today, 91)), Admin, Ct);
        result.FirstError.Field.ShouldBe("ValidDays");
        (await _db.Get<ListTransfersHandler>().HandleAsync(new ListTransfersQuery(), Admin, Ct)).Value.Total.ShouldBe(0);
    }

    [Fact]
    public async Task OutOfSystem_LeavesRosterOnIssueDate_AndOverdueReceiptIsReminded()
    {
        var m = await _db.AddMemberAsync(_a, "黄强");
        var issued = new DateOnly(2026, 5, 1);
        var id = await _db.Get<CreateOutOfSystemTransferHandler>().HandleAsync(new CreateOutOfSystemTransferCommand(m, "中共某市某区委组织部", Letter(issued)), await _db.ScopeAsync(_r1), Ct);
        id.IsSuccess.ShouldBeTrue(id.IsSuccess ? null : id.FirstError.Message);

        var member = await MemberAsync(m);
        member.TransferredOutOn.ShouldBe(issued);
        member.Status.ShouldBe(MembershipStatus.Normal);
        (await RosterOn(_a, issued.AddDays(-1))).ShouldContain(m);
        (await RosterOn(_a, issued)).ShouldNotContain(m);
        var roster = await _db.Get<ListMembersHandler>().HandleAsync(new ListMembersQuery(), Admin, Ct);
        roster.Value.Items.ShouldNotContain(i => i.Id == m);

        var reminders = await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(_r1), await _db.ScopeAsync(_r1), Ct);
        reminders.Value.ShouldContain(r => r.Category == "组织关系转接" && r.Message.Contains("黄强", StringComparison.Ordinal));
        (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(null), await _db.ScopeAsync(_r2), Ct)).Value
            .ShouldNotContain(r => r.Category == "组织关系转接");
        (await _db.Get<ListTransfersHandler>().HandleAsync(new ListTransfersQuery { OverdueOnly = true }, Admin, Ct)).Value.Total.ShouldBe(1);

        (await _db.Get<RecordTransferReceiptHandler>().HandleAsync(new RecordTransferReceiptCommand(id.Value, new DateOnly(2026, 6, 30)), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(null), Admin, Ct)).Value.ShouldNotContain(r => r.Category == "组织关系转接");
    }

    [Fact]
    public async Task OutOfSystem_NotYetExpired_NoReminder()
    {
        var m = await _db.AddMemberAsync(_a, "周杰");
        // Issued 2026-06-02 for 30 days: last valid day is today.
        (await _db.Get<CreateOutOfSystemTransferHandler>().HandleAsync(new CreateOutOfSystemTransferCommand(m, "外地党委", Letter(new DateOnly(2026, 6, 2))), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(null), Admin, Ct)).Value.ShouldNotContain(r => r.Category == "组织关系转接");
    }

    [Fact]
    public async Task InFromOutside_CreatesMemberAndCompletedTransfer()
    {
        var input = TransferTestData.Input("吴昊");
        var result = await _db.Get<ReceiveTransferFromOutsideHandler>().HandleAsync(
            new ReceiveTransferFromOutsideCommand(_c, null, input, "中共外省某县委", Letter(new DateOnly(2026, 6, 10)), new DateOnly(2026, 6, 15)), await _db.ScopeAsync(_r2), Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        (await Placements(result.Value)).Single().From.ShouldBe(new DateOnly(2026, 6, 15));
        var transfer = (await _db.Get<ListTransfersHandler>().HandleAsync(new ListTransfersQuery { Kind = TransferKind.InFromOutside }, await _db.ScopeAsync(_r2), Ct)).Value.Items.Single();
        transfer.Status.ShouldBe(TransferStatus.Completed);
        transfer.ExternalOrganizationName.ShouldBe("中共外省某县委");
        transfer.DuesPaidUpTo.ShouldBe("2026-06");
    }

    [Fact]
    public async Task InFromOutside_BadLetter_CreatesNoMember()
    {
        var result = await _db.Get<ReceiveTransferFromOutsideHandler>().HandleAsync(
            new ReceiveTransferFromOutsideCommand(_c, null, TransferTestData.Input("郑爽"), "", Letter(Today, 120), null), Admin, Ct);
        result.Errors.Select(e => e.Field).ShouldBe(["ValidDays", "ExternalOrganizationName"], ignoreOrder: true);
        (await _db.Get<ListMembersHandler>().HandleAsync(new ListMembersQuery(), Admin, Ct)).Value.Total.ShouldBe(0);
    }

    [Fact]
    public async Task LostContact_ExactlySixMonths_ReviewReminder_OneDayLess_None()
    {
        await _db.AddMemberAsync(_a, "失联甲", input: TransferTestData.Input("失联甲", true, new DateOnly(2026, 1, 1)));
        await _db.AddMemberAsync(_a, "失联乙", input: TransferTestData.Input("失联乙", true, new DateOnly(2026, 1, 2)));
        var reminders = (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(null), Admin, Ct)).Value.Where(r => r.Category == "党籍状态").ToList();
        reminders.ShouldContain(r => r.Message.Contains("失联甲", StringComparison.Ordinal));
        reminders.ShouldNotContain(r => r.Message.Contains("失联乙", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suspended_ExactlyTwoYears_RemovalReviewReminder()
    {
        var exactly = await _db.AddMemberAsync(_a, "停籍甲");
        var less = await _db.AddMemberAsync(_a, "停籍乙");
        var change = _db.Get<ChangeMemberStatusHandler>();
        (await change.HandleAsync(new ChangeMemberStatusCommand(exactly, MembershipStatus.Suspended, new DateOnly(2024, 7, 1), null, null, "失联"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await change.HandleAsync(new ChangeMemberStatusCommand(less, MembershipStatus.Suspended, new DateOnly(2024, 7, 2), null, null, "失联"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var reminders = (await _db.Get<GetRemindersHandler>().HandleAsync(new GetRemindersQuery(null), Admin, Ct)).Value.Where(r => r.Category == "党籍状态").ToList();
        reminders.ShouldContain(r => r.Message.Contains("停籍甲", StringComparison.Ordinal) && r.Message.Contains("除名", StringComparison.Ordinal));
        reminders.ShouldNotContain(r => r.Message.Contains("停籍乙", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_ExitNeedsTypeAndReason_ThenClosesPlacementButKeepsMember()
    {
        var m = await _db.AddMemberAsync(_a, "孙丽");
        var change = _db.Get<ChangeMemberStatusHandler>();
        var bad = await change.HandleAsync(new ChangeMemberStatusCommand(m, MembershipStatus.Left, new DateOnly(2026, 6, 1), null, null, " "), Admin, Ct);
        bad.Errors.Select(e => e.Field).ShouldBe(["ExitType", "Reason"], ignoreOrder: true);
        (await MemberAsync(m)).Status.ShouldBe(MembershipStatus.Normal);

        (await change.HandleAsync(new ChangeMemberStatusCommand(m, MembershipStatus.Left, new DateOnly(2026, 6, 1), null, ExitType.Deceased, "病故"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var member = await MemberAsync(m);
        member.Status.ShouldBe(MembershipStatus.Left);
        member.ExitedOn.ShouldBe(new DateOnly(2026, 6, 1));
        (await RosterOn(_a, new DateOnly(2026, 5, 31))).ShouldContain(m);
        (await RosterOn(_a, new DateOnly(2026, 6, 1))).ShouldNotContain(m);
        (await change.HandleAsync(new ChangeMemberStatusCommand(m, MembershipStatus.Normal, Today, null, null, "恢复"), Admin, Ct)).FirstError.Code.ShouldBe("member.status_transition");
    }

    [Fact]
    public async Task Status_ProbationPunishment_TwoYearsAllowed_MoreRefused_ThenRestored()
    {
        var m = await _db.AddMemberAsync(_a, "马超");
        var change = _db.Get<ChangeMemberStatusHandler>();
        var start = new DateOnly(2026, 1, 10);
        (await change.HandleAsync(new ChangeMemberStatusCommand(m, MembershipStatus.OnProbationPunishment, start, start.AddYears(2).AddDays(1), null, "违纪"), Admin, Ct))
            .FirstError.Field.ShouldBe("ProbationEndsOn");
        (await change.HandleAsync(new ChangeMemberStatusCommand(m, MembershipStatus.OnProbationPunishment, start, start.AddYears(2), null, "违纪"), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await MemberAsync(m)).ProbationPunishmentEndsOn.ShouldBe(start.AddYears(2));
        (await change.HandleAsync(new ChangeMemberStatusCommand(m, MembershipStatus.Normal, Today, null, null, null), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await MemberAsync(m)).Status.ShouldBe(MembershipStatus.Normal);
    }

    [Fact]
    public async Task FileCheck_ListsIncomplete_MarkCompletesAndCounts()
    {
        var m = await _db.AddMemberAsync(_a, "何平");
        await _db.AddMemberAsync(_c, "外部");
        var scope = await _db.ScopeAsync(_r1);
        var report = await _db.Get<GetFileCheckHandler>().HandleAsync(new GetFileCheckQuery(), scope, Ct);
        report.Value.Items.Select(i => i.Id).ShouldBe([m]);
        report.Value.Items[0].CanMark.ShouldBeTrue();

        (await _db.Get<MarkMaterialsHandler>().HandleAsync(new MarkMaterialsCommand(m, true, true, true, true), scope, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<GetFileCheckHandler>().HandleAsync(new GetFileCheckQuery(), scope, Ct)).Value.Total.ShouldBe(0);
        (await MemberAsync(m)).FilesCompletedOn.ShouldBe(Today);
        var r1Path = (await _db.FindAsync(_r1)).Path;
        await using var db = await _db.OpenAsync();
        (await MemberFileMetrics.FilesCompletedCountAsync(db, r1Path, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31), Ct)).ShouldBe(1);
        (await MemberFileMetrics.FilesCompletedCountAsync(db, r1Path, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), Ct)).ShouldBe(0);
        (await Dangjian.Core.Features.Metrics.MetricCatalogue.Default.Get("members.filesCompleted")
            .EvaluateAsync(new Dangjian.Core.Features.Metrics.MetricScope(db, r1Path, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31)), null, Ct)).Single().Value.ShouldBe(1);
        (await _db.Get<MarkMaterialsHandler>().HandleAsync(new MarkMaterialsCommand(m, true, true, true, true), await _db.ScopeAsync(_r2), Ct)).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task Metrics_TransfersCountOnTheDayTheyMoved_MovesInsideTheSubtreeCountForNeither()
    {
        var toC = await _db.AddMemberAsync(_a, "转出甲");
        var toB = await _db.AddMemberAsync(_a, "内部乙");
        var leaver = await _db.AddMemberAsync(_a, "转出丙");
        var create = _db.Get<CreateInternalTransferHandler>();
        var decide = _db.Get<DecideTransferHandler>();
        var t1 = (await create.HandleAsync(new CreateInternalTransferCommand(toC, _c, Letter(new DateOnly(2026, 6, 1))), Admin, Ct)).Value;
        (await decide.HandleAsync(new DecideTransferCommand(t1, TransferDecision.Accept, new DateOnly(2026, 6, 10)), Admin, Ct)).IsSuccess.ShouldBeTrue();
        var t2 = (await create.HandleAsync(new CreateInternalTransferCommand(toB, _b, Letter(new DateOnly(2026, 6, 1))), Admin, Ct)).Value;
        (await decide.HandleAsync(new DecideTransferCommand(t2, TransferDecision.Accept, new DateOnly(2026, 6, 10)), Admin, Ct)).IsSuccess.ShouldBeTrue();
        (await _db.Get<CreateOutOfSystemTransferHandler>().HandleAsync(new CreateOutOfSystemTransferCommand(leaver, "外地", Letter(new DateOnly(2026, 5, 31))), Admin, Ct)).IsSuccess.ShouldBeTrue();

        var r1 = (await _db.FindAsync(_r1)).Path;
        var r2 = (await _db.FindAsync(_r2)).Path;
        var a = (await _db.FindAsync(_a)).Path;
        var june = (new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));
        await using var db = await _db.OpenAsync();
        (await TransferMetrics.TransferredOutCountAsync(db, r1, june.Item1, june.Item2, Ct)).ShouldBe(1);
        (await TransferMetrics.TransferredOutCountAsync(db, r1, new DateOnly(2026, 5, 1), june.Item2, Ct)).ShouldBe(2);
        (await TransferMetrics.TransferredOutCountAsync(db, a, june.Item1, june.Item2, Ct)).ShouldBe(2);
        (await TransferMetrics.TransferredInCountAsync(db, r2, june.Item1, june.Item2, Ct)).ShouldBe(1);
        (await TransferMetrics.TransferredInCountAsync(db, r1, june.Item1, june.Item2, Ct)).ShouldBe(0);
        (await TransferMetrics.TransferredInCountAsync(db, r2, new DateOnly(2026, 6, 11), june.Item2, Ct)).ShouldBe(0);
        var catalogue = Dangjian.Core.Features.Metrics.MetricCatalogue.Default;
        (await catalogue.Get("members.transferredOut").EvaluateAsync(new Dangjian.Core.Features.Metrics.MetricScope(db, a, june.Item1, june.Item2), null, Ct)).Single().Value.ShouldBe(2);
        (await catalogue.Get("members.transferredIn").EvaluateAsync(new Dangjian.Core.Features.Metrics.MetricScope(db, r2, june.Item1, june.Item2), null, Ct)).Single().Value.ShouldBe(1);
    }
}
