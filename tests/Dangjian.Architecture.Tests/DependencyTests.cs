using System.Reflection;
using static Dangjian.Architecture.Tests.Assemblies;

namespace Dangjian.Architecture.Tests;

/// <summary>
/// Which project may depend on what (docs/architecture.md, "Shape" and decision 0): Core is free of ASP.NET and OpenXML,
/// Documents is the only home of OpenXML, and nothing below the hosts depends on a host.
/// </summary>
public sealed class DependencyTests
{
    public static TheoryData<string> ProductAssemblies() => new("Dangjian.Core", "Dangjian.Documents", "Dangjian.Identity", "Dangjian.Web", "dangjian");

    private static Assembly ByName(string name) => name switch
    {
        "Dangjian.Core" => CoreAssembly,
        "Dangjian.Documents" => DocumentsAssembly,
        "Dangjian.Identity" => IdentityAssembly,
        "Dangjian.Web" => WebAssembly,
        "dangjian" => CliAssembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(ProductAssemblies))]
    public void Load_ProductAssembly_HasExpectedName(string name) =>
        ByName(name).GetName().Name.ShouldBe(name);

    // ---- Core ----------------------------------------------------------------------------------

    [Fact]
    public void Core_DirectReferences_NoAspNetCore() =>
        DirectReferences(CoreAssembly).Where(IsAspNetCore).ShouldBeEmpty();

    [Fact]
    public void Core_DirectReferences_NoOpenXml() =>
        DirectReferences(CoreAssembly).Where(IsOpenXml).ShouldBeEmpty();

    [Fact]
    public void Core_TransitiveReferences_NoAspNetCoreNorOpenXml()
    {
        var references = TransitiveReferences(CoreAssembly);

        // Guards the walk itself: it must reach beyond the direct references (EF Core's own dependencies).
        references.Count.ShouldBeGreaterThan(DirectReferences(CoreAssembly).Count);
        references.Where(n => IsAspNetCore(n) || IsOpenXml(n)).ShouldBeEmpty();
    }

    [Fact]
    public void Core_DirectReferences_NoOtherDangjianProject() =>
        DirectReferences(CoreAssembly).Where(n => n.StartsWith("Dangjian", StringComparison.OrdinalIgnoreCase) || n == "dangjian").ShouldBeEmpty();

    [Fact]
    public void Core_ProjectFile_NoAspNetFrameworkNorAspNetOrOpenXmlPackages()
    {
        ProjectItems("Dangjian.Core", "FrameworkReference").ShouldNotContain("Microsoft.AspNetCore.App");
        ProjectItems("Dangjian.Core", "PackageReference").Where(p => IsAspNetCore(p) || IsOpenXml(p)).ShouldBeEmpty();
        ProjectItems("Dangjian.Core", "ProjectReference").ShouldBeEmpty();
    }

    // ---- Documents -----------------------------------------------------------------------------

    [Fact]
    public void Documents_DirectReferences_NoAspNetCore() =>
        DirectReferences(DocumentsAssembly).Where(IsAspNetCore).ShouldBeEmpty();

    [Fact]
    public void Documents_TransitiveReferences_NoAspNetCore() =>
        TransitiveReferences(DocumentsAssembly).Where(IsAspNetCore).ShouldBeEmpty();

    [Fact]
    public void Documents_DirectReferences_NoHostNorIdentity() =>
        DirectReferences(DocumentsAssembly).ShouldNotContain(n => n == "Dangjian.Web" || n == "Dangjian.Identity" || n == "dangjian");

    [Fact]
    public void Documents_ProjectFile_NoAspNetFramework()
    {
        ProjectItems("Dangjian.Documents", "FrameworkReference").ShouldNotContain("Microsoft.AspNetCore.App");
        ProjectItems("Dangjian.Documents", "PackageReference").Where(IsAspNetCore).ShouldBeEmpty();
    }

    // ---- OpenXML lives only in Documents -------------------------------------------------------

    [Theory]
    [InlineData("Dangjian.Core")]
    [InlineData("Dangjian.Identity")]
    [InlineData("dangjian")]
    [InlineData("Dangjian.Web")] // the web host may use Documents, but never OpenXML itself
    public void NonDocumentsAssembly_DirectReferences_NoOpenXml(string name) =>
        DirectReferences(ByName(name)).Where(IsOpenXml).ShouldBeEmpty();

    [Theory]
    [InlineData("Dangjian.Core")]
    [InlineData("Dangjian.Identity")]
    [InlineData("Dangjian.Cli")]
    [InlineData("Dangjian.Web")]
    public void NonDocumentsProject_ProjectFile_NoOpenXmlPackage(string project) =>
        ProjectItems(project, "PackageReference").Where(IsOpenXml).ShouldBeEmpty();

    [Fact]
    public void Documents_ProjectFile_IsTheOpenXmlHome() =>
        ProjectItems("Dangjian.Documents", "PackageReference").ShouldContain(p => IsOpenXml(p));

    // ---- layering ------------------------------------------------------------------------------

    [Fact]
    public void Identity_DirectReferences_NoHostNorDocuments() =>
        DirectReferences(IdentityAssembly).ShouldNotContain(n => n == "Dangjian.Web" || n == "Dangjian.Documents" || n == "dangjian");

    [Fact]
    public void Cli_DirectReferences_NoWebHost() =>
        DirectReferences(CliAssembly).ShouldNotContain("Dangjian.Web");
}
