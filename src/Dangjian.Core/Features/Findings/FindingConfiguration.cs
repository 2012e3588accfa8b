using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Findings;

public sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("Findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(f => f.Description).HasMaxLength(Finding.DescriptionMaxLength).IsRequired();
        builder.Property(f => f.OwnerName).HasMaxLength(Finding.NameMaxLength).IsRequired();
        builder.Property(f => f.Note).HasMaxLength(Finding.NoteMaxLength);
        builder.HasIndex(f => new { f.Source, f.SourceId });
        builder.HasIndex(f => new { f.OrganizationId, f.Status });
        builder.HasIndex(f => new { f.Status, f.Deadline });
        builder.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.OwnerMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
