using Dangjian.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Cli.Demo;

public sealed record DemoSeedReport(int Created)
{
    public bool AlreadyPresent => Created == 0;
}

/// <summary>
/// Builds a realistic demo through the same handlers the web pages call, so demo data obeys every rule real data does
/// and fills the audit log the same way.
/// Each step reports what it created on <see cref="DemoSeedContext.Log"/>; the seeder only tells "nothing new" apart.
/// </summary>
public sealed class DemoSeeder(IEnumerable<IDemoSeedStep> steps)
{
    public async Task<Result<DemoSeedReport>> SeedAsync(TextWriter log, CancellationToken ct)
    {
        var context = new DemoSeedContext(log);
        var created = 0;
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            var result = await step.RunAsync(context, ct);
            if (!result.IsSuccess)
            {
                return Result<DemoSeedReport>.Failure(result.Errors);
            }

            created += result.Value;
        }

        return new DemoSeedReport(created);
    }
}

public static class DemoSeedingServices
{
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IDemoSeedStep, DemoOrganizationsStep>();
        services.AddScoped<IDemoSeedStep, DemoUsersStep>();
        services.AddScoped<IDemoSeedStep, DemoCommitteesStep>();
        services.AddScoped<IDemoSeedStep, DemoMembersStep>();
        services.AddScoped<IDemoSeedStep, DemoMeetingsStep>();
        services.AddScoped<IDemoSeedStep, DemoEvaluationsStep>();
        services.AddScoped<IDemoSeedStep, DemoVolunteeringStep>();
        services.AddScoped<IDemoSeedStep, DemoDuesStep>();
        services.AddScoped<IDemoSeedStep, DemoDonationsStep>();
        services.AddScoped<IDemoSeedStep, DemoAssistanceStep>();
        services.AddScoped<IDemoSeedStep, DemoCustomIndicatorsStep>();
        services.AddScoped<IDemoSeedStep, DemoDevelopmentStep>();
        return services;
    }
}
