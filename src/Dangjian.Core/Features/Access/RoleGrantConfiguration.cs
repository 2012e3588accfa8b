using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Access;

public sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("RoleGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.UserId).HasMaxLength(64).IsRequired();
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.HasIndex(g => g.UserId);
        builder.HasIndex(g => g.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
