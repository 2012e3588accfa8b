using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Dangjian.Architecture.Tests;

/// <summary>The product's assemblies, loaded the way the test host resolves them, plus helpers over their metadata.</summary>
internal static class Assemblies
{
    public static Assembly CoreAssembly { get; } = typeof(Dangjian.Core.Data.DangjianDbContext).Assembly;
    public static Assembly IdentityAssembly { get; } = typeof(Dangjian.Identity.IdentityDb).Assembly;

    // Documents has no public type to name yet; the web host and the CLI both have a top-level Program, so load by name.
    public static Assembly DocumentsAssembly { get; } = Assembly.Load("Dangjian.Documents");
    public static Assembly WebAssembly { get; } = Assembly.Load("Dangjian.Web");
    public static Assembly CliAssembly { get; } = Assembly.Load("dangjian");

    public static IReadOnlyList<string> DirectReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Every assembly reachable through references, skipping the base class library (it references nothing of ours
    /// nor ASP.NET). Reaching ASP.NET through a package is as bad as referencing it directly.
    /// </summary>
    public static IReadOnlyList<string> TransitiveReferences(Assembly assembly)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(assembly.GetReferencedAssemblies());
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name.Name!) || IsBaseClassLibrary(name.Name!))
            {
                continue;
            }

            Assembly loaded;
            try
            {
                loaded = Assembly.Load(name);
            }
            catch (FileNotFoundException)
            {
                continue; // an optional dependency that is never loaded at run time either
            }

            foreach (var reference in loaded.GetReferencedAssemblies())
            {
                pending.Push(reference);
            }
        }

        return seen.ToList();
    }

    public static bool IsAspNetCore(string assemblyName) =>
        assemblyName.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase);

    public static bool IsOpenXml(string assemblyName) =>
        assemblyName.StartsWith("DocumentFormat.OpenXml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Types the author wrote: not anonymous types, closures, state machines or source-generator output.</summary>
    public static IEnumerable<Type> AuthoredTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => !IsGenerated(Outermost(t)) && !IsGenerated(t));

    public static XDocument ProjectFile(string project)
    {
        var path = Path.Combine(RepositoryRoot, "src", project, project + ".csproj");
        File.Exists(path).ShouldBeTrue($"missing project file {path}");
        return XDocument.Load(path);
    }

    public static IReadOnlyList<string> ProjectItems(string project, string item) =>
        ProjectFile(project).Descendants(item).Select(e => (string?)e.Attribute("Include") ?? "").ToList();

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dangjian.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dangjian.slnx not found above " + AppContext.BaseDirectory);
    }

    private static bool IsBaseClassLibrary(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System";

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static bool IsGenerated(Type type) =>
        type.Name.StartsWith('<')
        || type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || type.IsDefined(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), inherit: false);
}
