using System.Globalization;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Tests.TestSupport;
using static Dangjian.Core.Tests.TestSupport.CoreDatabase;

namespace Dangjian.Core.Tests.Features.Transfers;

/// <summary>Members with valid GB 11643 numbers, and callers scoped to one subtree.</summary>
internal static class TransferTestData
{
    private static int _sequence = 100;

    public static string NewId(DateOnly birth, Gender gender)
    {
        var seq = Interlocked.Increment(ref _sequence) % 500 * 2 + (gender == Gender.Male ? 1 : 0);
        var first17 = "110101" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("000", CultureInfo.InvariantCulture)[^3..];
        return first17 + IdNumber.CheckCharacter(first17);
    }

    public static MemberInput Input(string name, bool lostContact = false, DateOnly? lostSince = null)
    {
        var birth = new DateOnly(1985, 3, 14);
        return new MemberInput
        {
            Name = name,
            Gender = Gender.Male,
            BirthDate = birth,
            IdNumber = NewId(birth, Gender.Male),
            EmploymentStatus = EmploymentStatus.Employed,
            ApplicationDate = new DateOnly(2008, 3, 1),
            AdmittedOn = new DateOnly(2010, 7, 1),
            ConfirmedOn = new DateOnly(2011, 7, 1),
            Category = MemberCategory.Full,
            IsLostContact = lostContact,
            LostContactSince = lostSince,
        };
    }

    public static async Task<long> AddMemberAsync(this CoreDatabase db, long branchId, string name, long? groupId = null, MemberInput? input = null)
    {
        var result = await db.Get<CreateMemberHandler>().HandleAsync(new CreateMemberCommand(branchId, groupId, input ?? Input(name)), Admin, Ct);
        result.IsSuccess.ShouldBeTrue(result.IsSuccess ? null : result.FirstError.Message);
        return result.Value;
    }

    public static async Task<AccessScope> ScopeAsync(this CoreDatabase db, long rootId, Role role = Role.Worker)
    {
        var org = await db.FindAsync(rootId);
        return new AccessScope("u-" + rootId, false, [new ScopeRoot(org.Id, org.Path, org.Name, role)]);
    }
}
