using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Organizations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(Organization.CodeMaxLength).IsRequired();
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(Organization.ShortNameMaxLength);
        builder.Property(o => o.Path).HasMaxLength(Organization.PathMaxLength).IsRequired();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(o => o.HostUnitName).HasMaxLength(Organization.HostUnitNameMaxLength);
        builder.Property(o => o.HostUnitCategory).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.DissolutionReason).HasMaxLength(500);
        builder.Ignore(o => o.IsDissolved);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => o.Path);
        builder.HasIndex(o => o.ParentId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
