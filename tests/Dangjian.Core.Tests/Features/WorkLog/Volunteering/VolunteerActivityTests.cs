using Dangjian.Core.Features.WorkLog.Volunteering;

namespace Dangjian.Core.Tests.Features.WorkLog.Volunteering;

public sealed class VolunteerActivityTests
{
    private static ValidVolunteerActivity Valid(int publicVolunteers, params (long Member, decimal Hours)[] participants) =>
        new(new DateOnly(2025, 5, 1), "清扫楼道", "楼道整治", true, publicVolunteers, null, participants.Select(p => new ParticipantHours(p.Member, p.Hours)).ToList());

    [Fact]
    public void TotalHours_IsTheSumOfTheParticipantsHours_AndUpdatesReplaceTheList()
    {
        var activity = VolunteerActivity.Create(1, Valid(5, (10, 24m), (11, 0.25m)));
        activity.TotalHours.ShouldBe(24.25m);
        activity.Participants.Count.ShouldBe(2);

        activity.Update(Valid(5, (11, 2m), (12, 1.5m)));
        activity.Participants.Select(p => p.MemberId).ShouldBe([11L, 12L], ignoreOrder: true);
        activity.TotalHours.ShouldBe(3.5m);
    }

    [Fact]
    public void AClaimWithoutAProject_IsNotKept()
    {
        var activity = VolunteerActivity.Create(1, Valid(0) with { ServiceProject = null, ProjectClaimed = true });
        activity.ProjectClaimed.ShouldBeFalse();
    }

    [Fact]
    public void PostKinds_HaveTheirChineseNames()
    {
        PioneerPostKinds.Label(PioneerPostKind.Pioneer).ShouldBe("党员先锋岗");
        PioneerPostKinds.Label(PioneerPostKind.Model).ShouldBe("党员示范岗");
        PioneerPostKinds.Label(PioneerPostKind.ResponsibilityArea).ShouldBe("党员责任区");
    }
}
