using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.Volunteering;

public sealed class VolunteerActivityConfiguration : IEntityTypeConfiguration<VolunteerActivity>
{
    public void Configure(EntityTypeBuilder<VolunteerActivity> builder)
    {
        builder.ToTable("VolunteerActivities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(VolunteerActivity.TitleMaxLength).IsRequired();
        builder.Property(a => a.ServiceProject).HasMaxLength(VolunteerActivity.ProjectMaxLength);
        builder.Property(a => a.Note).HasMaxLength(VolunteerActivity.NoteMaxLength);
        builder.Ignore(a => a.TotalHours);
        builder.HasIndex(a => new { a.OrganizationId, a.HeldOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class VolunteerParticipantConfiguration : IEntityTypeConfiguration<VolunteerParticipant>
{
    public void Configure(EntityTypeBuilder<VolunteerParticipant> builder)
    {
        builder.ToTable("VolunteerParticipants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Hours).HasPrecision(6, 2);
        builder.HasIndex(p => new { p.ActivityId, p.MemberId }).IsUnique();
        builder.HasIndex(p => p.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommunityReportConfiguration : IEntityTypeConfiguration<CommunityReport>
{
    public void Configure(EntityTypeBuilder<CommunityReport> builder)
    {
        builder.ToTable("CommunityReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Community).HasMaxLength(CommunityReport.CommunityMaxLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(CommunityReport.NoteMaxLength);
        builder.HasIndex(r => new { r.OrganizationId, r.ReportedOn });
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PioneerPostConfiguration : IEntityTypeConfiguration<PioneerPost>
{
    public void Configure(EntityTypeBuilder<PioneerPost> builder)
    {
        builder.ToTable("PioneerPosts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(PioneerPost.NameMaxLength).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(PioneerPost.NoteMaxLength);
        builder.HasIndex(p => new { p.OrganizationId, p.From });
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PioneerPostMemberConfiguration : IEntityTypeConfiguration<PioneerPostMember>
{
    public void Configure(EntityTypeBuilder<PioneerPostMember> builder)
    {
        builder.ToTable("PioneerPostMembers");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.PostId, m.MemberId }).IsUnique();
        builder.HasIndex(m => m.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
