using System.Reflection;
using Dangjian.Core.Data;
using Microsoft.EntityFrameworkCore;
using static Dangjian.Architecture.Tests.Assemblies;

namespace Dangjian.Architecture.Tests;

/// <summary>The naming and shape conventions of docs/architecture.md ("Conventions", decision 1), checked over Core's types.</summary>
public sealed class CoreConventionTests
{
    private static readonly IReadOnlyList<Type> Types = AuthoredTypes(CoreAssembly).ToList();

    private static IEnumerable<Type> Handlers =>
        Types.Where(t => t is { IsClass: true, IsPublic: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal));

    private static IEnumerable<(Type Configuration, Type Entity)> Configurations =>
        from type in Types
        where type.IsClass && !type.IsAbstract
        from contract in type.GetInterfaces()
        where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)
        select (type, contract.GetGenericArguments()[0]);

    // ---- namespaces ----------------------------------------------------------------------------

    [Fact]
    public void AuthoredTypes_Core_LiveUnderDangjianCoreNamespace() =>
        Types.Where(t => t.Namespace is null || !(t.Namespace == "Dangjian.Core" || t.Namespace.StartsWith("Dangjian.Core.", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ShouldBeEmpty();

    [Fact]
    public void AuthoredTypes_Core_FoundSome() =>
        Types.ShouldContain(t => t == typeof(DangjianDbContext)); // guards the filter against hiding everything

    // ---- handlers ------------------------------------------------------------------------------

    [Fact]
    public void Handlers_Core_Exist() => Handlers.ShouldNotBeEmpty();

    [Fact]
    public void Handlers_Core_AreSealed() =>
        Handlers.Where(t => !t.IsSealed).Select(t => t.FullName).ShouldBeEmpty();

    [Fact]
    public void Handlers_Core_HavePublicHandleAsync() =>
        Handlers.Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).All(m => m.Name != "HandleAsync"))
            .Select(t => t.FullName)
            .ShouldBeEmpty();

    [Fact]
    public void Handlers_HandleAsync_ReturnsTaskAndTakesCancellationTokenLast()
    {
        var offenders = new List<string>();
        foreach (var method in Handlers.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "HandleAsync")))
        {
            var returnType = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericTypeDefinition() : method.ReturnType;
            if (returnType != typeof(Task) && returnType != typeof(Task<>) && returnType != typeof(ValueTask) && returnType != typeof(ValueTask<>))
            {
                offenders.Add($"{method.DeclaringType!.Name}.HandleAsync returns {method.ReturnType.Name}");
            }

            var parameters = method.GetParameters();
            if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
            {
                offenders.Add($"{method.DeclaringType!.Name}.HandleAsync does not take a CancellationToken last");
            }
        }

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Handlers_Core_AreRegisteredByAddDangjianCore()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Dangjian.Core.CoreServices.AddDangjianCore(services, DatabaseSettings.From("Sqlite", "Data Source=:memory:"));
        var registered = services.Select(s => s.ServiceType).ToHashSet();

        Handlers.Where(t => !registered.Contains(t)).Select(t => t.FullName).ShouldBeEmpty();
    }

    // ---- entity configurations -----------------------------------------------------------------

    [Fact]
    public void Configurations_Core_Exist() => Configurations.ShouldNotBeEmpty();

    [Fact]
    public void Configurations_Core_NamedAfterEntity() =>
        Configurations.Where(c => c.Configuration.Name != c.Entity.Name + "Configuration")
            .Select(c => $"{c.Configuration.FullName} configures {c.Entity.Name}")
            .ShouldBeEmpty();

    [Fact]
    public void Configurations_Core_LiveInTheirEntitysFeatureNamespace() =>
        Configurations.Where(c => c.Configuration.Namespace != c.Entity.Namespace)
            .Select(c => $"{c.Configuration.FullName} vs {c.Entity.FullName}")
            .ShouldBeEmpty();

    [Fact]
    public void Configurations_Core_AreSealed() =>
        Configurations.Where(c => !c.Configuration.IsSealed).Select(c => c.Configuration.FullName).ShouldBeEmpty();

    [Fact]
    public void DbSets_DangjianDbContext_EachEntityHasConfiguration()
    {
        var configured = Configurations.Select(c => c.Entity).ToHashSet();
        var entities = typeof(DangjianDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .ToList();

        entities.ShouldNotBeEmpty();
        entities.Where(e => !configured.Contains(e)).Select(e => e.FullName).ShouldBeEmpty();
    }
}
