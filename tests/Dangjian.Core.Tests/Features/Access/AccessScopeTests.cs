using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using static Dangjian.Core.Features.Access.Permission;
using static Dangjian.Core.Features.Access.Role;

namespace Dangjian.Core.Tests.Features.Access;

public sealed class AccessScopeTests
{
    private sealed record Row(string Path);

    private static AccessScope Scope(params (string Path, Role Role)[] roots) =>
        new("u1", false, roots.Select((r, i) => new ScopeRoot(i + 1, r.Path, $"组织{i + 1}", r.Role)).ToList());

    // ---- RoleRules.Grants --------------------------------------------------------------------

    [Theory]
    [InlineData(SystemAdmin, Read, true)]
    [InlineData(SystemAdmin, Write, true)]
    [InlineData(SystemAdmin, Administer, true)]
    [InlineData(OrgAdmin, Read, true)]
    [InlineData(OrgAdmin, Write, true)]
    [InlineData(OrgAdmin, Administer, true)]
    [InlineData(Worker, Read, true)]
    [InlineData(Worker, Write, true)]
    [InlineData(Worker, Administer, false)]
    [InlineData(ReadOnly, Read, true)]
    [InlineData(ReadOnly, Write, false)]
    [InlineData(ReadOnly, Administer, false)]
    [InlineData(Member, Read, false)]
    [InlineData(Member, Write, false)]
    [InlineData(Member, Administer, false)]
    public void Grants_RolePermissionPair_FollowsMatrix(Role role, Permission permission, bool expected) =>
        role.Grants(permission).ShouldBe(expected);

    [Fact]
    public void Grants_Matrix_CoversEveryRoleAndPermission()
    {
        // Guards the theory above: a new role or permission must be added to the matrix explicitly.
        Enum.GetValues<Role>().Length.ShouldBe(5);
        Enum.GetValues<Permission>().Length.ShouldBe(3);
    }

    [Fact]
    public void Grants_AnyRole_WriteOrAdministerImpliesRead()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            if (role.Grants(Write) || role.Grants(Administer))
            {
                role.Grants(Read).ShouldBeTrue(role.ToString());
            }

            if (role.Grants(Administer))
            {
                role.Grants(Write).ShouldBeTrue(role.ToString());
            }
        }
    }

    [Theory]
    [InlineData(SystemAdmin, "系统管理员")]
    [InlineData(OrgAdmin, "组织管理员")]
    [InlineData(Worker, "党务工作者")]
    [InlineData(ReadOnly, "只读")]
    [InlineData(Member, "党员")]
    public void Label_EveryRole_IsChinese(Role role, string expected) => role.Label().ShouldBe(expected);

    [Theory]
    [InlineData("OrgAdmin", OrgAdmin)]
    [InlineData("orgadmin", OrgAdmin)]
    [InlineData("组织管理员", OrgAdmin)]
    [InlineData("只读", ReadOnly)]
    [InlineData("SYSTEMADMIN", SystemAdmin)]
    public void TryParse_NameOrLabel_ReturnsRole(string text, Role expected)
    {
        RoleRules.TryParse(text, out var role).ShouldBeTrue();
        role.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("管理员")]
    [InlineData("1")]
    public void TryParse_UnknownText_ReturnsFalse(string? text) => RoleRules.TryParse(text, out _).ShouldBeFalse();

    // ---- Allows ------------------------------------------------------------------------------

    [Theory]
    [InlineData("/1/5/", true)]
    [InlineData("/1/5/9/", true)]
    [InlineData("/1/5/9/77/", true)]
    [InlineData("/1/50/", false)] // prefix sibling
    [InlineData("/1/", false)] // the parent
    [InlineData("/1/6/", false)]
    [InlineData("/5/", false)]
    public void Allows_OrgAdminOnSubtree_AdministersOnlyThatSubtree(string path, bool expected)
    {
        var scope = Scope(("/1/5/", OrgAdmin));
        scope.Allows(path, Administer).ShouldBe(expected);
        scope.Allows(path, Write).ShouldBe(expected);
        scope.Allows(path, Read).ShouldBe(expected);
    }

    [Fact]
    public void Allows_Worker_WritesButDoesNotAdminister()
    {
        var scope = Scope(("/1/5/", Worker));
        scope.Allows("/1/5/9/", Read).ShouldBeTrue();
        scope.Allows("/1/5/9/", Write).ShouldBeTrue();
        scope.Allows("/1/5/9/", Administer).ShouldBeFalse();
    }

    [Fact]
    public void Allows_ReadOnly_ReadsOnly()
    {
        var scope = Scope(("/1/5/", ReadOnly));
        scope.Allows("/1/5/9/", Read).ShouldBeTrue();
        scope.Allows("/1/5/9/", Write).ShouldBeFalse();
        scope.Allows("/1/5/9/", Administer).ShouldBeFalse();
    }

    [Fact]
    public void Allows_Member_Nothing()
    {
        var scope = Scope(("/1/5/", Member));
        foreach (var permission in Enum.GetValues<Permission>())
        {
            scope.Allows("/1/5/", permission).ShouldBeFalse(permission.ToString());
            scope.Allows("/1/5/9/", permission).ShouldBeFalse(permission.ToString());
        }
    }

    [Fact]
    public void Allows_SeveralRoots_EachRoleAppliesToItsOwnSubtree()
    {
        var scope = Scope(("/1/", ReadOnly), ("/1/5/", OrgAdmin), ("/2/", Worker));

        scope.Allows("/1/5/9/", Administer).ShouldBeTrue();
        scope.Allows("/1/7/", Administer).ShouldBeFalse();
        scope.Allows("/1/7/", Read).ShouldBeTrue();
        scope.Allows("/2/3/", Write).ShouldBeTrue();
        scope.Allows("/2/3/", Administer).ShouldBeFalse();
        scope.Allows("/20/", Read).ShouldBeFalse();
    }

    [Fact]
    public void Allows_Everything_AllowsAllPermissionsEverywhere()
    {
        var scope = AccessScope.Everything("admin");
        scope.IsSystemAdmin.ShouldBeTrue();
        scope.UserId.ShouldBe("admin");
        foreach (var path in new[] { "/1/", "/10/20/", "/999/" })
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                scope.Allows(path, permission).ShouldBeTrue($"{path} {permission}");
            }
        }
    }

    [Fact]
    public void Allows_Nobody_AllowsNothing()
    {
        AccessScope.Nobody.IsSystemAdmin.ShouldBeFalse();
        AccessScope.Nobody.UserId.ShouldBeNull();
        foreach (var permission in Enum.GetValues<Permission>())
        {
            AccessScope.Nobody.Allows("/1/", permission).ShouldBeFalse();
            AccessScope.Nobody.AllowsAnywhere(permission).ShouldBeFalse();
        }
    }

    [Fact]
    public void Allows_SystemAdminRoleAsRoot_AllowsItsSubtreeOnly()
    {
        // A SystemAdmin grant is loaded as IsSystemAdmin; a stray root with that role is still bounded by its path.
        var scope = Scope(("/1/", SystemAdmin));
        scope.Allows("/1/2/", Administer).ShouldBeTrue();
        scope.Allows("/2/", Read).ShouldBeFalse();
    }

    // ---- AllowsAnywhere ----------------------------------------------------------------------

    [Fact]
    public void AllowsAnywhere_Worker_WriteYesAdministerNo()
    {
        var scope = Scope(("/1/5/", Worker));
        scope.AllowsAnywhere(Read).ShouldBeTrue();
        scope.AllowsAnywhere(Write).ShouldBeTrue();
        scope.AllowsAnywhere(Administer).ShouldBeFalse();
    }

    // ---- Check -------------------------------------------------------------------------------

    [Fact]
    public void Check_Permitted_Succeeds() =>
        Scope(("/1/5/", OrgAdmin)).Check("/1/5/9/", Administer).IsSuccess.ShouldBeTrue();

    [Fact]
    public void Check_NotEvenReadable_ReturnsNotFound()
    {
        var result = Scope(("/1/5/", OrgAdmin)).Check("/1/50/", Administer);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        result.FirstError.Message.ShouldBe("组织不存在或不在您的管理范围内");
    }

    [Fact]
    public void Check_NotEvenReadableWithCustomMessage_UsesIt() =>
        AccessScope.Nobody.Check("/1/", Read, "党员不存在").FirstError.Message.ShouldBe("党员不存在");

    [Theory]
    [InlineData(ReadOnly, Write, "您没有在该组织登记工作的权限")]
    [InlineData(ReadOnly, Administer, "您没有管理该组织的权限")]
    [InlineData(Worker, Administer, "您没有管理该组织的权限")]
    public void Check_ReadableButNotPermitted_ReturnsForbidden(Role role, Permission permission, string message)
    {
        var result = Scope(("/1/5/", role)).Check("/1/5/9/", permission);

        result.IsSuccess.ShouldBeFalse();
        result.FirstError.Kind.ShouldBe(ErrorKind.Forbidden);
        result.FirstError.Message.ShouldBe(message);
    }

    [Fact]
    public void Check_MemberRoot_ReturnsNotFoundNotForbidden() =>
        Scope(("/1/5/", Member)).Check("/1/5/", Read).FirstError.Kind.ShouldBe(ErrorKind.NotFound);

    [Fact]
    public void Check_Nobody_ReturnsNotFound()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            AccessScope.Nobody.Check("/1/", permission).FirstError.Kind.ShouldBe(ErrorKind.NotFound);
        }
    }

    [Fact]
    public void Check_Everything_AlwaysSucceeds()
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            AccessScope.Everything(null).Check("/123/456/", permission).IsSuccess.ShouldBeTrue();
        }
    }

    // ---- PathsFor ----------------------------------------------------------------------------

    [Fact]
    public void PathsFor_NestedRoots_DropsNested()
    {
        var scope = Scope(("/1/5/9/", OrgAdmin), ("/1/", OrgAdmin), ("/1/5/", Worker));
        scope.PathsFor(Read).ShouldBe(["/1/"]);
        scope.PathsFor(Administer).ShouldBe(["/1/"]);
    }

    [Fact]
    public void PathsFor_RolesDiffer_KeepsOnlyRootsGrantingPermission()
    {
        var scope = Scope(("/1/", ReadOnly), ("/1/5/", Worker), ("/1/5/9/", OrgAdmin), ("/2/", Member));

        scope.PathsFor(Read).ShouldBe(["/1/"]);
        scope.PathsFor(Write).ShouldBe(["/1/5/"]);
        scope.PathsFor(Administer).ShouldBe(["/1/5/9/"]);
    }

    [Fact]
    public void PathsFor_PrefixSiblings_KeepsBoth() =>
        Scope(("/10/", OrgAdmin), ("/1/", OrgAdmin)).PathsFor(Read).ShouldBe(["/1/", "/10/"]);

    [Fact]
    public void PathsFor_Nobody_IsEmpty() => AccessScope.Nobody.PathsFor(Read).ShouldBeEmpty();

    // ---- PathFilter (in-memory evaluation of the scope filter) -------------------------------

    [Fact]
    public void PathFilter_Compiled_AgreesWithAllows()
    {
        var scope = Scope(("/1/", ReadOnly), ("/1/5/", OrgAdmin), ("/2/", Worker), ("/3/", Member));
        string[] paths = ["/1/", "/1/5/", "/1/5/9/", "/1/50/", "/1/7/", "/10/", "/2/", "/2/1/", "/20/", "/3/", "/3/1/", "/4/"];
        foreach (var permission in Enum.GetValues<Permission>())
        {
            var filter = scope.PathFilter<Row>(r => r.Path, permission).Compile();
            foreach (var path in paths)
            {
                filter(new Row(path)).ShouldBe(scope.Allows(path, permission), $"{path} {permission}");
            }
        }
    }

    [Fact]
    public void PathFilter_Nobody_MatchesNothing()
    {
        var filter = AccessScope.Nobody.PathFilter<Row>(r => r.Path).Compile();
        filter(new Row("/1/")).ShouldBeFalse();
    }

    [Fact]
    public void PathFilter_Everything_MatchesEverything()
    {
        var filter = AccessScope.Everything("a").PathFilter<Row>(r => r.Path, Administer).Compile();
        filter(new Row("/1/")).ShouldBeTrue();
        filter(new Row("/99/1/")).ShouldBeTrue();
    }
}
