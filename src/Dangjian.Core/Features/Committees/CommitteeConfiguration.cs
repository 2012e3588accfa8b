using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Committees;

public sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> builder)
    {
        builder.ToTable("CommitteeTerms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ApprovalNote).HasMaxLength(Term.NoteMaxLength);
        builder.HasIndex(t => new { t.OrganizationId, t.Number }).IsUnique();
        builder.HasIndex(t => t.PlannedEndOn);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ElectionConfiguration : IEntityTypeConfiguration<Election>
{
    public void Configure(EntityTypeBuilder<Election> builder)
    {
        builder.ToTable("CommitteeElections");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.OrganizationId, e.HeldOn });
        builder.HasIndex(e => e.TermId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Term>().WithMany().HasForeignKey(e => e.TermId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ElectionCandidateConfiguration : IEntityTypeConfiguration<ElectionCandidate>
{
    public void Configure(EntityTypeBuilder<ElectionCandidate> builder)
    {
        builder.ToTable("CommitteeElectionCandidates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CommitteeMember.NameMaxLength).IsRequired();
        builder.HasIndex(c => c.ElectionId);
        builder.HasIndex(c => c.MemberId);
        builder.HasOne<Election>().WithMany().HasForeignKey(c => c.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> builder)
    {
        builder.ToTable("CommitteeMembers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CommitteeMember.NameMaxLength).IsRequired();
        builder.Property(c => c.Post).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.HasIndex(c => new { c.OrganizationId, c.To });
        builder.HasIndex(c => c.TermId);
        builder.HasIndex(c => c.MemberId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Term>().WithMany().HasForeignKey(c => c.TermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ElectionSettingsConfiguration : IEntityTypeConfiguration<ElectionSettings>
{
    public void Configure(EntityTypeBuilder<ElectionSettings> builder)
    {
        builder.ToTable("ElectionSettings");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.OrganizationId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
