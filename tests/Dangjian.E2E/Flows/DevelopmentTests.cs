using System.Globalization;
using Dangjian.Core.Features.Members;
using Dangjian.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Dangjian.E2E.Flows;

/// <summary>
/// 发展党员 (issue 8): one person from the 入党申请书 to 预备党员 through the pages, with every step dated in the past (the
/// host's clock is real, so the application is three years back). At each hard rule a too-early or non-compliant entry is
/// tried first and must be refused with its Chinese message, saving nothing: 发展对象 before one year as an activist,
/// a 入党介绍人 who is not a 正式党员, a failed 政审, too short a training, a vote without quorum and one without a
/// majority of 应到会, an approval more than six months after the vote, and a 转正 vote before the probation ends.
/// The branch and its members are set up through the API.
/// </summary>
public sealed class DevelopmentTests(BrowserFixture browser, E2EApp app) : IClassFixture<E2EApp>
{
    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact(Timeout = 300_000)]
    public async Task Take_an_applicant_to_预备党员_and_see_every_hard_rule_refuse_in_Chinese()
    {
        BrowserFixture.SkipIfNoChromium();
        await using var context = await app.AdminContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await Ui.RunAsync(page, async () =>
        {
            var committee = await Api.OrganizationAsync(context, null, "发展测试党委", "DEV", "Committee");
            var branch = await Api.OrganizationAsync(context, committee, "发展测试第一党支部", "DEV-01", "Branch");
            var mentor = await Api.MemberAsync(context, branch, "王联系");
            var sponsor = await Api.MemberAsync(context, branch, "赵介绍");
            var probationary = await ProbationaryMemberAsync(context, branch, "钱预备");

            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var applied = today.AddYears(-3);
            var activist = applied.AddMonths(6);
            var target = activist.AddYears(1);
            var vote = target.AddDays(45);

            // 登记入党申请人 through the form.
            await page.GotoAsync("/development/candidates");
            await page.ClickAsync("#dj-candidate-new");
            await page.SelectOptionAsync("#OrganizationId", branch.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#ApplicationDate", D(applied));
            await page.FillAsync("#Name", "孙申请");
            await page.SelectOptionAsync("#Gender", "Male");
            var birth = new DateOnly(1998, 6, 18);
            await page.FillAsync("#BirthDate", D(birth));
            var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "013";
            await page.FillAsync("#IdNumber", first17 + IdNumber.CheckCharacter(first17));
            await page.SelectOptionAsync("#EmploymentStatus", "Employed");
            await page.FillAsync("#Employer", "某某科技公司");
            await page.CheckAsync("#IsLeagueMember");
            await page.CheckAsync("#RecommendedByLeague");
            await page.ClickAsync("#dj-candidate-submit");
            await page.WaitForURLAsync(url => url.Contains("flash=created", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-candidate-stage")).ShouldBe("入党申请人");
            var id = long.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);

            async Task OpenStepAsync(int step)
            {
                await page.GotoAsync($"/development/candidates/{id}");
                (await page.GetAttributeAsync("#dj-next-step-link", "href")).ShouldBe($"/development/candidates/{id}/steps/new?step={step}");
                await page.ClickAsync("#dj-next-step-link");
                await page.Locator("#dj-step-form").WaitForAsync();
            }

            async Task SubmitAsync(DateOnly on)
            {
                await page.FillAsync("#CompletedOn", D(on));
                await page.ClickAsync("#dj-step-submit");
            }

            async Task RefusedAsync(string message)
            {
                await page.Locator("#dj-error-summary").WaitForAsync();
                (await page.InnerTextAsync("#dj-error-summary")).ShouldContain(message);
                new Uri(page.Url).AbsolutePath.ShouldBe($"/development/candidates/{id}/steps/new");
            }

            async Task SavedAsync()
            {
                await page.WaitForURLAsync(url => url.Contains("flash=saved", StringComparison.Ordinal));
                (await page.InnerTextAsync("#dj-flash")).ShouldContain("已保存");
            }

            async Task StepAsync(int step, DateOnly on, Func<Task>? fill = null)
            {
                await OpenStepAsync(step);
                if (fill is not null) await fill();
                await SubmitAsync(on);
                await SavedAsync();
            }

            await StepAsync(2, applied.AddDays(10), () => page.FillAsync("#Person", "支部书记"));
            await StepAsync(3, activist);
            await StepAsync(4, activist.AddDays(5), () => page.FillAsync("#Person", "机关党委"));
            await StepAsync(5, activist.AddDays(5), () => page.SelectOptionAsync("#FirstMemberId", mentor.ToString(CultureInfo.InvariantCulture)));
            await StepAsync(6, applied.AddYears(1), () => page.FillAsync("#Person", "王联系"));
            (await page.InnerTextAsync("#dj-candidate-stage")).ShouldBe("入党积极分子");

            // 发展对象 only after a full year as an activist.
            await OpenStepAsync(7);
            (await page.InnerTextAsync("#dj-step-form")).ShouldNotBeNull();
            await SubmitAsync(target.AddDays(-1));
            await RefusedAsync("须经过一年以上培养教育");
            await SubmitAsync(target);
            await SavedAsync();
            (await page.InnerTextAsync("#dj-candidate-stage")).ShouldBe("发展对象");
            await StepAsync(8, target.AddDays(5), () => page.FillAsync("#Person", "机关党委"));

            // 入党介绍人: two 正式党员.
            await OpenStepAsync(9);
            await page.SelectOptionAsync("#FirstMemberId", mentor.ToString(CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#SecondMemberId", probationary.ToString(CultureInfo.InvariantCulture));
            await SubmitAsync(target.AddDays(5));
            await RefusedAsync("不是正式党员，不能担任入党介绍人");
            await page.SelectOptionAsync("#SecondMemberId", sponsor.ToString(CultureInfo.InvariantCulture));
            await SubmitAsync(target.AddDays(5));
            await SavedAsync();

            // 政治审查 must have passed.
            await OpenStepAsync(10);
            await page.FillAsync("#Person", "政审组");
            await page.SelectOptionAsync("#ReviewPassed", "false");
            await SubmitAsync(target.AddDays(10));
            await RefusedAsync("政治审查未通过");
            await page.SelectOptionAsync("#ReviewPassed", "true");
            await SubmitAsync(target.AddDays(10));
            await SavedAsync();

            // Training: at least 3 days or 24 学时.
            await OpenStepAsync(11);
            await page.FillAsync("#TrainingDays", "2");
            await page.FillAsync("#TrainingHours", "16");
            await SubmitAsync(target.AddDays(15));
            await RefusedAsync("不少于 3 天");
            await page.FillAsync("#TrainingHours", "24");
            await SubmitAsync(target.AddDays(15));
            await SavedAsync();

            await StepAsync(12, target.AddDays(30), async () =>
            {
                await page.FillAsync("#NoticeFrom", D(target.AddDays(10)));
                await page.FillAsync("#NoticeTo", D(target.AddDays(29)));
            });
            await StepAsync(13, target.AddDays(35), () => page.FillAsync("#Person", "机关党委"));
            await StepAsync(14, target.AddDays(40));

            // 支部大会: more than half of 应到会 present, and more than half of 应到会 in favour.
            await OpenStepAsync(15);
            await FillVoteAsync(page, expected: 9, present: 4, yes: 4, no: 0);
            await SubmitAsync(vote);
            await RefusedAsync("未超过应到会 9 人的半数，支部大会不能表决");
            await FillVoteAsync(page, expected: 9, present: 7, yes: 4, no: 3);
            await SubmitAsync(vote);
            await RefusedAsync("表决未通过");
            await FillVoteAsync(page, expected: 9, present: 7, yes: 6, no: 1);
            await SubmitAsync(vote);
            await SavedAsync();
            await StepAsync(16, vote.AddDays(5), () => page.FillAsync("#Person", "组织员"));

            // Upper approval: never more than six months after the vote.
            await OpenStepAsync(17);
            await page.FillAsync("#Person", "机关党委");
            await SubmitAsync(vote.AddMonths(6).AddDays(1));
            await RefusedAsync("须重新履行接收预备党员手续");
            await SubmitAsync(vote.AddDays(30));
            await SavedAsync();
            (await page.InnerTextAsync("#dj-candidate-stage")).ShouldBe("预备党员");
            (await page.InnerTextAsync("#dj-probation-end")).ShouldContain(D(vote.AddYears(1)));
            await page.ClickAsync("#dj-candidate-member");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/members/", StringComparison.Ordinal));
            (await page.InnerTextAsync("#dj-member-fields")).ShouldContain("预备党员");
            (await page.InnerTextAsync("#dj-member-fields")).ShouldContain(D(vote));

            await StepAsync(18, vote.AddDays(35), () => page.FillAsync("#Person", "市委组织部"));
            await StepAsync(19, vote.AddDays(40));
            await StepAsync(20, vote.AddDays(45));
            await StepAsync(21, vote.AddDays(60), () => page.FillAsync("#Person", "党支部"));
            var end = vote.AddYears(1);
            await StepAsync(22, end.AddDays(-10));

            // 转正 not before the probation ends.
            await OpenStepAsync(23);
            await page.FillAsync("#NoticeFrom", D(end.AddDays(-25)));
            await page.FillAsync("#NoticeTo", D(end.AddDays(-2)));
            await FillVoteAsync(page, expected: 9, present: 8, yes: 8, no: 0);
            await SubmitAsync(end.AddDays(-1));
            await RefusedAsync("支部大会讨论转正不能早于期满之日");

            // Nothing refused was saved: the person page lists 22 steps, the last the 转正 application.
            await page.GotoAsync($"/development/candidates/{id}");
            (await page.Locator("#dj-candidate-steps tbody tr").CountAsync()).ShouldBe(22);
            (await page.InnerTextAsync("#dj-candidate-next")).ShouldContain("支部大会讨论转正");
            await Ui.ScreenshotAsync(page, "development-person.png");

            await page.GotoAsync("/development/candidates?stage=Probationary");
            (await page.Locator("#dj-candidates tbody tr").AllInnerTextsAsync()).ShouldContain(t => t.Contains("孙申请") && t.Contains("预备党员"));
        });
    }

    private static async Task FillVoteAsync(IPage page, int expected, int present, int yes, int no)
    {
        await page.FillAsync("#ExpectedVoters", expected.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#PresentVoters", present.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#Yes", yes.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#No", no.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#Abstain", "0");
    }

    /// <summary>A 预备党员 of the branch since last month: not allowed to be a 入党介绍人.</summary>
    private static Task<long> ProbationaryMemberAsync(IBrowserContext context, long branch, string name)
    {
        var birth = new DateOnly(1990, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (Random.Shared.Next(0, 500) * 2 + 1).ToString("000", CultureInfo.InvariantCulture);
        var admitted = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddMonths(-1);
        return Api.PostAsync(context, "/api/v1/members", new
        {
            organizationId = branch,
            placedFrom = D(admitted),
            member = new
            {
                name, gender = "Male", ethnicity = "汉族", birthDate = D(birth), idNumber = first17 + IdNumber.CheckCharacter(first17),
                education = "Undergraduate", occupation = "ProfessionalTechnical", employmentStatus = "Employed",
                applicationDate = D(admitted.AddYears(-2)), admittedOn = D(admitted), category = "Probationary",
            },
        });
    }
}
