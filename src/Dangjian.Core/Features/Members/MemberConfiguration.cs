using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Members;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(Member.NameMaxLength).IsRequired();
        builder.Property(m => m.Gender).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(m => m.Ethnicity).HasMaxLength(20).IsRequired();
        builder.Property(m => m.IdNumber).HasMaxLength(18).IsRequired();
        builder.Property(m => m.NativePlace).HasMaxLength(Member.TextMaxLength);
        builder.Property(m => m.Education).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Degree).HasMaxLength(50);
        builder.Property(m => m.Occupation).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.EmploymentStatus).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(m => m.Employer).HasMaxLength(Member.TextMaxLength);
        builder.Property(m => m.JobTitle).HasMaxLength(Member.TextMaxLength);
        builder.Property(m => m.CadreLevel).HasMaxLength(50);
        builder.Property(m => m.Phone).HasMaxLength(20);
        builder.Property(m => m.Address).HasMaxLength(Member.AddressMaxLength);
        builder.Property(m => m.Category).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(m => m.ExitType).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ExitReason).HasMaxLength(500);
        builder.Property(m => m.MobileWhere).HasMaxLength(Member.TextMaxLength);
        builder.Ignore(m => m.HasLeft);
        builder.Property(m => m.TransferredOutOn);
        builder.HasIndex(m => m.IdNumber).IsUnique();
        builder.HasIndex(m => m.OrganizationId);
        builder.HasIndex(m => m.GroupId);
        builder.HasIndex(m => m.Name);
        builder.Property(m => m.UserId).HasMaxLength(64);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MemberPlacementConfiguration : IEntityTypeConfiguration<MemberPlacement>
{
    public void Configure(EntityTypeBuilder<MemberPlacement> builder)
    {
        builder.ToTable("MemberPlacements");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.OrganizationId, p.From });
        builder.HasIndex(p => p.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
