using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.Assistance;

public sealed class AssistanceHouseholdConfiguration : IEntityTypeConfiguration<AssistanceHousehold>
{
    public void Configure(EntityTypeBuilder<AssistanceHousehold> builder)
    {
        builder.ToTable("AssistanceHouseholds");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Name).HasMaxLength(AssistanceHousehold.NameMaxLength).IsRequired();
        builder.Property(h => h.Address).HasMaxLength(AssistanceHousehold.AddressMaxLength);
        builder.Property(h => h.Note).HasMaxLength(AssistanceHousehold.NoteMaxLength);
        builder.HasIndex(h => h.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssistanceVisitConfiguration : IEntityTypeConfiguration<AssistanceVisit>
{
    public void Configure(EntityTypeBuilder<AssistanceVisit> builder)
    {
        builder.ToTable("AssistanceVisits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Visitors).HasMaxLength(AssistanceVisit.VisitorsMaxLength);
        builder.Property(v => v.Note).HasMaxLength(AssistanceVisit.NoteMaxLength);
        builder.HasIndex(v => new { v.OrganizationId, v.VisitedOn });
        builder.HasIndex(v => v.HouseholdId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssistanceHousehold>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssistanceProblemConfiguration : IEntityTypeConfiguration<AssistanceProblem>
{
    public void Configure(EntityTypeBuilder<AssistanceProblem> builder)
    {
        builder.ToTable("AssistanceProblems");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Description).HasMaxLength(AssistanceProblem.DescriptionMaxLength).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(AssistanceProblem.NoteMaxLength);
        builder.HasIndex(p => new { p.OrganizationId, p.CollectedOn });
        builder.HasIndex(p => p.HouseholdId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssistanceHousehold>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
