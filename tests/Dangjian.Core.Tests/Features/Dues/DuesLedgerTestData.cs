using Dangjian.Core.Features.Dues;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;

namespace Dangjian.Core.Tests.Features.Dues;

/// <summary>Members, placements, profiles and ledger lines written straight into a test database.</summary>
internal static class DuesLedgerTestData
{
    private static int _counter;

    /// <summary>A member placed in <paramref name="branch"/> from <paramref name="placedFrom"/> (default: the admission date).</summary>
    public static async Task<long> MemberAsync(CoreDatabase database, long branch, string name = "党员", DateOnly? admittedOn = null,
        MemberCategory category = MemberCategory.Full, DateOnly? placedFrom = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var admitted = admittedOn ?? new DateOnly(2010, 1, 1);
        var fields = new MemberFields($"{name}{n}", Gender.Male, "汉族", new DateOnly(1980, 1, 1), $"D{n:00000000000000000}", null, null, null, null,
            EmploymentStatus.Employed, null, null, false, null, null, null, null, admitted, null, category, false, null, null, false, null);
        await using var db = await database.OpenAsync();
        var member = Member.Create(fields, branch, null);
        db.Add(member);
        await db.SaveChangesAsync(CoreDatabase.Ct);
        db.Add(MemberPlacement.Open(member.Id, branch, null, placedFrom ?? admitted));
        await db.SaveChangesAsync(CoreDatabase.Ct);
        return member.Id;
    }

    /// <summary>Moves the member on <paramref name="on"/>, as the transfer feature does.</summary>
    public static async Task MoveAsync(CoreDatabase database, long memberId, long toBranch, DateOnly on)
    {
        await using var db = await database.OpenAsync();
        var member = await db.Set<Member>().FindAsync([memberId], CoreDatabase.Ct);
        (await MemberPlacements.MoveAsync(db, member!, toBranch, null, on, CoreDatabase.Ct)).IsSuccess.ShouldBeTrue();
        await db.SaveChangesAsync(CoreDatabase.Ct);
    }

    public static async Task ProfileAsync(CoreDatabase database, long memberId, long branch, int year, decimal monthly, decimal? overrideMonthly = null)
    {
        await using var db = await database.OpenAsync();
        var profile = DuesProfile.Create(memberId, branch, year);
        profile.Set(DuesMemberType.Salaried, null, null, null, new DuesAmount(monthly, null, null));
        if (overrideMonthly is not null) profile.Override(overrideMonthly, "测试更正");
        db.Add(profile);
        await db.SaveChangesAsync(CoreDatabase.Ct);
    }

    /// <summary>Ledger lines for the months [from, to], each due <paramref name="due"/>, optionally paid in full.</summary>
    public static async Task LinesAsync(CoreDatabase database, long memberId, long branch, DateOnly from, DateOnly to, decimal due, bool paid = false)
    {
        await using var db = await database.OpenAsync();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var line = DuesLedgerLine.Create(memberId, branch, month, due);
            if (paid) line.AddPaid(due);
            db.Add(line);
        }

        await db.SaveChangesAsync(CoreDatabase.Ct);
    }

    public static DateOnly M(int year, int month) => DuesMonth.Of(year, month);
}
