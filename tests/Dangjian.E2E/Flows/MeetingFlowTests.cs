using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.Core.Features.Members;
using Dangjian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 组织生活 (issue 4 acceptance): record a 支委会 with attendance and a voted 议题 through the pages, read the counts and the
/// verdict on the detail page, then record an invalid vote (通过 without a majority of the committee) and read the refusal.
/// The branch, its members and its committee are set up through the API; the meeting itself only through the browser.
/// </summary>
public sealed partial class MeetingFlowTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    [Fact(Timeout = 180_000)]
    public async Task Record_a_committee_meeting_with_attendance_and_a_vote_then_an_invalid_vote_is_refused_in_chinese()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await PostAsync(context, "/api/v1/organizations", new { name = "会议测试党委", code = "MTG", kind = "Committee" });
            var branch = await PostAsync(context, "/api/v1/organizations", new { parentId = committee, name = "会议测试第一党支部", code = "MTG-01", kind = "Branch" });
            var secretary = await MemberAsync(context, branch, "王书记");
            var organizer = await MemberAsync(context, branch, "李委员");
            var propaganda = await MemberAsync(context, branch, "赵委员");
            await MemberAsync(context, branch, "普通党员");
            foreach (var (member, post) in new[] { (secretary, "Secretary"), (organizer, "OrganizationMember"), (propaganda, "PropagandaMember") })
            {
                await PostAsync(context, $"/api/v1/organizations/{branch}/committee-members", new { memberId = member, post, from = "2024-01-01" });
            }

            // The compliance matrix for the month of the meeting: the branch's 支委会 cell is not green yet.
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
            var day = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var monthStart = new DateOnly(yesterday.Year, yesterday.Month, 1);
            var matrix = $"/compliance?org={committee}&from={monthStart:yyyy-MM-dd}&to={monthStart.AddMonths(1).AddDays(-1):yyyy-MM-dd}";
            var committeeCell = page.Locator($"tr[data-org='{branch}'] td[data-obligation='committee-meeting']");
            await page.GotoAsync(matrix);
            (await committeeCell.GetAttributeAsync("data-status")).ShouldNotBe("Met");
            (await committeeCell.GetAttributeAsync("class"))!.ShouldNotContain("dj-cell-met");

            // Step 1: the organization, the date and the kind, from the list page's 新增会议.
            await page.GotoAsync("/meetings");
            await page.ClickAsync("#dj-meeting-new");
            await page.WaitForURLAsync(Ui.PathIs("/meetings/new"));
            await page.SelectOptionAsync("#org", branch.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#date", day);
            await page.CheckAsync("#kind-CommitteeMeeting");
            await page.ClickAsync("#dj-meeting-load");

            // Step 2: the grid lists the three 支委 on that day, not the ordinary member.
            await page.Locator("#dj-attendance-grid").WaitForAsync();
            (await page.Locator("#dj-attendance-grid tbody tr").CountAsync()).ShouldBe(3);
            (await page.InnerTextAsync("#dj-attendance-grid")).ShouldNotContain("普通党员");
            var leaveRow = page.Locator($"#dj-attendance-grid tr[data-member-id='{propaganda}']");
            await leaveRow.Locator("input[value='Leave']").CheckAsync();
            await leaveRow.Locator("input[name$='.LeaveReason']").FillAsync("外出学习");
            await page.FillAsync("#Topic", "七月支委会");
            await page.SelectOptionAsync("#HostMemberId", secretary.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#agenda-0-title", "确定入党积极分子");
            await page.SelectOptionAsync("#agenda-0-topic", "PartyBuilding");
            await page.FillAsync("#agenda-0-decision", "同意确定两名同志为入党积极分子");
            await page.FillAsync("#agenda-0-yes", "2");
            await page.FillAsync("#agenda-0-no", "0");
            await page.FillAsync("#agenda-0-abstain", "0");
            await page.SelectOptionAsync("#agenda-0-passed", "true");
            await Ui.ScreenshotAsync(page, "meeting-form.png");
            await page.ClickAsync("#dj-meeting-save");

            await page.WaitForURLAsync(CreatedPage());
            (await page.InnerTextAsync("#dj-flash")).ShouldContain("已新建");
            (await page.InnerTextAsync("[data-count='expected']")).ShouldBe("3");
            (await page.InnerTextAsync("[data-count='present']")).ShouldBe("2");
            (await page.InnerTextAsync("[data-count='leave']")).ShouldBe("1");
            (await page.InnerTextAsync("[data-count='rate']")).ShouldBe("66.7%");
            (await page.InnerTextAsync(".dj-verdict")).ShouldContain("通过");
            (await page.InnerTextAsync(".dj-quorum")).ShouldContain("应到会委员 3 人，实到 2 人");
            await Ui.ScreenshotAsync(page, "meeting-detail.png");
            var detail = page.Url;

            // The matrix cell turns green once the 支委会 is recorded.
            await page.GotoAsync(matrix);
            (await committeeCell.GetAttributeAsync("data-status")).ShouldBe("Met");
            (await committeeCell.GetAttributeAsync("class"))!.ShouldContain("dj-cell-met");
            await Ui.ScreenshotAsync(page, "compliance-matrix.png");
            await page.GotoAsync(detail);

            // The invalid vote: one yes of three committee members recorded as 通过.
            await page.ClickAsync("#dj-meeting-edit");
            await page.Locator("#dj-meeting-form").WaitForAsync();
            await page.FillAsync("#agenda-0-yes", "1");
            await page.FillAsync("#agenda-0-no", "1");
            await page.ClickAsync("#dj-meeting-save");

            await page.Locator("#dj-error-summary").WaitForAsync();
            const string refusal = "议题“确定入党积极分子”赞成 1 票，未超过应到会委员 3 人的半数，不能记为通过";
            (await page.InnerTextAsync("#dj-error-summary")).ShouldContain(refusal);
            (await page.InnerTextAsync("[data-field='Agenda.0']")).ShouldBe(refusal);
            (await page.InputValueAsync("#agenda-0-yes")).ShouldBe("1");

            // Nothing changed: the detail still shows the vote as recorded first.
            await page.ClickAsync("#dj-meeting-cancel");
            await page.WaitForURLAsync(new Regex(@"/meetings/\d+$"));
            (await page.InnerTextAsync("#dj-meeting-agenda")).ShouldContain("2 / 0 / 0");
        });
    }

    private static async Task<long> PostAsync(IBrowserContext context, string url, object body)
    {
        var response = await context.APIRequest.PostAsync(url, new APIRequestContextOptions { DataObject = body });
        response.Status.ShouldBe(201, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    private static Task<long> MemberAsync(IBrowserContext context, long branch, string name)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 9000));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (Random.Shared.Next(0, 500) * 2 + 1).ToString("000", CultureInfo.InvariantCulture);
        return PostAsync(context, "/api/v1/members", new
        {
            organizationId = branch,
            placedFrom = "2020-01-01",
            member = new
            {
                name, gender = "Male", ethnicity = "汉族", birthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), idNumber = first17 + IdNumber.CheckCharacter(first17),
                education = "Undergraduate", occupation = "ProfessionalTechnical", employmentStatus = "Employed",
                applicationDate = "2015-01-01", admittedOn = "2016-01-01", confirmedOn = "2017-01-01", category = "Full",
            },
        });
    }

    [GeneratedRegex(@"/meetings/\d+\?flash=created$")]
    private static partial Regex CreatedPage();
}
