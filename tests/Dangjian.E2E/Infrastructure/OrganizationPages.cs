using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dangjian.E2E.Infrastructure;

/// <summary>Steps on the organization pages, shared by the flows.</summary>
public static partial class OrganizationPages
{
    /// <summary>Fills the new-organization form that is open on <paramref name="page"/>, saves, and returns the new id.</summary>
    public static async Task<long> FillAndSaveAsync(IPage page, string name, string code, string kind)
    {
        await page.FillAsync("#Name", name);
        await page.FillAsync("#Code", code);
        await page.SelectOptionAsync("#Kind", kind);
        await page.ClickAsync("#dj-save");
        await page.WaitForURLAsync(CreatedPage());
        (await page.TextContentAsync("#dj-org-name"))!.Trim().ShouldStartWith(name);
        return Ui.OrganizationId(page.Url);
    }

    /// <summary>Opens the form directly (top level, or under <paramref name="parentId"/>) and creates the organization.</summary>
    public static async Task<long> CreateAsync(IPage page, long? parentId, string name, string code, string kind)
    {
        await page.GotoAsync(parentId is long id ? $"/organizations/new?parentId={id}" : "/organizations/new");
        return await FillAndSaveAsync(page, name, code, kind);
    }

    public static string Node(long id) => $"li[data-org-id='{id}']";

    [GeneratedRegex(@"/organizations/\d+\?flash=created$")]
    private static partial Regex CreatedPage();
}
