using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dangjian.Web.Tests.TestSupport;

/// <summary>
/// A cookie-carrying client that reads pages as HTML and submits their forms the way a browser without scripts would,
/// antiforgery token included.
/// </summary>
public sealed class BrowserlessSession : IDisposable
{
    private readonly HttpClient _client;

    public BrowserlessSession(DangjianApp app)
    {
        _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public HttpClient Client => _client;

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    /// <summary>Follows redirects like a browser, returning the final page.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> GetFollowingAsync(string url)
    {
        var response = await _client.GetAsync(url);
        for (var i = 0; i < 5 && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            response = await _client.GetAsync(response.Headers.Location);
        }

        return (response, await ParseAsync(response));
    }

    /// <summary>Fills the named fields of the form matched by <paramref name="formSelector"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, string formSelector, IDictionary<string, string> fields, string? actionOverride = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"页面上没有表单 {formSelector}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name)) continue;
            var value = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } input => input.IsChecked ? input.Value : null,
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => select.Value,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null) values.Add(new(name, value));
        }

        values.AddRange(fields);
        var action = actionOverride ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(new Uri(page.Url), action).ToString();
        return await _client.PostAsync(new Uri(target).PathAndQuery, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts the form matched by <paramref name="formSelector"/> as multipart/form-data, the way a browser sends a form with a
    /// file input: its current fields (antiforgery token included), then <paramref name="fields"/>, then the file.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFileAsync(IDocument page, string formSelector, IDictionary<string, string> fields, string fileField, string fileName, byte[] file)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"页面上没有表单 {formSelector}");
        using var content = new MultipartFormDataContent();
        foreach (var element in form.Elements.OfType<IHtmlElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == fileField || fields.ContainsKey(name)) continue;
            var value = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } input => input.IsChecked ? input.Value : null,
                IHtmlInputElement { Type: "file" } => null,
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => select.Value,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null) content.Add(new StringContent(value), name);
        }

        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, fileField, fileName);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(new Uri(page.Url), action).ToString();
        return await _client.PostAsync(new Uri(target).PathAndQuery, content);
    }

    public async Task LogInAsync(TestUser user)
    {
        var (_, page) = await GetAsync("/login");
        var response = await SubmitAsync(page, "form[action='/account/login']", new Dictionary<string, string> { ["userName"] = user.UserName, ["password"] = user.Password });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldNotContain("error");
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public void Dispose() => _client.Dispose();
}
