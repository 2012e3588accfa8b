using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Evaluations;

public sealed class EvaluationSessionConfiguration : IEntityTypeConfiguration<EvaluationSession>
{
    public void Configure(EntityTypeBuilder<EvaluationSession> builder)
    {
        builder.ToTable("EvaluationSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Note).HasMaxLength(EvaluationSession.NoteMaxLength);
        builder.HasIndex(s => new { s.OrganizationId, s.Year }).IsUnique();
        builder.HasIndex(s => s.HeldOn);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationEntryConfiguration : IEntityTypeConfiguration<EvaluationEntry>
{
    public void Configure(EntityTypeBuilder<EvaluationEntry> builder)
    {
        builder.ToTable("EvaluationEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Grade).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(EvaluationEntry.NoteMaxLength);
        builder.HasIndex(e => new { e.SessionId, e.MemberId }).IsUnique();
        builder.HasIndex(e => e.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DispositionCaseConfiguration : IEntityTypeConfiguration<DispositionCase>
{
    public void Configure(EntityTypeBuilder<DispositionCase> builder)
    {
        builder.ToTable("DispositionCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Measure).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(c => c.Outcome).HasMaxLength(DispositionCase.TextMaxLength);
        builder.HasIndex(c => new { c.OrganizationId, c.Status });
        builder.HasIndex(c => c.MemberId);
        builder.HasIndex(c => c.EvaluationEntryId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvaluationEntry>().WithMany().HasForeignKey(c => c.EvaluationEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
