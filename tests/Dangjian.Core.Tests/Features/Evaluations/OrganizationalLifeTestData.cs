using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Tests.Features.Transfers;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Evaluations;

/// <summary>Members, meetings and metric calls for the 民主评议, 谈心谈话 and 问题清单 tests.</summary>
internal static class OrganizationalLifeTestData
{
    public static Task<long> AddFullMemberAsync(this CoreDatabase db, long branchId, string name, DateOnly? placedFrom = null) =>
        db.CreateMemberAsync(branchId, name, input: TransferTestData.Input(name), placedFrom: placedFrom);

    /// <summary>A 预备党员 admitted at the start of the year (probation runs a year, so still probationary on <see cref="DefaultChinaToday"/>).</summary>
    public static Task<long> AddProbationaryAsync(this CoreDatabase db, long branchId, string name) =>
        db.CreateMemberAsync(branchId, name, input: TransferTestData.Input(name) with { Category = MemberCategory.Probationary, AdmittedOn = new DateOnly(2026, 1, 5), ConfirmedOn = null }, null);

    private static async Task<long> CreateMemberAsync(this CoreDatabase db, long branchId, string name, MemberInput input, DateOnly? placedFrom)
    {
        var result = await db.Get<CreateMemberHandler>().HandleAsync(new CreateMemberCommand(branchId, null, input, placedFrom), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    /// <summary>A meeting row written directly (the meeting handlers are another module's), carrying the given built-in kind ids.</summary>
    public static async Task<long> AddMeetingAsync(this CoreDatabase db, long organizationId, DateOnly heldOn, string topic, params long[] kindIds)
    {
        await using var context = await db.OpenAsync();
        var meeting = Meeting.Create(organizationId, new MeetingDetails(heldOn, null, null, topic, null, null, null, null, null, null, null, null), DateTime.UtcNow);
        foreach (var kind in kindIds) meeting.Kinds.Add(MeetingKindLink.For(kind));
        context.Add(meeting);
        await context.SaveChangesAsync(Ct);
        return meeting.Id;
    }

    public static async Task<decimal> MetricAsync(this CoreDatabase db, string key, long rootId, DateOnly from, DateOnly to, string? dimension = null, string? value = null)
    {
        var root = await db.FindAsync(rootId);
        await using var context = await db.OpenAsync();
        var values = await MetricCatalogue.Default.Get(key).EvaluateAsync(new MetricScope(context, root.Path, from, to), dimension, Ct);
        // Deconstructed, so the test keeps compiling when MetricValue's number changes type (int today, decimal soon).
        values.Single(v => v.Key == value).Deconstruct(out _, out _, out var number);
        return number;
    }
}
