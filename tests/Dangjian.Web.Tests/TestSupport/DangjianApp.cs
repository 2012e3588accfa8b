using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dangjian.Core.Features.Access;
using Dangjian.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.TestSupport;

/// <summary>The real host on a fresh database of the given kind.</summary>
public sealed class DangjianApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly string _keysFolder = Path.Combine(Path.GetTempPath(), "dangjian-tests", "keys-" + Guid.NewGuid().ToString("N"));
    private readonly string _attachmentsFolder = Path.Combine(Path.GetTempPath(), "dangjian-tests", "attachments-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    private DangjianApp(TestDatabase database, Dictionary<string, string?> settings)
    {
        _database = database;
        _settings = settings;
    }

    public DatabaseKind Kind => _database.Kind;
    public TestDatabase Database => _database;

    /// <summary>Where this host keeps attachment bytes: a temporary folder of its own.</summary>
    public string AttachmentsFolder => _attachmentsFolder;

    public static async Task<DangjianApp> StartAsync(DatabaseKind kind, Dictionary<string, string?>? settings = null)
    {
        var app = new DangjianApp(await TestDatabase.CreateAsync(kind), settings ?? []);
        _ = app.Server; // build the host now: migrations run at start-up
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:Dangjian", _database.ConnectionString);
        builder.UseSetting("DataProtection:KeysFolder", _keysFolder);
        builder.UseSetting("Storage:AttachmentsPath", _attachmentsFolder);
        builder.UseSetting("Security:LoginAttemptsPerMinute", "10000");
        // The daily 自行脱党 check would start a minute in and change data under tests sharing the host (and race the
        // host's shutdown); tests call OpenDuesReviewCasesHandler themselves.
        builder.UseSetting("Dues:ReviewCheckHours", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A new user holding <paramref name="role"/> over <paramref name="organizationId"/>, created the way an administrator would.</summary>
    public async Task<TestUser> CreateUserAsync(string userName, Role role, long? organizationId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var password = "Passw0rd" + userName;
        var created = role == Role.SystemAdmin && !await users.SystemAdminExistsAsync(default)
            ? await users.CreateFirstAdminAsync(new NewUser(userName, userName + "姓名", password), default)
            : await users.CreateUserAsync(new NewUser(userName, userName + "姓名", password), organizationId, role, AccessScope.Everything(null), default);
        created.IsSuccess.ShouldBeTrue(created.IsSuccess ? "" : created.FirstError.Message);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(created.Value, "tests", null, default);
        return new TestUser(created.Value, userName, password, token.Value.Token, token.Value.Id);
    }

    /// <summary>An API client authenticated with the user's personal token.</summary>
    public HttpClient ApiClient(TestUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        foreach (var folder in new[] { _keysFolder, _attachmentsFolder })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

public sealed record TestUser(string Id, string UserName, string Password, string Token, long TokenId);

public static class ApiExtensions
{
    public static async Task<long> CreateOrganizationAsync(this HttpClient client, long? parentId, string code, string name, string kind)
    {
        var response = await client.PostAsJsonAsync("/api/v1/organizations", new { parentId, code, name, kind });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body);
        var created = System.Text.Json.JsonDocument.Parse(body);
        return created.RootElement.GetProperty("id").GetInt64();
    }
}
