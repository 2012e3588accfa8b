using System.Net.Http.Headers;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.WorkLog.Care;
using Dangjian.Core.Features.WorkLog.Commendations;
using Dangjian.Core.Features.WorkLog.Donations;
using Dangjian.Documents.Xlsx;
using Dangjian.Web.Tests.Features.Access;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.WorkLog.Donations;

/// <summary>A drive, a commendation and a care visit of the victim's branch, named with the marker so a leak would show.</summary>
internal static class WorkLogDonationScopeData
{
    public static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);

    public static async Task<(long Member, long Drive, long Commendation, long Visit)> CreateAsync(DangjianApp app, long branch, string marker)
    {
        var member = await CommitteeTestData.CreateMemberAsync(app, branch, marker + "党员", placedFrom: new DateOnly(2020, 1, 1));
        var drive = await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateDonationDriveHandler>().HandleAsync(new CreateDonationDriveCommand(branch,
            new DonationDriveInput { HeldOn = Day, Purpose = marker + "捐款", Recipient = DonationRecipient.RedCross, Donors = [new DonorInput(member, 10m)] }),
            AccessScope.Everything(null), CancellationToken.None));
        var commendation = await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateCommendationHandler>().HandleAsync(new CreateCommendationCommand(branch,
            new CommendationInput { AwardedOn = Day, Level = CommendationLevel.County, Title = marker + "表彰", MemberIds = [member] }),
            AccessScope.Everything(null), CancellationToken.None));
        var visit = await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateCareVisitHandler>().HandleAsync(new CreateCareVisitCommand(branch,
            new CareVisitInput { VisitedOn = Day, Reason = CareReason.Ill, Money = 100m, Visitors = marker + "慰问人", MemberIds = [member] }),
            AccessScope.Everything(null), CancellationToken.None));
        return (member, drive, commendation, visit);
    }
}

public sealed class WorkLogDonationScopeProbes : IApiScopeProbes
{
    public async Task<IReadOnlyDictionary<string, ApiProbe>> CreateAsync(ScopeWorld w, DangjianApp app)
    {
        var (member, drive, commendation, visit) = await WorkLogDonationScopeData.CreateAsync(app, w.VictimBranch, ScopeWorld.VictimMarker);
        var day = WorkLogDonationScopeData.Day.ToString("yyyy-MM-dd");
        var driveBody = new { organizationId = w.VictimBranch, heldOn = day, purpose = "越权登记", recipient = "Other", donors = new[] { new { memberId = member, amount = 1m } } };
        var awardBody = new { organizationId = w.VictimBranch, awardedOn = day, level = "County", title = "越权表彰", memberIds = new[] { member } };
        var careBody = new { organizationId = w.VictimBranch, visitedOn = day, reason = "Ill", money = 1m, visitors = "越权", memberIds = new[] { member } };
        Func<HttpContent> upload = () =>
        {
            var file = new ByteArrayContent(XlsxWriter.Write("捐款名单", ["身份证号码", "姓名", "捐款金额（元）"], [["110101199001011237", "某人", "1"]]));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return new MultipartFormDataContent { { file, "file", "名单.xlsx" } };
        };
        return new Dictionary<string, ApiProbe>
        {
            ["GET /api/v1/worklog/donations/"] = new(HttpMethod.Get, $"/api/v1/worklog/donations/?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/donations/export"] = new(HttpMethod.Get, $"/api/v1/worklog/donations/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/donations/{id:long}"] = new(HttpMethod.Get, $"/api/v1/worklog/donations/{drive}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/donations/"] = new(HttpMethod.Post, "/api/v1/worklog/donations/", driveBody, ProbeExpect.Denied),
            ["PUT /api/v1/worklog/donations/{id:long}"] = new(HttpMethod.Put, $"/api/v1/worklog/donations/{drive}", driveBody, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/donations/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/donations/{drive}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/donations/{id:long}/donors/import"] = new(HttpMethod.Post, $"/api/v1/worklog/donations/{drive}/donors/import", upload, ProbeExpect.Denied),
            ["GET /api/v1/worklog/donations/donors/template"] = new(HttpMethod.Get, "/api/v1/worklog/donations/donors/template", null, ProbeExpect.OwnDataOnly),
            ["GET /api/v1/worklog/commendations/"] = new(HttpMethod.Get, $"/api/v1/worklog/commendations/?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/commendations/export"] = new(HttpMethod.Get, $"/api/v1/worklog/commendations/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/commendations/{id:long}"] = new(HttpMethod.Get, $"/api/v1/worklog/commendations/{commendation}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/commendations/"] = new(HttpMethod.Post, "/api/v1/worklog/commendations/", awardBody, ProbeExpect.Denied),
            ["PUT /api/v1/worklog/commendations/{id:long}"] = new(HttpMethod.Put, $"/api/v1/worklog/commendations/{commendation}", awardBody, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/commendations/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/commendations/{commendation}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/care-visits/"] = new(HttpMethod.Get, $"/api/v1/worklog/care-visits/?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/care-visits/export"] = new(HttpMethod.Get, $"/api/v1/worklog/care-visits/export?under={w.VictimBranch}", null, ProbeExpect.Denied),
            ["GET /api/v1/worklog/care-visits/{id:long}"] = new(HttpMethod.Get, $"/api/v1/worklog/care-visits/{visit}", null, ProbeExpect.Denied),
            ["POST /api/v1/worklog/care-visits/"] = new(HttpMethod.Post, "/api/v1/worklog/care-visits/", careBody, ProbeExpect.Denied),
            ["PUT /api/v1/worklog/care-visits/{id:long}"] = new(HttpMethod.Put, $"/api/v1/worklog/care-visits/{visit}", careBody, ProbeExpect.Denied),
            ["DELETE /api/v1/worklog/care-visits/{id:long}"] = new(HttpMethod.Delete, $"/api/v1/worklog/care-visits/{visit}", null, ProbeExpect.Denied),
        };
    }
}

public sealed class WorkLogDonationPageProbes : IPageScopeProbes
{
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(PageScopeWorld world, DangjianApp app)
    {
        const string marker = "丙方捐款台账";
        var (_, drive, commendation, visit) = await WorkLogDonationScopeData.CreateAsync(app, world.Victim, marker);
        world.VictimMarkers.Add(marker);
        var day = WorkLogDonationScopeData.Day.ToString("yyyy-MM-dd");
        return new Dictionary<string, string>
        {
            ["/worklog/donations"] = $"/worklog/donations?org={world.Victim}",
            ["/worklog/donations/new"] = $"/worklog/donations/new?org={world.Victim}&date={day}",
            ["/worklog/donations/{Id:long}"] = $"/worklog/donations/{drive}",
            ["/worklog/donations/{Id:long}/edit"] = $"/worklog/donations/{drive}/edit",
            ["/worklog/commendations"] = $"/worklog/commendations?org={world.Victim}",
            ["/worklog/commendations/new"] = $"/worklog/commendations/new?org={world.Victim}",
            ["/worklog/commendations/{Id:long}/edit"] = $"/worklog/commendations/{commendation}/edit",
            ["/worklog/care"] = $"/worklog/care?org={world.Victim}",
            ["/worklog/care/new"] = $"/worklog/care/new?org={world.Victim}",
            ["/worklog/care/{Id:long}/edit"] = $"/worklog/care/{visit}/edit",
        };
    }
}
